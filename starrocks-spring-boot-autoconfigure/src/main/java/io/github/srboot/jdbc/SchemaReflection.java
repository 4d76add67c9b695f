package io.github.srboot.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;
import io.github.srboot.ddl.ViewColumn;

import org.springframework.lang.Nullable;

import static io.github.srboot.jdbc.CatalogRows.nonEmptyText;
import static io.github.srboot.jdbc.CatalogRows.text;

/**
 * Builds the {@code ddl} model of a database from its bulk {@code information_schema} rows and, where those lack
 * what the model needs, the text of {@code SHOW CREATE}. Pure functions: the template runs the queries, tests feed
 * recorded rows.
 *
 * <p>Which source answers what:
 * <ul>
 * <li>the objects and their kinds: {@code tables} ({@code TABLE_TYPE}) and {@code materialized_views} (which wins:
 * some versions list materialized views as {@code VIEW} or {@code BASE TABLE}); the rows of
 * {@code materialized_views} whose {@code REFRESH_TYPE} is {@code ROLLUP} are synchronous materialized views and
 * rollups, indexes of a base table rather than objects ({@link SynchronousMaterializedView});</li>
 * <li>tables from {@code SHOW CREATE TABLE} (distribution, partitions and indexes exist nowhere else), checked
 * against {@code columns} (same columns in the same order) and {@code tables_config} (same key model);</li>
 * <li>materialized views from {@code SHOW CREATE MATERIALIZED VIEW} (refresh scheme, partitioning, distribution);
 * where an older server prints no column list, the columns and comments come from {@code columns};</li>
 * <li>views from {@code SHOW CREATE VIEW}, because StarRocks answers {@code views.SECURITY_TYPE} (and
 * {@code DEFINER}) with {@code ""}, so the bulk rows cannot tell {@code SECURITY INVOKER} from the default.</li>
 * </ul>
 */
final class SchemaReflection {

    private SchemaReflection() {
    }

    /**
     * One object of the database.
     *
     * @param name the object's name
     * @param kind table, view or materialized view
     */
    record CatalogObject(String name, ObjectKind kind) {

    }

    /**
     * The objects of the database, sorted by name.
     * @throws StarRocksReflectionException for a {@code TABLE_TYPE} this code does not know
     */
    static List<CatalogObject> objects(CatalogRows rows) {
        Map<String, ObjectKind> kinds = new TreeMap<>();
        if (rows.materializedViews() != null) {
            for (Map<String, Object> row : rows.materializedViews()) {
                if (!isSynchronous(row)) {
                    kinds.put(requiredText(row, "TABLE_NAME", "materialized_views"), ObjectKind.MATERIALIZED_VIEW);
                }
            }
        }
        for (Map<String, Object> row : rows.tables()) {
            String name = requiredText(row, "TABLE_NAME", "tables");
            if (kinds.containsKey(name)) {
                continue;
            }
            String type = requiredText(row, "TABLE_TYPE", "tables").toUpperCase(Locale.ROOT);
            ObjectKind kind = switch (type) {
                // "TABLE": what some 3.4 builds answered for base tables.
                case "BASE TABLE", "TABLE", "EXTERNAL TABLE" -> ObjectKind.TABLE;
                case "VIEW" -> ObjectKind.VIEW;
                case "MATERIALIZED VIEW" -> ObjectKind.MATERIALIZED_VIEW;
                default -> throw new StarRocksReflectionException("information_schema.tables lists '" + name
                        + "' with TABLE_TYPE '" + type + "', which cannot be read into the ddl model", null, null);
            };
            kinds.put(name, kind);
        }
        List<CatalogObject> objects = new ArrayList<>(kinds.size());
        kinds.forEach((name, kind) -> objects.add(new CatalogObject(name, kind)));
        return objects;
    }

    /**
     * The synchronous materialized views and rollups among the {@code materialized_views} rows, sorted by name.
     */
    static List<SynchronousMaterializedView> synchronousMaterializedViews(CatalogRows rows) {
        Map<String, SynchronousMaterializedView> found = new TreeMap<>();
        if (rows.materializedViews() != null) {
            for (Map<String, Object> row : rows.materializedViews()) {
                if (isSynchronous(row)) {
                    String name = requiredText(row, "TABLE_NAME", "materialized_views");
                    found.put(name, new SynchronousMaterializedView(name,
                            nonEmptyText(row, "MATERIALIZED_VIEW_DEFINITION")));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Whether a {@code materialized_views} row is a synchronous materialized view or rollup: the FE lists every
     * index of an OLAP table other than its base index there, with {@code REFRESH_TYPE} {@code ROLLUP}.
     */
    private static boolean isSynchronous(Map<String, Object> materializedViewRow) {
        return "ROLLUP".equalsIgnoreCase(text(materializedViewRow, "REFRESH_TYPE"));
    }

    /**
     * A view, from its {@code SHOW CREATE VIEW} text checked against the bulk rows.
     */
    static View view(String name, String createText, String showCreateSql, CatalogRows rows) {
        View view = parseOne(name, createText, showCreateSql, View.class);
        List<ViewColumn> columns = view.columns().isEmpty() ? viewColumns(name, rows) : view.columns();
        List<String> bulkColumns = rows.columnsOf(name).stream().map((row) -> text(row, "COLUMN_NAME")).toList();
        List<String> parsedColumns = columns.stream().map(ViewColumn::name).toList();
        if (!bulkColumns.isEmpty() && !equalIgnoringCase(bulkColumns, parsedColumns)) {
            throw new StarRocksReflectionException("View '" + name + "': SHOW CREATE VIEW lists columns "
                    + parsedColumns + " but information_schema.columns lists " + bulkColumns
                    + " (replaced while being read? read it again)", showCreateSql, null);
        }
        return new View(view.name(), columns, view.comment(), view.security(), view.query());
    }

    /**
     * A table, from its {@code SHOW CREATE TABLE} text checked against the bulk rows.
     * @param showCreateSql the statement that produced the text, for error messages
     */
    static Table table(String name, String createText, String showCreateSql, CatalogRows rows) {
        Table table = parseOne(name, createText, showCreateSql, Table.class);
        List<String> bulkColumns = rows.columnsOf(name).stream().map((row) -> text(row, "COLUMN_NAME")).toList();
        List<String> parsedColumns = table.columns().stream().map((column) -> column.name()).toList();
        if (!bulkColumns.isEmpty() && !equalIgnoringCase(bulkColumns, parsedColumns)) {
            throw new StarRocksReflectionException("Table '" + name + "': SHOW CREATE TABLE lists columns "
                    + parsedColumns + " but information_schema.columns lists " + bulkColumns
                    + " (altered while being read? read it again)", showCreateSql, null);
        }
        Map<String, Object> config = rows.tablesConfigRow(name);
        KeysType configured = (config != null) ? keysType(text(config, "TABLE_MODEL")) : null;
        if (configured != null && configured != table.keysType()) {
            throw new StarRocksReflectionException("Table '" + name + "': SHOW CREATE TABLE says " + table.keysType()
                    + " KEY but information_schema.tables_config says " + text(config, "TABLE_MODEL"), showCreateSql,
                    null);
        }
        return table;
    }

    /**
     * A materialized view, from its {@code SHOW CREATE MATERIALIZED VIEW} text; the column list comes from the
     * bulk rows when the server printed none.
     */
    static MaterializedView materializedView(String name, String createText, String showCreateSql, CatalogRows rows) {
        MaterializedView view = parseOne(name, createText, showCreateSql, MaterializedView.class);
        List<ViewColumn> columns = view.columns().isEmpty() ? viewColumns(name, rows) : view.columns();
        return new MaterializedView(view.name(), columns, view.comment(), view.partition(),
                view.distribution(), view.orderBy(), view.refresh(), new LinkedHashMap<>(view.properties()),
                view.query());
    }

    private static <T extends SchemaObject> T parseOne(String name, String createText, String showCreateSql,
            Class<T> expected) {
        List<SchemaObject> parsed;
        try {
            parsed = Ddl.parse(createText);
        }
        catch (RuntimeException ex) {
            throw new StarRocksReflectionException("Could not read the definition of '" + name + "' into the ddl "
                    + "model: " + ex.getMessage(), showCreateSql, ex);
        }
        if (parsed.size() != 1 || !expected.isInstance(parsed.get(0)) || !name.equals(parsed.get(0).name())) {
            throw new StarRocksReflectionException("Expected the definition of " + expected.getSimpleName() + " '"
                    + name + "' but SHOW CREATE returned " + describe(parsed), showCreateSql, null);
        }
        return expected.cast(parsed.get(0));
    }

    private static String describe(List<SchemaObject> objects) {
        return objects.stream()
            .map((object) -> object.getClass().getSimpleName() + " '" + object.name() + "'")
            .toList()
            .toString();
    }

    private static List<ViewColumn> viewColumns(String name, CatalogRows rows) {
        List<ViewColumn> columns = new ArrayList<>();
        for (Map<String, Object> row : rows.columnsOf(name)) {
            columns.add(new ViewColumn(requiredText(row, "COLUMN_NAME", "columns"),
                    nonEmptyText(row, "COLUMN_COMMENT")));
        }
        return columns;
    }

    /**
     * {@code tables_config.TABLE_MODEL}, or {@code null} when not reported.
     */
    @Nullable
    static KeysType keysType(@Nullable String tableModel) {
        if (tableModel == null || tableModel.isBlank()) {
            return null;
        }
        return switch (tableModel.trim().toUpperCase(Locale.ROOT)) {
            case "DUP_KEYS", "DUPLICATE_KEYS" -> KeysType.DUPLICATE;
            case "AGG_KEYS", "AGGREGATE_KEYS" -> KeysType.AGGREGATE;
            case "UNIQUE_KEYS" -> KeysType.UNIQUE;
            case "PRIMARY_KEYS" -> KeysType.PRIMARY;
            default -> throw new StarRocksReflectionException("information_schema.tables_config reports TABLE_MODEL '"
                    + tableModel + "', which the ddl model does not know", null, null);
        };
    }

    private static boolean equalIgnoringCase(List<String> left, List<String> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!left.get(i).equalsIgnoreCase(right.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String requiredText(Map<String, Object> row, String column, String table) {
        String value = text(row, column);
        if (value == null) {
            throw new StarRocksReflectionException("information_schema." + table + " returned a row without "
                    + column + ": " + row.keySet(), null, null);
        }
        return value;
    }

}
