package io.github.srboot.test.streamload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.srboot.test.streamload.LoadOptions.ColumnMapping;

/**
 * How the fields of each loaded row map onto a table's columns, from the {@code columns}/{@code jsonpaths}
 * headers: which source fields exist, where each goes, constant assignments, {@code __op}, partial update.
 */
final class LoadPlan {

    static final String OP_COLUMN = "__op";

    private final StubTable table;

    private final ValueType[] types;

    /** Names of the fields read from each source row (CSV: positional; JSON: by name or jsonpath). */
    private final List<String> sourceNames = new ArrayList<>();

    /** Table column index per source field, -1 for a field not loaded (a temporary column). */
    private final List<Integer> sourceTargets = new ArrayList<>();

    /** Constant or copied values: target column index (or -2 for {@code __op}) and its expression. */
    private final List<Assignment> assignments = new ArrayList<>();

    private final boolean[] provided;

    private final boolean partialUpdate;

    private final int mergeCondition;

    private int opSource = -1;

    private record Assignment(int target, String literal, int source) {
    }

    LoadPlan(StubTable table, LoadOptions options) throws LoadFailedException {
        this.table = table;
        this.types = table.columns().stream().map(StubColumn::valueType).toArray(ValueType[]::new);
        this.provided = new boolean[table.columns().size()];
        this.partialUpdate = options.partialUpdate();
        List<ColumnMapping> mappings = options.columns();
        if (mappings == null) {
            mappings = table.columns().stream().map((column) -> new ColumnMapping(column.name(), null)).toList();
        }
        for (ColumnMapping mapping : mappings) {
            if (mapping.expression() == null) {
                addSource(mapping.name());
            }
        }
        for (ColumnMapping mapping : mappings) {
            if (mapping.expression() != null) {
                addAssignment(mapping);
            }
        }
        boolean usesOp = this.opSource >= 0 || this.assignments.stream().anyMatch((a) -> a.target() == -2);
        if (usesOp && table.keyModel() != KeyModel.PRIMARY) {
            throw new LoadFailedException("Column __op (upsert/delete) is only supported on PRIMARY KEY tables; '"
                    + table.name() + "' is a " + table.keyModel() + " KEY table");
        }
        if (options.jsonPaths() != null && options.jsonPaths().size() != this.sourceNames.size()) {
            throw new LoadFailedException("jsonpaths has " + options.jsonPaths().size() + " path(s) but "
                    + this.sourceNames.size() + " column(s) are loaded: " + this.sourceNames);
        }
        if (this.partialUpdate) {
            if (table.keyModel() != KeyModel.PRIMARY) {
                // StarRocks' text (StreamLoadPlanner)
                throw new LoadFailedException("Only primary key table support partial update");
            }
            if (options.columnMode() && table.sortKey().stream()
                .anyMatch((column) -> table.keyColumns().stream().noneMatch(column::equalsIgnoreCase))) {
                // recorded: a column-mode partial update of a table whose sort key has a non-key column is refused,
                // even when the load lists every sort key column (corpus CASE_039); a sort key that only reorders
                // the key columns is fine (CASE_040)
                throw new LoadFailedException("partial update on table with sort key must provide all sort key "
                        + "columns");
            }
            for (int i = 0; i < table.keyColumns().size(); i++) {
                if (!this.provided[i]) {
                    // StarRocks' text (Load.getPartialUpateColumns): the first key column not listed
                    throw new LoadFailedException("key column " + table.keyColumns().get(i)
                            + " not in partial update columns");
                }
            }
        }
        else {
            for (int i = 0; i < this.provided.length; i++) {
                StubColumn column = table.columns().get(i);
                if (!this.provided[i] && !column.nullable() && column.defaultValue() == null) {
                    throw new LoadFailedException("Column '" + column.name() + "' has no default value and is NOT "
                            + "NULL, but the load does not provide it");
                }
            }
        }
        if (options.mergeCondition() != null) {
            int index = table.columnIndex(options.mergeCondition());
            if (table.keyModel() != KeyModel.PRIMARY) {
                throw new LoadFailedException("merge_condition is only supported on PRIMARY KEY tables");
            }
            if (index >= 0 && index < table.keyColumns().size()) {
                // StarRocks' text, recorded (corpus CASE_028, CASE_033)
                throw new LoadFailedException("Merge condition column " + options.mergeCondition()
                        + " should not be primary key!");
            }
            if (index < 0 || (this.partialUpdate && !this.provided[index])) {
                // StarRocks' text, recorded (corpus CASE_028)
                throw new LoadFailedException("Merge condition column " + options.mergeCondition()
                        + " does not exist. If you are doing partial update with condition update, please check "
                        + "condition column is in the given update columns. Otherwise please check condition column"
                        + " is in table " + table.name());
            }
            // In column mode StarRocks writes the listed columns whatever the condition: its BE applies column-mode
            // rowsets apart from the conditional upsert (be/src/storage/tablet_updates.cpp _apply_rowset_commit,
            // be/src/storage/rowset_column_update_state.cpp finalize; recorded: corpus CASE_037).
            this.mergeCondition = (this.partialUpdate && options.columnMode()) ? -1 : index;
        }
        else {
            this.mergeCondition = -1;
        }
    }

    private void addSource(String name) throws LoadFailedException {
        for (String existing : this.sourceNames) {
            if (existing.equalsIgnoreCase(name)) {
                throw new LoadFailedException("Column '" + name + "' appears twice in header columns");
            }
        }
        this.sourceNames.add(name);
        if (name.equalsIgnoreCase(OP_COLUMN)) {
            this.opSource = this.sourceNames.size() - 1;
            this.sourceTargets.add(-1);
            return;
        }
        int target = this.table.columnIndex(name);
        this.sourceTargets.add(target);
        if (target >= 0) {
            this.provided[target] = true;
        }
    }

    private void addAssignment(ColumnMapping mapping) throws LoadFailedException {
        String expression = mapping.expression();
        int target = mapping.name().equalsIgnoreCase(OP_COLUMN) ? -2 : this.table.columnIndex(mapping.name());
        if (target == -1) {
            throw new LoadFailedException("Unknown column '" + mapping.name() + "' in header columns of table '"
                    + this.table.name() + "'");
        }
        String literal = null;
        int source = -1;
        if (expression.length() >= 2 && (expression.startsWith("'") && expression.endsWith("'")
                || expression.startsWith("\"") && expression.endsWith("\""))) {
            literal = expression.substring(1, expression.length() - 1);
        }
        else if (expression.matches("-?\\d+(\\.\\d+)?")) {
            literal = expression;
        }
        else if (expression.matches("(?i)(now|current_timestamp)\\(\\s*\\)")) {
            // now() is the plan's start time: StreamLoadPlanner sets TQueryGlobals.now_string when it plans the
            // load, and the BE's now() answers that instant (the stub plans in the JVM's time zone, the FE's default)
            literal = java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        else {
            String name = (expression.startsWith("`") && expression.endsWith("`") && expression.length() >= 2)
                    ? expression.substring(1, expression.length() - 1) : expression;
            for (int i = 0; i < this.sourceNames.size(); i++) {
                if (this.sourceNames.get(i).equalsIgnoreCase(name)) {
                    source = i;
                }
            }
            if (source < 0) {
                throw new LoadFailedException("The stream load stub supports only column names, quoted strings, "
                        + "numbers and now() as expressions in header columns, not: " + mapping.name() + "=" + expression);
            }
        }
        this.assignments.add(new Assignment(target, literal, source));
        if (target >= 0) {
            this.provided[target] = true;
        }
    }

    List<String> sourceNames() {
        return this.sourceNames;
    }

    int mergeCondition() {
        return this.mergeCondition;
    }

    StubTable table() {
        return this.table;
    }

    /**
     * Whether the source field loads into a JSON column, which keeps a JSON value as JSON (a string stays quoted:
     * corpus JSON025, JSON026).
     */
    boolean loadsIntoJson(int source) {
        return targetType(source) != null && targetType(source).kind() == ValueType.Kind.JSON;
    }

    /**
     * The type of the column a source field loads into, {@code null} for a field not loaded.
     */
    ValueType targetType(int source) {
        int target = this.sourceTargets.get(source);
        return (target >= 0) ? this.types[target] : null;
    }

    /** Whether the source field loads into an ARRAY column. */
    boolean loadsIntoArray(int source) {
        int target = this.sourceTargets.get(source);
        return target >= 0 && this.table.columns().get(target).type().strip().toUpperCase(java.util.Locale.ROOT)
            .startsWith("ARRAY");
    }

    /**
     * The default of the table column a source field loads into, for JSON rows missing that field.
     */
    String defaultForSource(int source) {
        int target = this.sourceTargets.get(source);
        return (target >= 0) ? this.table.columns().get(target).defaultValue() : null;
    }

    /**
     * Maps one source row onto the table.
     * @param source the field values in {@link #sourceNames()} order, {@code null} for NULL
     * @param strictMode whether a value that does not fit rejects the row (else it becomes NULL)
     * @return the change, or a {@link Rejection}
     */
    Object map(String[] source, boolean strictMode) {
        String[] values = new String[this.provided.length];
        String op = null;
        for (int i = 0; i < source.length; i++) {
            int target = this.sourceTargets.get(i);
            if (target >= 0) {
                values[target] = source[i];
            }
        }
        if (this.opSource >= 0) {
            op = source[this.opSource];
        }
        for (Assignment assignment : this.assignments) {
            String value = (assignment.literal() != null) ? assignment.literal() : source[assignment.source()];
            if (assignment.target() == -2) {
                op = value;
            }
            else {
                values[assignment.target()] = value;
            }
        }
        boolean delete = false;
        if (op != null) {
            switch (op.trim().toLowerCase(Locale.ROOT)) {
                case "0", "upsert" -> delete = false;
                case "1", "delete" -> delete = true;
                default -> {
                    return new Rejection("Invalid __op value '" + op + "' (expected 0/upsert or 1/delete)");
                }
            }
        }
        int checked = delete ? this.table.keyColumns().size() : values.length;
        for (int i = 0; i < checked; i++) {
            if (!this.provided[i]) {
                continue;
            }
            StubColumn column = this.table.columns().get(i);
            if (values[i] != null) {
                String converted = this.types[i].convert(values[i]);
                // Outside strict mode a value that does not convert is NULL where the column takes NULL, duplicate
                // key columns included (test/sql/test_json/R/test_json_check_number_overflow loads overflowing
                // numbers as NULL into t1's inferred key columns d1 and f1); it filters the row where the column
                // does not (NOT NULL, and primary key columns, which StarRocks makes NOT NULL).
                boolean primaryKey = this.table.keyModel() == KeyModel.PRIMARY && i < this.table.keyColumns().size();
                if (converted == null && (strictMode || !column.nullable() || primaryKey)) {
                    return new Rejection("Value '" + values[i] + "' is not valid for column '" + column.name()
                            + "' of type " + column.type());
                }
                values[i] = converted;
            }
            if (values[i] == null && !column.nullable()) {
                return new Rejection("NULL value in non-nullable column '" + column.name() + "'");
            }
        }
        return new RowChange(delete, values, this.provided);
    }

    /**
     * Why a row was filtered out.
     * @param reason the reason, as shown in the error log
     */
    record Rejection(String reason) {
    }

}
