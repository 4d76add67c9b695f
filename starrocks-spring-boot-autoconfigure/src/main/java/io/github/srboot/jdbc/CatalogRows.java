package io.github.srboot.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.lang.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The rows of one database read from {@code information_schema} in bulk: {@code tables}, {@code columns},
 * {@code tables_config} and {@code materialized_views} ({@code views} tells nothing {@code SHOW CREATE VIEW} does
 * not: StarRocks answers its {@code SECURITY_TYPE} and {@code DEFINER} with {@code ""}). Column names are matched case-insensitively;
 * rows are indexed by {@code TABLE_NAME} once, so that reading a database of many objects stays linear.
 */
final class CatalogRows {

    private final List<Map<String, Object>> tables;

    private final List<Map<String, Object>> columns;

    @Nullable
    private final List<Map<String, Object>> tablesConfig;

    @Nullable
    private final List<Map<String, Object>> materializedViews;

    private final Index index;

    /**
     * @param tables rows of {@code information_schema.tables}
     * @param columns rows of {@code information_schema.columns}
     * @param tablesConfig rows of {@code information_schema.tables_config}, or {@code null} where that table does
     * not exist (external catalogs)
     * @param materializedViews rows of {@code information_schema.materialized_views}, or {@code null} where that
     * table does not exist (external catalogs)
     */
    CatalogRows(List<? extends Map<String, ?>> tables, List<? extends Map<String, ?>> columns,
            @Nullable List<? extends Map<String, ?>> tablesConfig,
            @Nullable List<? extends Map<String, ?>> materializedViews) {
        this.tables = caseInsensitive(tables);
        this.columns = caseInsensitive(columns);
        this.tablesConfig = (tablesConfig != null) ? caseInsensitive(tablesConfig) : null;
        this.materializedViews = (materializedViews != null) ? caseInsensitive(materializedViews) : null;
        this.index = new Index(this);
    }

    /**
     * The rows of one database: rows naming another {@code TABLE_SCHEMA} are left out, because the catalog
     * tables may treat the schema name as a {@code LIKE} pattern ({@code _} and {@code %} match other names).
     */
    static CatalogRows forDatabase(String database, List<? extends Map<String, ?>> tables,
            List<? extends Map<String, ?>> columns, @Nullable List<? extends Map<String, ?>> tablesConfig,
            @Nullable List<? extends Map<String, ?>> materializedViews) {
        return new CatalogRows(inDatabase(database, tables), inDatabase(database, columns),
                (tablesConfig != null) ? inDatabase(database, tablesConfig) : null,
                (materializedViews != null) ? inDatabase(database, materializedViews) : null);
    }

    private static List<Map<String, ?>> inDatabase(String database, List<? extends Map<String, ?>> rows) {
        List<Map<String, ?>> kept = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            Map<String, Object> columns = new LinkedCaseInsensitiveMap<>(row.size(), Locale.ROOT);
            columns.putAll(row);
            Object schema = columns.get("TABLE_SCHEMA");
            if (schema == null || database.equals(schema.toString())) {
                kept.add(row);
            }
        }
        return kept;
    }

    List<Map<String, Object>> tables() {
        return this.tables;
    }

    @Nullable
    List<Map<String, Object>> tablesConfig() {
        return this.tablesConfig;
    }

    @Nullable
    List<Map<String, Object>> materializedViews() {
        return this.materializedViews;
    }

    /**
     * The {@code information_schema.columns} rows of one object, in {@code ORDINAL_POSITION} order.
     */
    List<Map<String, Object>> columnsOf(String name) {
        return this.index.columns.getOrDefault(name, List.of());
    }

    /**
     * The {@code tables_config} row of a table, or {@code null} (also where {@code tables_config} is absent).
     */
    @Nullable
    Map<String, Object> tablesConfigRow(String name) {
        return this.index.tablesConfig.get(name);
    }

    /**
     * The rows keyed by {@code TABLE_NAME}, built once so that reading a database of many objects stays linear.
     */
    private static final class Index {

        final Map<String, List<Map<String, Object>>> columns = new HashMap<>();

        final Map<String, Map<String, Object>> tablesConfig = new HashMap<>();

        Index(CatalogRows rows) {
            for (Map<String, Object> row : rows.columns) {
                this.columns.computeIfAbsent(String.valueOf(text(row, "TABLE_NAME")), (name) -> new ArrayList<>())
                    .add(row);
            }
            this.columns.values()
                .forEach((list) -> list.sort(Comparator.comparingLong((row) -> number(row, "ORDINAL_POSITION"))));
            if (rows.tablesConfig != null) {
                byName(rows.tablesConfig, this.tablesConfig);
            }
        }

        private static void byName(List<Map<String, Object>> rows, Map<String, Map<String, Object>> index) {
            for (Map<String, Object> row : rows) {
                index.putIfAbsent(String.valueOf(text(row, "TABLE_NAME")), row);
            }
        }

    }

    /**
     * A column's value as text, or {@code null} when absent or SQL NULL.
     */
    @Nullable
    static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return (value != null) ? value.toString() : null;
    }

    /**
     * A column's value as text, or {@code null} when absent, SQL NULL or empty.
     */
    @Nullable
    static String nonEmptyText(Map<String, Object> row, String column) {
        String value = text(row, column);
        return (value == null || value.isEmpty()) ? null : value;
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(value.toString().trim());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("information_schema." + "columns." + column + " is not a number: "
                    + value, ex);
        }
    }

    private static List<Map<String, Object>> caseInsensitive(List<? extends Map<String, ?>> rows) {
        List<Map<String, Object>> copies = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            Map<String, Object> copy = new LinkedCaseInsensitiveMap<>(row.size(), Locale.ROOT);
            copy.putAll(row);
            copies.add(Collections.unmodifiableMap(copy));
        }
        return Collections.unmodifiableList(copies);
    }

}
