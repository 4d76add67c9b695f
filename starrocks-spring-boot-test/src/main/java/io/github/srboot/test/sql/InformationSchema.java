package io.github.srboot.test.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;
import io.github.srboot.test.streamload.StubColumn;
import io.github.srboot.test.streamload.TableContents;

/**
 * The {@code information_schema} tables the starter reads: {@code schemata}, {@code tables}, {@code columns},
 * {@code views}. Columns in the order of StarRocks' {@code catalog/system/information/*SystemTable.java}; a cell the
 * embedded server has no value for (sizes, times) is NULL.
 */
final class InformationSchema {

    static final String DATABASE = "information_schema";

    private static final List<String> SCHEMATA = List.of("CATALOG_NAME", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME",
            "DEFAULT_COLLATION_NAME", "SQL_PATH");

    private static final List<String> TABLES = List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE",
            "ENGINE", "VERSION", "ROW_FORMAT", "TABLE_ROWS", "AVG_ROW_LENGTH", "DATA_LENGTH", "MAX_DATA_LENGTH",
            "INDEX_LENGTH", "DATA_FREE", "AUTO_INCREMENT", "CREATE_TIME", "UPDATE_TIME", "CHECK_TIME",
            "TABLE_COLLATION", "CHECKSUM", "CREATE_OPTIONS", "TABLE_COMMENT");

    private static final List<String> COLUMNS = List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
            "ORDINAL_POSITION", "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH",
            "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION", "NUMERIC_SCALE", "DATETIME_PRECISION",
            "CHARACTER_SET_NAME", "COLLATION_NAME", "COLUMN_TYPE", "COLUMN_KEY", "EXTRA", "PRIVILEGES",
            "COLUMN_COMMENT", "COLUMN_SIZE", "DECIMAL_DIGITS", "GENERATION_EXPRESSION", "SRS_ID");

    private static final List<String> VIEWS = List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME",
            "VIEW_DEFINITION", "CHECK_OPTION", "IS_UPDATABLE", "DEFINER", "SECURITY_TYPE", "CHARACTER_SET_CLIENT",
            "COLLATION_CONNECTION");

    private static final List<String> TABLES_CONFIG = List.of("TABLE_SCHEMA", "TABLE_NAME", "TABLE_ENGINE",
            "TABLE_MODEL", "PRIMARY_KEY", "PARTITION_KEY", "DISTRIBUTE_KEY", "DISTRIBUTE_TYPE", "DISTRIBUTE_BUCKET",
            "SORT_KEY", "PROPERTIES", "TABLE_ID");

    private static final List<String> MATERIALIZED_VIEWS = List.of("MATERIALIZED_VIEW_ID", "TABLE_SCHEMA",
            "TABLE_NAME", "REFRESH_TYPE", "IS_ACTIVE", "INACTIVE_REASON", "PARTITION_TYPE", "TASK_ID", "TASK_NAME",
            "LAST_REFRESH_START_TIME", "LAST_REFRESH_FINISHED_TIME", "LAST_REFRESH_DURATION", "LAST_REFRESH_STATE",
            "LAST_REFRESH_FORCE_REFRESH", "LAST_REFRESH_START_PARTITION", "LAST_REFRESH_END_PARTITION",
            "LAST_REFRESH_BASE_REFRESH_PARTITIONS", "LAST_REFRESH_MV_REFRESH_PARTITIONS", "LAST_REFRESH_ERROR_CODE",
            "LAST_REFRESH_ERROR_MESSAGE", "TABLE_ROWS", "MATERIALIZED_VIEW_DEFINITION");

    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Catalog catalog;

    InformationSchema(Catalog catalog) {
        this.catalog = catalog;
    }

    TableQueries.RowSource table(String name, Tokens tokens) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "schemata" -> TableQueries.RowSource.ofText(SCHEMATA, schemata());
            case "tables" -> TableQueries.RowSource.ofText(TABLES, tables());
            case "columns" -> TableQueries.RowSource.ofText(COLUMNS, columns());
            case "views" -> TableQueries.RowSource.ofText(VIEWS, views());
            case "tables_config" -> TableQueries.RowSource.ofText(TABLES_CONFIG, tablesConfig());
            case "materialized_views" -> TableQueries.RowSource.ofText(MATERIALIZED_VIEWS, materializedViews());
            default -> throw tokens.unsupported();
        };
    }

    private List<List<String>> schemata() {
        List<List<String>> rows = new ArrayList<>();
        List<String> databases = new ArrayList<>(this.catalog.databases());
        databases.add(DATABASE);
        databases.sort(null);
        for (String database : databases) {
            rows.add(row("def", database, "utf8", "utf8_general_ci", null));
        }
        return rows;
    }

    /**
     * One row per table, view and materialized view, in the shapes recorded in sql/sqltests/CASE_022 (a table:
     * engine {@code StarRocks}, 0 rows and lengths, create and update time, check time the epoch, collation
     * {@code utf8_general_ci}, comment {@code OLAP} when it has none; a view: type {@code VIEW}, no engine, its
     * comment or empty) and CASE_047/CASE_048 (a view's comment).
     */
    private List<List<String>> tables() {
        List<List<String>> rows = new ArrayList<>();
        String epoch = java.time.Instant.EPOCH.atZone(java.time.ZoneId.systemDefault()).toLocalDateTime()
            .format(DATE_TIME);
        for (String database : this.catalog.databases()) {
            for (String name : this.catalog.objectNames(database)) {
                Optional<SchemaObject> model = this.catalog.model(database, name);
                boolean table = model.map((m) -> m instanceof Table).orElse(true);
                String comment = model.map(InformationSchema::comment).orElse("");
                String created = this.catalog.created(database, name).map((c) -> c.time().format(DATE_TIME))
                    .orElse(null);
                rows.add(row("def", database, name, table ? "BASE TABLE" : "VIEW", table ? "StarRocks" : null, null,
                        null, table ? "0" : null, table ? "0" : null, table ? "0" : null, null, null, null, null,
                        created, table ? created : null, epoch, "utf8_general_ci", null, null,
                        (table && comment.isEmpty()) ? "OLAP" : comment));
            }
        }
        return rows;
    }

    /**
     * One row per OLAP table created over SQL, shaped as recorded in sql/sqltests/CASE_022: engine {@code OLAP},
     * the key model, key / distribution / sort columns as backquoted lists, no partition key when unpartitioned,
     * the printed properties as JSON.
     */
    private List<List<String>> tablesConfig() {
        List<List<String>> rows = new ArrayList<>();
        for (String database : this.catalog.databases()) {
            for (String name : this.catalog.objectNames(database)) {
                Optional<SchemaObject> model = this.catalog.model(database, name);
                if (model.isEmpty() || !(model.get() instanceof Table table)) {
                    continue;
                }
                ShowCreate.Layout layout = ShowCreate.layout(table);
                String distributeKey = (layout.distribution() instanceof io.github.srboot.ddl.HashDistribution hash)
                        ? ShowCreate.backquoted(hash.columns()) : "";
                Integer buckets = (layout.distribution() instanceof io.github.srboot.ddl.HashDistribution hash)
                        ? hash.buckets() : ((io.github.srboot.ddl.RandomDistribution) layout.distribution()).buckets();
                StringBuilder json = new StringBuilder("{");
                layout.properties().forEach((key, value) -> json.append((json.length() > 1) ? "," : "")
                        .append(jsonString(key)).append(':').append(jsonString(value)));
                json.append('}');
                rows.add(row(database, name, "OLAP", switch (layout.keysType()) {
                    case DUPLICATE -> "DUP_KEYS";
                    case AGGREGATE -> "AGG_KEYS";
                    case UNIQUE -> "UNIQUE_KEYS";
                    case PRIMARY -> "PRIMARY_KEYS";
                }, ShowCreate.backquoted(layout.keyColumns()), "", distributeKey,
                        (layout.distribution() instanceof io.github.srboot.ddl.HashDistribution) ? "HASH" : "RANDOM",
                        (buckets != null) ? buckets.toString() : "0",
                        ShowCreate.backquoted(table.orderBy().isEmpty() ? layout.keyColumns() : table.orderBy()),
                        json.toString(), this.catalog.created(database, name).map((c) -> Long.toString(c.id()))
                            .orElse(null)));
            }
        }
        return rows;
    }

    /** One row per asynchronous materialized view created over SQL; refresh details the server has none of are NULL. */
    private List<List<String>> materializedViews() {
        List<List<String>> rows = new ArrayList<>();
        for (String database : this.catalog.databases()) {
            for (String name : this.catalog.objectNames(database)) {
                Optional<SchemaObject> model = this.catalog.model(database, name);
                if (model.isPresent() && model.get() instanceof MaterializedView view) {
                    List<String> row = new ArrayList<>();
                    row.add(this.catalog.created(database, name).map((c) -> Long.toString(c.id())).orElse(null));
                    row.add(database);
                    row.add(name);
                    row.add((view.refresh() != null) ? view.refresh().type().name() : "ASYNC");
                    row.add("true");
                    row.add("");
                    row.add((view.partition() != null) ? "RANGE" : "UNPARTITIONED");
                    while (row.size() < MATERIALIZED_VIEWS.size() - 1) {
                        row.add(null);
                    }
                    row.add(Ddl.render(view));
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String comment(SchemaObject object) {
        String comment = (object instanceof Table table) ? table.comment()
                : (object instanceof View view) ? view.comment() : ((MaterializedView) object).comment();
        return (comment != null) ? comment : "";
    }

    private List<List<String>> columns() {
        List<List<String>> rows = new ArrayList<>();
        for (String database : this.catalog.databases()) {
            for (String name : this.catalog.objectNames(database)) {
                Optional<SchemaObject> model = this.catalog.model(database, name);
                if (model.isPresent() && model.get() instanceof Table table) {
                    int position = 1;
                    for (Column column : table.columns()) {
                        rows.add(columnRow(database, name, position++, column.name(),
                                ShowCreate.columnType(column.type()), column.nullable() == null
                                        ? !table.keys().columns().contains(column.name()) : column.nullable(),
                                column.comment()));
                    }
                }
                else if (model.isEmpty()) {
                    Optional<TableContents> contents = this.catalog.contents(database, name);
                    int position = 1;
                    for (StubColumn column : contents.get().table().columns()) {
                        rows.add(columnRow(database, name, position++, column.name(),
                                column.type().toLowerCase(Locale.ROOT), column.nullable(), null));
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> columnRow(String database, String table, int position, String column, String type,
            boolean nullable, String comment) {
        int paren = type.indexOf('(');
        String dataType = (paren >= 0) ? type.substring(0, paren) : type;
        List<String> row = new ArrayList<>();
        row.add("def");
        row.add(database);
        row.add(table);
        row.add(column);
        row.add(Integer.toString(position));
        row.add(null);
        row.add(nullable ? "YES" : "NO");
        row.add(dataType);
        for (int i = 8; i < 15; i++) {
            row.add(null);
        }
        row.add(type);
        row.add("");
        row.add("");
        row.add(null);
        row.add((comment != null) ? comment : "");
        row.add(null);
        row.add(null);
        row.add(null);
        row.add(null);
        return row;
    }

    /** {@code views}: SECURITY_TYPE and DEFINER are always empty. */
    private List<List<String>> views() {
        List<List<String>> rows = new ArrayList<>();
        for (String database : this.catalog.databases()) {
            for (String name : this.catalog.objectNames(database)) {
                Optional<SchemaObject> model = this.catalog.model(database, name);
                if (model.isPresent() && model.get() instanceof View view) {
                    rows.add(row("def", database, name, view.query(), "NONE", "NO", "", "", "utf8",
                            "utf8_general_ci"));
                }
            }
        }
        return rows;
    }

    private static List<String> row(String... cells) {
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(cell);
        }
        return row;
    }

}
