package io.github.srboot.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.srboot.support.ScriptedJdbc.Answer;
import io.github.srboot.support.ScriptedJdbc.Executed;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;

/**
 * One StarRocks database as its {@code information_schema} tables and {@code SHOW CREATE} statements present it,
 * in the formats StarRocks returns: {@code tables} rows as recorded in {@code ../shared/corpus/sql/sqltests/CASE_022}
 * ({@code TABLE_CATALOG} def, {@code TABLE_TYPE} BASE TABLE or VIEW, {@code VERSION} and {@code ROW_FORMAT} NULL),
 * {@code tables_config} as in the same case, {@code materialized_views} with the columns of
 * {@code fe/fe-core/src/main/java/com/starrocks/catalog/system/information/MaterializedViewsSystemTable.java}. Installed on a
 * {@link ScriptedJdbc}, it answers the bulk queries by their bind parameters and {@code SHOW CREATE} by the quoted
 * name in the statement.
 */
public final class RecordedCatalog {

    static final List<String> TABLES_COLUMNS = List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE",
            "ENGINE", "VERSION", "ROW_FORMAT", "TABLE_ROWS", "CREATE_TIME", "TABLE_COLLATION", "TABLE_COMMENT");

    static final List<String> COLUMNS_COLUMNS = List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
            "ORDINAL_POSITION", "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE", "COLUMN_TYPE", "COLUMN_KEY", "EXTRA",
            "COLUMN_COMMENT", "GENERATION_EXPRESSION");

    static final List<String> TABLES_CONFIG_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "TABLE_ENGINE",
            "TABLE_MODEL", "PRIMARY_KEY", "PARTITION_KEY", "DISTRIBUTE_KEY", "DISTRIBUTE_TYPE", "DISTRIBUTE_BUCKET",
            "SORT_KEY", "PROPERTIES", "TABLE_ID");

    static final List<String> MATERIALIZED_VIEWS_COLUMNS = List.of("MATERIALIZED_VIEW_ID", "TABLE_SCHEMA",
            "TABLE_NAME", "REFRESH_TYPE", "IS_ACTIVE", "INACTIVE_REASON", "PARTITION_TYPE", "TASK_ID", "TASK_NAME",
            "LAST_REFRESH_STATE", "MATERIALIZED_VIEW_DEFINITION", "TABLE_ROWS");

    /** A key beside the columns: the base table a synchronous materialized view row is filtered by. */
    private static final String BASE_TABLE = "base table";

    private static final Pattern SHOW_CREATE = Pattern.compile(
            "^SHOW CREATE (TABLE|MATERIALIZED VIEW|VIEW) `((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`$");

    private final String database;

    private final List<Map<String, Object>> tables = new ArrayList<>();

    private final List<Map<String, Object>> columns = new ArrayList<>();

    private final List<Map<String, Object>> tablesConfig = new ArrayList<>();

    private final List<Map<String, Object>> materializedViews = new ArrayList<>();

    private final Map<String, String> createStatements = new LinkedHashMap<>();

    private boolean starRocksTablesAvailable = true;

    public RecordedCatalog(String database) {
        this.database = database;
    }

    /** A column as {@code information_schema.columns} reports it: name, COLUMN_TYPE, nullable, comment. */
    public record ColumnRow(String name, String columnType, boolean nullable, String comment) {

        public static ColumnRow of(String name, String columnType) {
            return new ColumnRow(name, columnType, true, "");
        }

    }

    /**
     * An OLAP table: its {@code tables}, {@code columns} and {@code tables_config} rows and its
     * {@code SHOW CREATE TABLE} text.
     * @param tableModel {@code DUP_KEYS}, {@code AGG_KEYS}, {@code UNIQUE_KEYS} or {@code PRIMARY_KEYS}
     */
    public RecordedCatalog table(String name, String tableModel, String showCreateTable, ColumnRow... columnRows) {
        this.tables.add(row(TABLES_COLUMNS, "def", this.database, name, "BASE TABLE", "StarRocks", null, null, 0L,
                "2026-01-01 00:00:00", "utf8_general_ci", ""));
        addColumns(name, columnRows);
        this.tablesConfig.add(row(TABLES_CONFIG_COLUMNS, this.database, name, "OLAP", tableModel, "", "", "",
                "HASH", 4L, "", "{\"replication_num\":\"1\"}", 10001L));
        this.createStatements.put(name, showCreateTable);
        return this;
    }

    /**
     * A logical view: {@code tables} row of type VIEW (its comment in TABLE_COMMENT, ../shared/corpus/sql CASE_047),
     * {@code columns} rows and its {@code SHOW CREATE VIEW} text. (No {@code views} row: reflection does not read
     * that table, whose {@code DEFINER} and {@code SECURITY_TYPE} StarRocks answers with {@code ""} whatever the view
     * says, BE {@code be/src/exec/schema_scanner/schema_views_scanner.cpp}.)
     */
    public RecordedCatalog view(String name, String comment, String showCreateView,
            ColumnRow... columnRows) {
        this.createStatements.put(name, showCreateView);
        this.tables.add(row(TABLES_COLUMNS, "def", this.database, name, "VIEW", null, null, null, null, null, null,
                comment));
        addColumns(name, columnRows);
        return this;
    }

    /**
     * Lists a table as some 3.4.x builds did: {@code TABLE_TYPE} {@code TABLE} instead of {@code BASE TABLE}
     * (StarRocks #57259, reverted by #59368/#59375).
     */
    public RecordedCatalog listedAsTable(String name) {
        for (Map<String, Object> row : this.tables) {
            if (row.get("TABLE_NAME").equals(name)) {
                row.put("TABLE_TYPE", "TABLE");
            }
        }
        return this;
    }

    /**
     * A rollup or synchronous materialized view {@code index} of {@code baseTable}: not in {@code tables}, but in
     * {@code materialized_views} with {@code REFRESH_TYPE} {@code ROLLUP} and the index name as TABLE_NAME
     * ({@code fe/fe-core/src/main/java/com/starrocks/catalog/system/information/MaterializedViewsSystemTable.java}
     * {@code filterSynchronousMaterializedView}; string fields it has no value for become {@code ""} in
     * {@code infoToScalar}). That table's TABLE_NAME filter compares the base table's name, so a query for
     * {@code baseTable} returns this row.
     * @param definition the CREATE text the FE keeps, newlines removed, or {@code ""} for a rollup
     */
    public RecordedCatalog synchronousMaterializedView(String baseTable, String index, String definition) {
        Map<String, Object> row = row(MATERIALIZED_VIEWS_COLUMNS, "20101", this.database, index, "ROLLUP", "true", "",
                "", null, "", "", definition, 0L);
        row.put(BASE_TABLE, baseTable);
        this.materializedViews.add(row);
        return this;
    }

    /**
     * An asynchronous materialized view, listed in {@code tables} with {@code tableType} ({@code VIEW}, as StarRocks
     * lists views and every materialized view; {@code BASE TABLE} where a test asks what else could come), in
     * {@code materialized_views}, with its {@code SHOW CREATE MATERIALIZED VIEW} text.
     */
    public RecordedCatalog materializedView(String name, String tableType, String showCreate, ColumnRow... columnRows) {
        this.tables.add(row(TABLES_COLUMNS, "def", this.database, name, tableType, "StarRocks", null, null, 0L,
                "2026-01-01 00:00:00", "utf8_general_ci", ""));
        addColumns(name, columnRows);
        this.materializedViews.add(row(MATERIALIZED_VIEWS_COLUMNS, "20001", this.database, name, "ASYNC", "true", "",
                "RANGE", "30001", "mv-20001", "SUCCESS", showCreate, 0L));
        this.createStatements.put(name, showCreate);
        return this;
    }

    /**
     * Answers queries on {@code tables_config} and {@code materialized_views} as an external catalog does: unknown
     * table.
     */
    public RecordedCatalog withoutStarRocksTables() {
        this.starRocksTablesAvailable = false;
        return this;
    }

    /**
     * Registers the answers on a scripted server.
     */
    public ScriptedJdbc installOn(ScriptedJdbc server) {
        server.on("FROM information_schema\\.tables_config WHERE",
                (statement) -> this.starRocksTablesAvailable ? filter(TABLES_CONFIG_COLUMNS, this.tablesConfig,
                        statement) : unknownTable(statement, "tables_config"));
        server.on("FROM information_schema\\.materialized_views WHERE",
                (statement) -> this.starRocksTablesAvailable ? filter(MATERIALIZED_VIEWS_COLUMNS,
                        this.materializedViews, statement) : unknownTable(statement, "materialized_views"));
        server.on("FROM information_schema\\.tables WHERE",
                (statement) -> filter(TABLES_COLUMNS, this.tables, statement));
        server.on("FROM information_schema\\.columns WHERE",
                (statement) -> filter(COLUMNS_COLUMNS, this.columns, statement));
        server.on("^SHOW CREATE ", this::showCreate);
        return server;
    }

    private Answer showCreate(Executed statement) {
        Matcher matcher = SHOW_CREATE.matcher(statement.sql());
        if (!matcher.matches()) {
            return new Failure(1064, "42000", "Getting syntax error: " + statement.sql());
        }
        String database = matcher.group(2).replace("``", "`");
        String name = matcher.group(3).replace("``", "`");
        if (!database.equals(this.database)) {
            return null;
        }
        String text = this.createStatements.get(name);
        if (text == null) {
            return new Failure(5502, "42602", "Getting analyzing error. Detail message: Unknown table '" + database
                    + "." + name + "'.");
        }
        return switch (matcher.group(1)) {
            case "TABLE" -> new Rows(List.of("Table", "Create Table"), List.of(List.of(name, text)));
            case "VIEW" -> new Rows(List.of("View", "Create View", "character_set_client", "collation_connection"),
                    List.of(List.of(name, text, "utf8", "utf8_general_ci")));
            default -> new Rows(List.of("Materialized View", "Create Materialized View"),
                    List.of(List.of(name, text)));
        };
    }

    private Answer unknownTable(Executed statement, String table) {
        if (!this.database.equals(statement.parameters().get(0))) {
            return null;
        }
        return new Failure(5502, "42602", "Getting analyzing error. Detail message: Unknown table '" + table + "'.");
    }

    /**
     * The rows of this catalog's database matching the statement's bind parameters, or {@code null} (to let
     * another installed catalog answer) when the statement asks for another database.
     */
    private Rows filter(List<String> columnNames, List<Map<String, Object>> rows, Executed statement) {
        List<Object> parameters = statement.parameters();
        if (!this.database.equals(parameters.get(0))) {
            return null;
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            boolean schemaMatches = row.get("TABLE_SCHEMA").equals(parameters.get(0));
            Object filteredName = row.containsKey(BASE_TABLE) ? row.get(BASE_TABLE) : row.get("TABLE_NAME");
            boolean nameMatches = parameters.size() < 2 || filteredName.equals(parameters.get(1));
            if (schemaMatches && nameMatches) {
                matching.add(row);
            }
        }
        return Rows.of(columnNames, matching);
    }

    private void addColumns(String table, ColumnRow... columnRows) {
        long position = 1;
        for (ColumnRow column : columnRows) {
            String dataType = column.columnType().replaceAll("[(<].*$", "");
            this.columns.add(row(COLUMNS_COLUMNS, "def", this.database, table, column.name(), position++, null,
                    column.nullable() ? "YES" : "NO", dataType, column.columnType(), "", "", column.comment(),
                    null));
        }
    }

    private static Map<String, Object> row(List<String> columnNames, Object... values) {
        if (columnNames.size() != values.length) {
            throw new IllegalArgumentException("expected " + columnNames.size() + " values, got " + values.length);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columnNames.get(i), values[i]);
        }
        return row;
    }

}
