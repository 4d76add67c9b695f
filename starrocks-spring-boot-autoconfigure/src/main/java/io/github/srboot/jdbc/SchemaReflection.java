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
import io.github.srboot.ddl.ViewSecurity;

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
 * some versions list materialized views as {@code VIEW} or {@code BASE TABLE});</li>
 * <li>tables from {@code SHOW CREATE TABLE} (distribution, partitions and indexes exist nowhere else), checked
 * against {@code columns} (same columns in the same order) and {@code tables_config} (same key model);</li>
 * <li>materialized views from {@code SHOW CREATE MATERIALIZED VIEW} (refresh scheme, partitioning, distribution);
 * where an older server prints no column list, the columns and comments come from {@code columns};</li>
 * <li>views from {@code SHOW CREATE VIEW}, because StarRocks leaves {@code views.SECURITY_TYPE} empty (its BE
 * fills the column with {@code ""}), so the bulk rows cannot tell {@code SECURITY INVOKER} from the default; a
 * server that reports {@code INVOKER} or {@code NONE} there gets its views from the bulk rows alone (columns and
 * comments from {@code columns}, the comment from {@code tables.TABLE_COMMENT}, the query from
 * {@code views.VIEW_DEFINITION}).</li>
 * </ul>
 */
final class SchemaReflection {

    private SchemaReflection() {
    }

    /**
     * One object of the database and how to read it.
     *
     * @param name the object's name
     * @param kind table, view or materialized view
     * @param needsShowCreate whether the bulk rows lack what the model needs, so {@code SHOW CREATE} must be read
     */
    record CatalogObject(String name, ObjectKind kind, boolean needsShowCreate) {

    }

    /**
     * The objects of the database, sorted by name.
     * @throws StarRocksReflectionException for a {@code TABLE_TYPE} this code does not know
     */
    static List<CatalogObject> objects(CatalogRows rows) {
        Map<String, ObjectKind> kinds = new TreeMap<>();
        if (rows.materializedViews() != null) {
            for (Map<String, Object> row : rows.materializedViews()) {
                kinds.put(requiredText(row, "TABLE_NAME", "materialized_views"), ObjectKind.MATERIALIZED_VIEW);
            }
        }
        for (Map<String, Object> row : rows.tables()) {
            String name = requiredText(row, "TABLE_NAME", "tables");
            if (kinds.containsKey(name)) {
                continue;
            }
            String type = requiredText(row, "TABLE_TYPE", "tables").toUpperCase(Locale.ROOT);
            ObjectKind kind = switch (type) {
                case "BASE TABLE", "EXTERNAL TABLE" -> ObjectKind.TABLE;
                case "VIEW" -> ObjectKind.VIEW;
                case "MATERIALIZED VIEW" -> ObjectKind.MATERIALIZED_VIEW;
                default -> throw new StarRocksReflectionException("information_schema.tables lists '" + name
                        + "' with TABLE_TYPE '" + type + "', which cannot be read into the ddl model", null, null);
            };
            kinds.put(name, kind);
        }
        List<CatalogObject> objects = new ArrayList<>(kinds.size());
        kinds.forEach((name, kind) -> objects.add(new CatalogObject(name, kind,
                kind != ObjectKind.VIEW || !securityReported(rows.viewRow(name)))));
        return objects;
    }

    /**
     * Whether a {@code views} row states the view's security in StarRocks' own terms.
     */
    private static boolean securityReported(@Nullable Map<String, Object> viewRow) {
        String securityType = (viewRow != null) ? text(viewRow, "SECURITY_TYPE") : null;
        return securityType != null
                && (securityType.equalsIgnoreCase("INVOKER") || securityType.equalsIgnoreCase("NONE"));
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
     * A view, from bulk rows only (servers that report {@code SECURITY_TYPE}).
     */
    static View view(String name, CatalogRows rows) {
        Map<String, Object> viewRow = rows.viewRow(name);
        if (viewRow == null) {
            throw new StarRocksReflectionException("View '" + name + "' is listed in information_schema.tables but "
                    + "not in information_schema.views (dropped or replaced while being read?)", null, null);
        }
        String query = requiredText(viewRow, "VIEW_DEFINITION", "views");
        Map<String, Object> tableRow = rows.tableRow(name);
        String comment = (tableRow != null) ? nonEmptyText(tableRow, "TABLE_COMMENT") : null;
        return new View(name, viewColumns(name, rows), comment, security(name, text(viewRow, "SECURITY_TYPE")), query);
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
     * {@code views.SECURITY_TYPE} in StarRocks' terms ({@code INVOKER} or {@code NONE}).
     */
    static ViewSecurity security(String view, @Nullable String securityType) {
        String value = (securityType != null) ? securityType.trim().toUpperCase(Locale.ROOT) : "";
        return switch (value) {
            case "INVOKER" -> ViewSecurity.INVOKER;
            case "NONE" -> ViewSecurity.NONE;
            default -> throw new StarRocksReflectionException("View '" + view + "' has SECURITY_TYPE '" + securityType
                    + "', which does not say whether it is SECURITY INVOKER; read it with SHOW CREATE VIEW", null,
                    null);
        };
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
