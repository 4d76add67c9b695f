package io.github.srboot.test.streamload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live contents of one stub table, for assertions: rows by key, row count, rows loaded.
 *
 * <p>Values are the text StarRocks would store: integers and booleans canonical ({@code 1}/{@code 0}), decimals at
 * the column's scale, dates ISO, NULL as {@code null}. Thread-safe; every read returns a snapshot.
 */
public final class TableContents {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StubTable table;

    private final boolean storingRows;

    private final ValueType[] types;

    private final int keyWidth;

    /** Rows of keyed tables by key, in first-insert order. */
    private final Map<List<String>, String[]> rowsByKey = new LinkedHashMap<>();

    /** Rows of DUPLICATE tables in load order. */
    private final List<String[]> appendedRows = new ArrayList<>();

    private final AtomicLong loadedRows = new AtomicLong();

    /** The last AUTO_INCREMENT id handed out. */
    private long lastAutoIncrement;

    private final AtomicLong loadedBytes = new AtomicLong();

    private final AtomicLong committedLoads = new AtomicLong();

    TableContents(StubTable table, boolean storingRows) {
        this.table = table;
        this.storingRows = storingRows;
        this.types = table.columns().stream().map(StubColumn::valueType).toArray(ValueType[]::new);
        this.keyWidth = table.keyColumns().size();
    }

    /**
     * The table's declaration.
     */
    public StubTable table() {
        return this.table;
    }

    /**
     * Whether rows are stored ({@code false} in counting mode, where only {@link #loadedRows()} is kept).
     */
    public boolean storesRows() {
        return this.storingRows;
    }

    /**
     * Rows accepted by committed loads (upserts, appends and deletes alike), counted in every mode.
     */
    public long loadedRows() {
        return this.loadedRows.get();
    }

    /**
     * Body bytes of committed loads into this table, as received (before decompression).
     */
    public long loadedBytes() {
        return this.loadedBytes.get();
    }

    /**
     * Loads (and committed transactions) applied to this table.
     */
    public long committedLoads() {
        return this.committedLoads.get();
    }

    /**
     * The number of rows the table holds now.
     * @throws IllegalStateException in counting mode, where rows are not stored
     */
    public synchronized long rowCount() {
        requireStoring();
        return (this.table.keyModel() == KeyModel.DUPLICATE) ? this.appendedRows.size() : this.rowsByKey.size();
    }

    /**
     * Every row, column name to stored text, in table column order.
     * @throws IllegalStateException in counting mode, where rows are not stored
     */
    public synchronized List<Map<String, String>> rows() {
        requireStoring();
        Iterable<String[]> source = (this.table.keyModel() == KeyModel.DUPLICATE) ? this.appendedRows
                : this.rowsByKey.values();
        List<Map<String, String>> result = new ArrayList<>();
        for (String[] row : source) {
            result.add(asMap(row));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The row with this key (key column values in key order, any type; compared after conversion to the column
     * type), if present. For DUPLICATE tables, the first such row.
     */
    public Optional<Map<String, String>> row(Object... key) {
        List<Map<String, String>> found = rowsWithKey(key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Every row with this key: at most one for keyed tables, any number for DUPLICATE tables.
     */
    public synchronized List<Map<String, String>> rowsWithKey(Object... key) {
        requireStoring();
        List<String> wanted = canonicalKey(key);
        if (this.table.keyModel() != KeyModel.DUPLICATE) {
            String[] row = this.rowsByKey.get(wanted);
            return (row != null) ? List.of(asMap(row)) : List.of();
        }
        List<Map<String, String>> result = new ArrayList<>();
        for (String[] row : this.appendedRows) {
            if (Arrays.asList(row).subList(0, this.keyWidth).equals(wanted)) {
                result.add(asMap(row));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * What {@code ALTER TABLE ... ADD COLUMN} makes of this table: the same rows and counters, the column appended
     * (as the last column), holding its default (or NULL) in every existing row, as StarRocks fills added columns.
     */
    synchronized TableContents withColumnAdded(StubColumn column) {
        List<StubColumn> columns = new ArrayList<>(this.table.columns());
        columns.add(column);
        TableContents altered = new TableContents(new StubTable(this.table.database(), this.table.name(),
                this.table.keyModel(), columns, this.table.keyColumns(), this.table.sortKey()), this.storingRows);
        int added = columns.size() - 1;
        this.rowsByKey.forEach((key, row) -> altered.rowsByKey.put(key, widened(row, altered.defaultValue(added))));
        this.appendedRows.forEach((row) -> altered.appendedRows.add(widened(row, altered.defaultValue(added))));
        altered.loadedRows.set(this.loadedRows.get());
        altered.loadedBytes.set(this.loadedBytes.get());
        altered.committedLoads.set(this.committedLoads.get());
        return altered;
    }

    /**
     * What {@code ALTER TABLE ... DROP COLUMN} makes of this table: the same rows and counters without the column.
     */
    synchronized TableContents withColumnDropped(int column) {
        List<StubColumn> columns = new ArrayList<>(this.table.columns());
        columns.remove(column);
        TableContents altered = new TableContents(new StubTable(this.table.database(), this.table.name(),
                this.table.keyModel(), columns, this.table.keyColumns(), this.table.sortKey()), this.storingRows);
        this.rowsByKey.forEach((key, row) -> altered.rowsByKey.put(key, narrowed(row, column)));
        this.appendedRows.forEach((row) -> altered.appendedRows.add(narrowed(row, column)));
        altered.loadedRows.set(this.loadedRows.get());
        altered.loadedBytes.set(this.loadedBytes.get());
        altered.committedLoads.set(this.committedLoads.get());
        return altered;
    }

    /**
     * What a column change of {@code ALTER TABLE} (a column added at a position, renamed, modified or moved) makes of
     * this table: the rows in the new shape, each new column taken from the old column {@code sources[i]}, or holding
     * its default (or NULL) where {@code sources[i]} is negative; counters kept.
     */
    synchronized TableContents withShape(StubTable shape, int[] sources) {
        TableContents altered = new TableContents(shape, this.storingRows);
        for (String[] row : this.rowsByKey.values()) {
            String[] reshaped = altered.reshaped(row, sources);
            altered.rowsByKey.put(List.of(Arrays.copyOf(reshaped, altered.keyWidth)), reshaped);
        }
        this.appendedRows.forEach((row) -> altered.appendedRows.add(altered.reshaped(row, sources)));
        altered.loadedRows.set(this.loadedRows.get());
        altered.loadedBytes.set(this.loadedBytes.get());
        altered.committedLoads.set(this.committedLoads.get());
        return altered;
    }

    private String[] reshaped(String[] row, int[] sources) {
        String[] reshaped = new String[sources.length];
        for (int i = 0; i < sources.length; i++) {
            reshaped[i] = (sources[i] >= 0) ? row[sources[i]] : defaultValue(i);
        }
        return reshaped;
    }

    private static String[] narrowed(String[] row, int column) {
        String[] narrowed = new String[row.length - 1];
        System.arraycopy(row, 0, narrowed, 0, column);
        System.arraycopy(row, column + 1, narrowed, column, row.length - column - 1);
        return narrowed;
    }

    private static String[] widened(String[] row, String value) {
        String[] widened = Arrays.copyOf(row, row.length + 1);
        widened[row.length] = value;
        return widened;
    }

    synchronized void clear() {
        this.rowsByKey.clear();
        this.appendedRows.clear();
        this.loadedRows.set(0);
        this.loadedBytes.set(0);
        this.committedLoads.set(0);
    }

    /**
     * Counts a committed load that was not stored (counting mode).
     */
    void count(long rows, long bytes) {
        this.loadedRows.addAndGet(rows);
        this.loadedBytes.addAndGet(bytes);
        this.committedLoads.incrementAndGet();
    }

    /**
     * Applies the rows of one committed load atomically, with the semantics of the key model.
     * @param mergeCondition index of the {@code merge_condition} column, or -1
     */
    synchronized void apply(List<RowChange> changes, int mergeCondition, long bytes) {
        if (this.storingRows) {
            for (RowChange change : changes) {
                applyOne(change, mergeCondition);
            }
        }
        this.loadedRows.addAndGet(changes.size());
        this.loadedBytes.addAndGet(bytes);
        this.committedLoads.incrementAndGet();
    }

    private void applyOne(RowChange change, int mergeCondition) {
        if (this.table.keyModel() == KeyModel.DUPLICATE) {
            this.appendedRows.add(withDefaults(change.values(), change.provided()));
            return;
        }
        List<String> key = Arrays.asList(Arrays.copyOf(change.values(), this.keyWidth));
        if (change.delete()) {
            this.rowsByKey.remove(key);
            return;
        }
        String[] existing = this.rowsByKey.get(key);
        if (existing == null) {
            this.rowsByKey.put(key, withDefaults(change.values(), change.provided()));
            return;
        }
        switch (this.table.keyModel()) {
            case PRIMARY -> {
                if (mergeCondition >= 0 && !newerOrEqual(mergeCondition, change.values()[mergeCondition],
                        existing[mergeCondition])) {
                    return;
                }
                String[] updated = existing.clone();
                for (int i = 0; i < updated.length; i++) {
                    if (change.provided()[i]) {
                        updated[i] = change.values()[i];
                    }
                }
                this.rowsByKey.put(key, updated);
            }
            case UNIQUE -> this.rowsByKey.put(key, withDefaults(change.values(), change.provided()));
            case AGGREGATE -> this.rowsByKey.put(key, aggregate(existing, withDefaults(change.values(),
                    change.provided())));
            default -> throw new IllegalStateException("Unexpected key model " + this.table.keyModel());
        }
    }

    private String[] withDefaults(String[] values, boolean[] provided) {
        String[] row = values.clone();
        for (int i = 0; i < row.length; i++) {
            if (!provided[i]) {
                row[i] = defaultValue(i);
            }
        }
        return row;
    }

    /**
     * The value {@code DEFAULT} stands for in a row written over SQL: the column's default evaluated now (a new id
     * for an AUTO_INCREMENT column: {@code InsertAnalyzer} writes NULL there and the BE fills it), {@code null}
     * without one.
     * @throws IllegalArgumentException when the table has no such column
     */
    public synchronized String defaultValue(String columnName) {
        return defaultValue(requireColumn(columnName));
    }

    /**
     * The stored default of a column, evaluating the functions StarRocks allows as defaults.
     */
    private String defaultValue(int column) {
        String defaultValue = this.table.columns().get(column).defaultValue();
        if (defaultValue == null) {
            return null;
        }
        return switch (defaultValue) {
            // the FE hands out ids from 1 up (AutoIncrementInfo) and the BE gives one to each new row stored
            // without a value, a partial update of an existing row keeping its id (be/src/storage/
            // rowset_update_state.cpp): the ids of one BE are consecutive
            case StubColumn.AUTO_INCREMENT -> Long.toString(++this.lastAutoIncrement);
            case StubColumn.UUID -> UUID.randomUUID().toString();
            case StubColumn.UUID_NUMERIC -> new BigInteger(127, ThreadLocalRandom.current()).toString();
            case StubColumn.CURRENT_TIMESTAMP -> (this.types[column].kind() == ValueType.Kind.DATETIME)
                    ? LocalDateTime.now().format(DATE_TIME) : this.types[column].convert(defaultValue);
            default -> this.types[column].convert(defaultValue);
        };
    }

    private String[] aggregate(String[] existing, String[] loaded) {
        String[] merged = existing.clone();
        for (int i = this.keyWidth; i < merged.length; i++) {
            String old = existing[i];
            String value = loaded[i];
            merged[i] = switch (this.table.columns().get(i).aggregate()) {
                case SUM -> (old == null) ? value : (value == null) ? old
                        : this.types[i].convert(new BigDecimal(old).add(new BigDecimal(value)).toPlainString());
                case MAX -> (old == null) ? value : (value == null) ? old : (compare(i, value, old) > 0) ? value : old;
                case MIN -> (old == null) ? value : (value == null) ? old : (compare(i, value, old) < 0) ? value : old;
                case REPLACE -> value;
                case REPLACE_IF_NOT_NULL -> (value != null) ? value : old;
            };
        }
        return merged;
    }

    /**
     * {@code merge_condition}: the load wins when its value is greater than or equal to the stored one, NULL being
     * below every value (StarRocks compares with {@code NullableColumn::compare_at}, NULL first, and skips a row
     * only when the stored value is greater: {@code be/src/storage/tablet_updates.cpp}). Deletes never reach this
     * comparison ({@link #applyOne}), as in StarRocks.
     */
    private boolean newerOrEqual(int column, String loaded, String stored) {
        if (stored == null) {
            return true;
        }
        if (loaded == null) {
            return false;
        }
        return compare(column, loaded, stored) >= 0;
    }

    private int compare(int column, String left, String right) {
        if (this.types[column].isNumeric()) {
            return new BigDecimal(left).compareTo(new BigDecimal(right));
        }
        return left.compareTo(right);
    }

    /**
     * Applies rows written over SQL ({@code INSERT}, {@code UPDATE}, {@code DELETE} of the embedded SQL front end)
     * atomically, with the key model's semantics: each upsert maps column names to values (converted to the column
     * type as loaded values are, {@code null} for NULL); a column it leaves out gets its default, or keeps its value
     * when a PRIMARY KEY row is updated. Deletes name rows by their key values in key order (keyed tables).
     * With a {@code merge_condition} column ({@code null} for none), an upsert whose value in it is lower than the
     * stored row's leaves that row as it is, as in a Stream Load with that header.
     * @throws IllegalArgumentException naming the column and value when a value is not of the column's type, a
     * column is unknown, or a NOT NULL column would hold NULL; nothing is applied then
     */
    public synchronized void writeRows(List<Map<String, String>> upserts, List<List<String>> deletes,
            String mergeCondition) {
        requireStoring();
        int mergeColumn = (mergeCondition != null) ? requireColumn(mergeCondition) : -1;
        List<RowChange> changes = new ArrayList<>();
        for (List<String> key : deletes) {
            String[] values = new String[this.types.length];
            List<String> canonical = canonicalKey(key.toArray());
            for (int i = 0; i < canonical.size(); i++) {
                values[i] = canonical.get(i);
            }
            changes.add(new RowChange(true, values, new boolean[this.types.length]));
        }
        for (Map<String, String> row : upserts) {
            String[] values = new String[this.types.length];
            boolean[] provided = new boolean[this.types.length];
            for (Map.Entry<String, String> entry : row.entrySet()) {
                int column = this.table.columnIndex(entry.getKey());
                if (column < 0) {
                    throw new IllegalArgumentException("Table '" + this.table.name() + "' has no column '"
                            + entry.getKey() + "'");
                }
                values[column] = storedValue(column, entry.getValue());
                provided[column] = true;
            }
            changes.add(new RowChange(false, values, provided));
        }
        for (RowChange change : changes) {
            if (!change.delete()) {
                String[] row = (this.table.keyModel() == KeyModel.PRIMARY && this.rowsByKey.containsKey(
                        Arrays.asList(Arrays.copyOf(change.values(), this.keyWidth)))) ? null
                                : withDefaults(change.values(), change.provided());
                for (int i = 0; row != null && i < row.length; i++) {
                    if (row[i] == null && !this.table.columns().get(i).nullable()) {
                        throw new IllegalArgumentException("Column '" + this.table.columns().get(i).name()
                                + "' of table '" + this.table.name() + "' is NOT NULL and got no value");
                    }
                }
            }
        }
        apply(changes, mergeColumn, 0);
    }

    /**
     * Removes the rows of a DUPLICATE KEY table that match (a {@code DELETE ... WHERE} over SQL), as one change.
     * @param matching tests a row, column name to stored text ({@code null} for NULL)
     * @return the number of rows removed
     * @throws IllegalStateException for a table of another key model, or in counting mode
     */
    public synchronized int removeRows(java.util.function.Predicate<Map<String, String>> matching) {
        requireStoring();
        if (this.table.keyModel() != KeyModel.DUPLICATE) {
            throw new IllegalStateException("Rows of the " + this.table.keyModel() + " KEY table '"
                    + this.table.name() + "' are deleted by key");
        }
        int before = this.appendedRows.size();
        this.appendedRows.removeIf((row) -> matching.test(asMap(row)));
        return before - this.appendedRows.size();
    }

    /**
     * Compares two stored values of a column by the column's type (numbers numerically, other types as text);
     * {@code null} sorts first.
     */
    public int compareValues(String columnName, String left, String right) {
        if (left == null || right == null) {
            return (left == null) ? ((right == null) ? 0 : -1) : 1;
        }
        return compare(requireColumn(columnName), left, right);
    }

    /**
     * The value as this column stores it (e.g. {@code 1} for {@code true} in a BOOLEAN column, a decimal at the
     * column's scale), for comparing a literal with stored values.
     * @throws IllegalArgumentException naming the column when the value is not of its type
     */
    public String storedValue(String columnName, String value) {
        return storedValue(requireColumn(columnName), value);
    }

    private String storedValue(int column, String value) {
        if (value == null) {
            return null;
        }
        String converted = this.types[column].convert(value);
        if (converted == null) {
            throw new IllegalArgumentException("'" + value + "' is not a value of column '"
                    + this.table.columns().get(column).name() + "' (" + this.table.columns().get(column).type() + ")");
        }
        return converted;
    }

    private int requireColumn(String columnName) {
        int column = this.table.columnIndex(columnName);
        if (column < 0) {
            throw new IllegalArgumentException("Table '" + this.table.name() + "' has no column '" + columnName + "'");
        }
        return column;
    }

    private List<String> canonicalKey(Object... key) {
        if (key.length != this.keyWidth) {
            throw new IllegalArgumentException("Table '" + this.table.name() + "' has key " + this.table.keyColumns()
                    + "; got " + key.length + " key value(s)");
        }
        List<String> canonical = new ArrayList<>(key.length);
        for (int i = 0; i < key.length; i++) {
            if (key[i] == null) {
                canonical.add(null);
                continue;
            }
            String converted = this.types[i].convert(String.valueOf(key[i]));
            if (converted == null) {
                throw new IllegalArgumentException("'" + key[i] + "' is not a value of key column '"
                        + this.table.keyColumns().get(i) + "' (" + this.table.columns().get(i).type() + ")");
            }
            canonical.add(converted);
        }
        return canonical;
    }

    private Map<String, String> asMap(String[] row) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
            map.put(this.table.columns().get(i).name(), row[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    private void requireStoring() {
        if (!this.storingRows) {
            throw new IllegalStateException("The stub runs in counting mode and stores no rows of table '"
                    + this.table.name() + "'; use loadedRows()");
        }
    }

    @Override
    public synchronized String toString() {
        return "TableContents[" + this.table.database() + "." + this.table.name() + ", loadedRows="
                + this.loadedRows.get() + (this.storingRows ? ", rowCount=" + rowCount() : ", counting only") + "]";
    }

}
