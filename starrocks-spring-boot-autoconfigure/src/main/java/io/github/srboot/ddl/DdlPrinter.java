package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one place where DDL text comes into being: renders every statement of the model, quoting every identifier with
 * backquotes and escaping every string literal (double quotes, backslash escapes, control characters escaped so a
 * literal never spans lines). Layout follows {@code SHOW CREATE}: upper-case keywords, one column per line.
 */
final class DdlPrinter {

    private static final String INDENT = "  ";

    private DdlPrinter() {
    }

    // ---- quoting ----------------------------------------------------------------------------------------------

    /**
     * Backquotes an identifier, doubling backquotes inside it.
     * @param name the identifier
     * @return the quoted identifier
     * @throws DdlValidationException when the name is empty or contains control characters
     */
    static String identifier(String name) {
        Names.require("identifier", name);
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * A double-quoted string literal with backslash escapes.
     * @param value the value
     * @return the literal
     */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                case '\b' -> out.append("\\b");
                case '\u001A' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String qualified(String database, String name) {
        return (database != null) ? identifier(database) + "." + identifier(name) : identifier(name);
    }

    private static String qualified(ObjectName name) {
        return qualified(name.database(), name.name());
    }

    private static String identifiers(List<String> names) {
        StringJoiner joiner = new StringJoiner(", ");
        names.forEach((name) -> joiner.add(identifier(name)));
        return joiner.toString();
    }

    private static String strings(List<String> values) {
        StringJoiner joiner = new StringJoiner(", ");
        values.forEach((value) -> joiner.add(string(value)));
        return joiner.toString();
    }

    // ---- types ------------------------------------------------------------------------------------------------

    static String type(DataType type) {
        if (type instanceof ScalarType scalar) {
            return scalar.arguments().isEmpty() ? scalar.kind().name()
                    : scalar.kind().name() + "(" + join(scalar.arguments()) + ")";
        }
        if (type instanceof ArrayType array) {
            return "ARRAY<" + type(array.element()) + ">";
        }
        if (type instanceof MapType map) {
            return "MAP<" + type(map.key()) + ", " + type(map.value()) + ">";
        }
        if (type instanceof AggregateStateType state) {
            StringJoiner arguments = new StringJoiner(", ", state.function() + "(", ")");
            for (int i = 0; i < state.arguments().size(); i++) {
                Boolean nullable = state.argumentNullability().get(i);
                arguments.add(type(state.arguments().get(i))
                        + ((nullable == null) ? "" : nullable ? " NULL" : " NOT NULL"));
            }
            return arguments.toString();
        }
        StructType struct = (StructType) type;
        StringJoiner fields = new StringJoiner(", ", "STRUCT<", ">");
        struct.fields().forEach((field) -> fields.add(identifier(field.name()) + " " + type(field.type())));
        return fields.toString();
    }

    private static String join(List<?> values) {
        StringJoiner joiner = new StringJoiner(", ");
        values.forEach((value) -> joiner.add(String.valueOf(value)));
        return joiner.toString();
    }

    // ---- expressions built from the model ---------------------------------------------------------------------

    static String dateTrunc(IntervalUnit unit, String column) {
        // The unit is a fixed word, written in single quotes as SHOW CREATE prints it, so both spellings compare equal.
        return "date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + identifier(column) + ")";
    }

    static String timeSlice(String column, Interval interval) {
        return "time_slice(" + identifier(column) + ", " + interval(interval) + ")";
    }

    private static String interval(Interval interval) {
        return (interval.unit() != null) ? "INTERVAL " + interval.amount() + " " + interval.unit().name()
                : String.valueOf(interval.amount());
    }

    // ---- schema objects ---------------------------------------------------------------------------------------

    static String create(CreateObject statement) {
        SchemaObject object = statement.object();
        if (object instanceof Table table) {
            return table(statement.database(), table, statement.ifNotExists());
        }
        if (object instanceof View view) {
            return view(statement.database(), view, statement.ifNotExists(), statement.orReplace());
        }
        return materializedView(statement.database(), (MaterializedView) object, statement.ifNotExists());
    }

    static String create(SchemaObject object) {
        return create(CreateObject.of(object));
    }

    private static String table(String database, Table table, boolean ifNotExists) {
        StringBuilder sql = new StringBuilder(table.temporary() ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ");
        if (ifNotExists) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(qualified(database, table.name())).append(" (\n");
        List<String> elements = new ArrayList<>();
        table.columns().forEach((column) -> elements.add(INDENT + column(column)));
        table.indexes().forEach((index) -> elements.add(INDENT + index(index)));
        sql.append(String.join(",\n", elements)).append("\n)");
        if (table.engine() != null) {
            sql.append(" ENGINE=").append(engine(table.engine()));
        }
        if (table.keys() != null) {
            sql.append('\n').append(table.keys().type().name()).append(" KEY(")
                .append(identifiers(table.keys().columns())).append(')');
        }
        appendStorageLayout(sql, table.comment(), table.partition(), table.distribution(), table.orderBy());
        if (!table.rollups().isEmpty()) {
            StringJoiner rollups = new StringJoiner(",\n", "\nROLLUP (\n", "\n)");
            table.rollups().forEach((rollup) -> rollups.add("  " + rollup(rollup)));
            sql.append(rollups);
        }
        if (!table.properties().isEmpty()) {
            sql.append('\n').append(properties(table.properties()));
        }
        return sql.toString();
    }

    /** StarRocks.g4 {@code rollupItem}: name (cols) [DUPLICATE KEY (cols)] [ORDER BY (cols)] [FROM r] [PROPERTIES]. */
    private static String rollup(Rollup rollup) {
        StringBuilder sql = new StringBuilder(identifier(rollup.name())).append(" (")
            .append(identifiers(rollup.columns()))
            .append(')');
        if (!rollup.duplicateKeys().isEmpty()) {
            sql.append(" DUPLICATE KEY (").append(identifiers(rollup.duplicateKeys())).append(')');
        }
        if (!rollup.orderBy().isEmpty()) {
            sql.append(" ORDER BY (").append(identifiers(rollup.orderBy())).append(')');
        }
        if (rollup.fromRollup() != null) {
            sql.append(" FROM ").append(identifier(rollup.fromRollup()));
        }
        if (!rollup.properties().isEmpty()) {
            sql.append(" PROPERTIES (").append(inlineProperties(rollup.properties())).append(')');
        }
        return sql.toString();
    }

    private static String engine(String engine) {
        // The engine is a plain word as written (OLAP); anything else is quoted so it cannot change the statement.
        return engine.matches("[A-Za-z_][A-Za-z0-9_]*") ? engine : identifier(engine);
    }

    static String column(Column column) {
        StringBuilder sql = new StringBuilder(identifier(column.name())).append(' ').append(type(column.type()));
        if (column.key()) {
            sql.append(" KEY");
        }
        if (column.aggregation() != null) {
            sql.append(' ').append(column.aggregation().name());
        }
        if (column.nullable() != null) {
            sql.append(column.nullable() ? " NULL" : " NOT NULL");
        }
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(defaultValue(column.defaultValue()));
        }
        if (column.autoIncrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (column.generatedAs() != null) {
            sql.append(" AS ").append(column.generatedAs());
        }
        if (column.comment() != null) {
            sql.append(" COMMENT ").append(string(column.comment()));
        }
        return sql.toString();
    }

    private static String defaultValue(DefaultValue value) {
        if (value instanceof DefaultValue.Literal literal) {
            return string(literal.value());
        }
        if (value instanceof DefaultValue.Expression expression) {
            return "(" + expression.expression() + ")";
        }
        if (value instanceof DefaultValue.Complex constant) {
            return constant.expression();
        }
        return (value instanceof DefaultValue.Null) ? "NULL" : "CURRENT_TIMESTAMP";
    }

    static String index(IndexDef index) {
        StringBuilder sql = new StringBuilder("INDEX ").append(identifier(index.name()))
            .append(" (")
            .append(identifiers(index.columns()))
            .append(") USING ")
            .append(index.type().name());
        if (!index.properties().isEmpty()) {
            sql.append(" (").append(inlineProperties(index.properties())).append(')');
        }
        if (index.comment() != null) {
            sql.append(" COMMENT ").append(string(index.comment()));
        }
        return sql.toString();
    }

    static String partition(PartitionDesc partition) {
        if (partition instanceof RangePartitionDesc range) {
            return "PARTITION BY RANGE(" + ((range.expression() != null) ? range.expression()
                    : identifiers(range.columns())) + ") "
                    + partitionList(range.partitions().stream().map(DdlPrinter::partitionDefinition).toList());
        }
        if (partition instanceof ListPartitionDesc list) {
            return "PARTITION BY LIST(" + identifiers(list.columns()) + ") "
                    + partitionList(list.partitions().stream().map(DdlPrinter::partitionDefinition).toList());
        }
        ExpressionPartitionDesc expression = (ExpressionPartitionDesc) partition;
        if (expression.columnNames().size() == expression.expressions().size()
                || expression.expressions().size() > 1) {
            // Only columns, or several expressions: the parenthesised list. It is the form every 3.1+ server (and
            // SHOW CREATE) uses for columns, and the only one a materialized view takes for several expressions
            // (StarRocks.g4 mvPartitionExprs: primaryExpression | '(' primaryExpression, ... ')'); a table takes
            // both forms (partitionDesc: PARTITION BY '(' partitionExpr, ... ')').
            return "PARTITION BY (" + String.join(", ", expression.expressions()) + ")";
        }
        // One function expression, written bare as SHOW CREATE prints it.
        String sql = "PARTITION BY " + expression.expressions().get(0);
        return expression.initialPartitions().isEmpty() ? sql : sql + " "
                + partitionList(expression.initialPartitions().stream().map(DdlPrinter::partitionDefinition).toList());
    }

    private static String partitionList(List<String> partitions) {
        if (partitions.isEmpty()) {
            return "()";
        }
        return "(\n" + INDENT + String.join(",\n" + INDENT, partitions) + "\n)";
    }

    static String partitionDefinition(PartitionDefinition partition) {
        return partitionDefinition(partition, false);
    }

    private static String partitionDefinition(PartitionDefinition partition, boolean ifNotExists) {
        if (partition instanceof RangePartition.Batch batch) {
            return "START (" + string(batch.start()) + ") END (" + string(batch.end()) + ") EVERY ("
                    + interval(batch.every()) + ")";
        }
        String head = "PARTITION " + (ifNotExists ? "IF NOT EXISTS " : "");
        if (partition instanceof RangePartition.LessThan lessThan) {
            return head + identifier(lessThan.name()) + " VALUES LESS THAN "
                    + (lessThan.isMaxValue() ? "MAXVALUE" : "(" + strings(lessThan.values()) + ")")
                    + partitionProperties(lessThan.properties());
        }
        if (partition instanceof RangePartition.Fixed fixed) {
            return head + identifier(fixed.name()) + " VALUES [(" + strings(fixed.lower()) + "), ("
                    + (fixed.isUpToMaxValue() ? "MAXVALUE" : strings(fixed.upper())) + "))"
                    + partitionProperties(fixed.properties());
        }
        ListPartition list = (ListPartition) partition;
        return head + identifier(list.name()) + " VALUES IN (" + listValues(list) + ")"
                + partitionProperties(list.properties());
    }

    private static String partitionProperties(Map<String, String> properties) {
        return properties.isEmpty() ? "" : " (" + inlineProperties(properties) + ")";
    }

    private static String listValues(ListPartition partition) {
        StringJoiner joiner = new StringJoiner(", ");
        for (List<String> tuple : partition.values()) {
            joiner.add((tuple.size() == 1) ? listValue(tuple.get(0)) : "(" + String.join(", ",
                    tuple.stream().map(DdlPrinter::listValue).toList()) + ")");
        }
        return joiner.toString();
    }

    private static String listValue(String value) {
        return (value != null) ? string(value) : "NULL";
    }

    static String distribution(DistributionDesc distribution) {
        String sql = (distribution instanceof HashDistribution hash)
                ? "DISTRIBUTED BY HASH(" + identifiers(hash.columns()) + ")" : "DISTRIBUTED BY RANDOM";
        return (distribution.buckets() != null) ? sql + " BUCKETS " + distribution.buckets() : sql;
    }

    static String properties(Map<String, String> properties) {
        StringJoiner joiner = new StringJoiner(",\n", "PROPERTIES (\n", "\n)");
        properties.forEach((key, value) -> joiner.add(string(key) + " = " + string(value)));
        return joiner.toString();
    }

    private static String inlineProperties(Map<String, String> properties) {
        StringJoiner joiner = new StringJoiner(", ");
        properties.forEach((key, value) -> joiner.add(string(key) + " = " + string(value)));
        return joiner.toString();
    }

    private static String view(String database, View view, boolean ifNotExists, boolean orReplace) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (orReplace) {
            sql.append("OR REPLACE ");
        }
        sql.append("VIEW ");
        if (ifNotExists) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(qualified(database, view.name()));
        appendViewColumns(sql, view.columns(), List.of());
        if (view.comment() != null) {
            sql.append("\nCOMMENT ").append(string(view.comment()));
        }
        if (view.security() != null) {
            sql.append("\nSECURITY ").append(view.security().name());
        }
        return sql.append("\nAS ").append(query(view.query())).toString();
    }

    private static void appendViewColumns(StringBuilder sql, List<ViewColumn> columns, List<IndexDef> indexes) {
        if (columns.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (ViewColumn column : columns) {
            lines.add(INDENT + identifier(column.name())
                    + ((column.comment() != null) ? " COMMENT " + string(column.comment()) : ""));
        }
        indexes.forEach((index) -> lines.add(INDENT + index(index)));
        sql.append(" (\n").append(String.join(",\n", lines)).append("\n)");
    }

    private static String materializedView(String database, MaterializedView view, boolean ifNotExists) {
        StringBuilder sql = new StringBuilder("CREATE MATERIALIZED VIEW ");
        if (ifNotExists) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(qualified(database, view.name()));
        appendViewColumns(sql, view.columns(), view.indexes());
        appendStorageLayout(sql, view.comment(), view.partition(), view.distribution(), view.orderBy());
        if (view.refresh() != null) {
            sql.append('\n').append(refresh(view.refresh()));
        }
        if (!view.properties().isEmpty()) {
            sql.append('\n').append(properties(view.properties()));
        }
        return sql.append("\nAS ").append(query(view.query())).toString();
    }

    /**
     * The clauses a table and a materialized view share, in the order both statements take them: COMMENT, PARTITION BY,
     * DISTRIBUTED BY, ORDER BY; each only when given.
     */
    private static void appendStorageLayout(StringBuilder sql, String comment, PartitionDesc partition,
            DistributionDesc distribution, List<String> orderBy) {
        if (comment != null) {
            sql.append("\nCOMMENT ").append(string(comment));
        }
        if (partition != null) {
            sql.append('\n').append(partition(partition));
        }
        if (distribution != null) {
            sql.append('\n').append(distribution(distribution));
        }
        if (!orderBy.isEmpty()) {
            sql.append("\nORDER BY(").append(identifiers(orderBy)).append(')');
        }
    }

    private static String query(String query) {
        // A trailing line comment would swallow whatever a script appends (";"), so end its line.
        return SqlText.endsInLineComment(query) ? query + "\n" : query;
    }

    /**
     * The refresh clause. A scheduled refresh is written {@code ASYNC [START(..)] EVERY(..)}, which every server
     * reads (StarRocks main also takes, and prints, SCHEDULE for it). INCREMENTAL is refused: StarRocks' grammar
     * after 4.1 ({@code refreshSchemeDesc}) has no INCREMENTAL, so no statement the printer writes carries it.
     */
    static String refresh(RefreshScheme scheme) {
        if (scheme.type() == RefreshType.INCREMENTAL) {
            throw new DdlValidationException("REFRESH INCREMENTAL", "StarRocks' grammar no longer has INCREMENTAL "
                    + "(refreshSchemeDesc takes ASYNC, SCHEDULE and MANUAL), so it is never written; use "
                    + "RefreshScheme.async(), asyncEvery(..) or manual()");
        }
        StringBuilder sql = new StringBuilder("REFRESH ");
        if (scheme.moment() != null) {
            sql.append(scheme.moment().name()).append(' ');
        }
        sql.append(scheme.type().name());
        if (scheme.start() != null) {
            sql.append(" START(").append(string(scheme.start())).append(')');
        }
        if (scheme.every() != null) {
            sql.append(" EVERY(").append(interval(scheme.every())).append(')');
        }
        return sql.toString();
    }

    // ---- other statements -------------------------------------------------------------------------------------

    static String statement(DdlStatement statement) {
        if (statement instanceof CreateObject create) {
            return create(create);
        }
        if (statement instanceof AlterTable alter) {
            return alterTable(alter);
        }
        if (statement instanceof AlterView alter) {
            return alterView(alter);
        }
        if (statement instanceof AlterMaterializedView alter) {
            return "ALTER MATERIALIZED VIEW " + qualified(alter.view()) + " " + materializedViewAction(alter.action());
        }
        if (statement instanceof DropObject drop) {
            return "DROP " + kind(drop.kind()) + (drop.ifExists() ? " IF EXISTS " : " ") + qualified(drop.name())
                    + (drop.force() ? " FORCE" : "");
        }
        if (statement instanceof TruncateTable truncate) {
            return "TRUNCATE TABLE " + qualified(truncate.table())
                    + (truncate.partitions().isEmpty() ? "" : " PARTITION (" + identifiers(truncate.partitions()) + ")");
        }
        if (statement instanceof CreateDatabase create) {
            return "CREATE DATABASE " + (create.ifNotExists() ? "IF NOT EXISTS " : "") + identifier(create.name());
        }
        DropDatabase drop = (DropDatabase) statement;
        return "DROP DATABASE " + (drop.ifExists() ? "IF EXISTS " : "") + identifier(drop.name())
                + (drop.force() ? " FORCE" : "");
    }

    private static String kind(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> "TABLE";
            case VIEW -> "VIEW";
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW";
        };
    }

    private static String alterTable(AlterTable alter) {
        String head = "ALTER TABLE " + qualified(alter.table());
        List<String> clauses = alter.clauses().stream().map(DdlPrinter::alterClause).toList();
        if (clauses.size() == 1) {
            return head + " " + clauses.get(0);
        }
        return head + "\n" + INDENT + String.join(",\n" + INDENT, clauses);
    }

    static String alterClause(AlterClause clause) {
        if (clause instanceof AlterClause.AddColumn add) {
            return "ADD COLUMN " + column(add.column()) + position(add.position());
        }
        if (clause instanceof AlterClause.DropColumn drop) {
            return "DROP COLUMN " + identifier(drop.column());
        }
        if (clause instanceof AlterClause.ModifyColumn modify) {
            return "MODIFY COLUMN " + column(modify.column()) + position(modify.position());
        }
        if (clause instanceof AlterClause.RenameColumn rename) {
            return "RENAME COLUMN " + identifier(rename.from()) + " TO " + identifier(rename.to());
        }
        if (clause instanceof AlterClause.SetComment comment) {
            return "COMMENT = " + string(comment.comment());
        }
        if (clause instanceof AlterClause.SetProperties set) {
            return "SET (" + inlineProperties(set.properties()) + ")";
        }
        if (clause instanceof AlterClause.ModifyDistribution distribution) {
            return distribution(distribution.distribution());
        }
        if (clause instanceof AlterClause.ModifyOrderBy orderBy) {
            return "ORDER BY (" + identifiers(orderBy.columns()) + ")";
        }
        if (clause instanceof AlterClause.AddPartition add) {
            return ((add.partition() instanceof RangePartition.Batch) ? "ADD PARTITIONS " : "ADD ")
                    + partitionDefinition(add.partition(), add.ifNotExists());
        }
        if (clause instanceof AlterClause.DropPartition drop) {
            return "DROP PARTITION " + (drop.ifExists() ? "IF EXISTS " : "") + identifier(drop.name())
                    + (drop.force() ? " FORCE" : "");
        }
        if (clause instanceof AlterClause.AddIndex add) {
            return "ADD " + index(add.index());
        }
        if (clause instanceof AlterClause.DropIndex drop) {
            return "DROP INDEX " + identifier(drop.name());
        }
        if (clause instanceof AlterClause.RenameTable rename) {
            return "RENAME " + identifier(rename.newName());
        }
        return "SWAP WITH " + identifier(((AlterClause.SwapWith) clause).other());
    }

    private static String position(ColumnPosition position) {
        if (position == null) {
            return "";
        }
        return (position instanceof ColumnPosition.After after) ? " AFTER " + identifier(after.column()) : " FIRST";
    }

    private static String alterView(AlterView alter) {
        StringBuilder sql = new StringBuilder("ALTER VIEW ").append(qualified(alter.view()));
        appendViewColumns(sql, alter.columns(), List.of());
        return sql.append("\nAS ").append(query(alter.query())).toString();
    }

    private static String materializedViewAction(MaterializedViewAction action) {
        if (action instanceof MaterializedViewAction.Refresh refresh) {
            return refresh(refresh.scheme());
        }
        if (action instanceof MaterializedViewAction.SetProperties set) {
            return "SET (" + inlineProperties(set.properties()) + ")";
        }
        if (action instanceof MaterializedViewAction.Rename rename) {
            return "RENAME " + identifier(rename.newName());
        }
        if (action instanceof MaterializedViewAction.SwapWith swap) {
            return "SWAP WITH " + identifier(swap.other());
        }
        return (action instanceof MaterializedViewAction.Active) ? "ACTIVE" : "INACTIVE";
    }

}
