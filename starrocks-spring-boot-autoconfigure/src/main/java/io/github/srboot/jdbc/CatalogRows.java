package io.github.srboot.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.lang.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The rows of one database read from {@code information_schema} in bulk: {@code tables}, {@code columns},
 * {@code tables_config}, {@code views} and {@code materialized_views}. Column names are matched case-insensitively.
 *
 * @param tables rows of {@code information_schema.tables}
 * @param columns rows of {@code information_schema.columns}
 * @param tablesConfig rows of {@code information_schema.tables_config}, or {@code null} where that table does not
 * exist (external catalogs)
 * @param views rows of {@code information_schema.views}
 * @param materializedViews rows of {@code information_schema.materialized_views}, or {@code null} where that table
 * does not exist (external catalogs)
 */
record CatalogRows(List<Map<String, Object>> tables, List<Map<String, Object>> columns,
        @Nullable List<Map<String, Object>> tablesConfig, List<Map<String, Object>> views,
        @Nullable List<Map<String, Object>> materializedViews) {

    CatalogRows {
        tables = caseInsensitive(tables);
        columns = caseInsensitive(columns);
        tablesConfig = (tablesConfig != null) ? caseInsensitive(tablesConfig) : null;
        views = caseInsensitive(views);
        materializedViews = (materializedViews != null) ? caseInsensitive(materializedViews) : null;
    }

    /**
     * The {@code information_schema.columns} rows of one object, in {@code ORDINAL_POSITION} order.
     */
    List<Map<String, Object>> columnsOf(String name) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : this.columns) {
            if (name.equals(text(row, "TABLE_NAME"))) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingLong((row) -> number(row, "ORDINAL_POSITION")));
        return rows;
    }

    /**
     * The first row of {@code rows} whose {@code TABLE_NAME} is {@code name}, or {@code null}.
     */
    @Nullable
    static Map<String, Object> rowOf(@Nullable List<Map<String, Object>> rows, String name) {
        if (rows == null) {
            return null;
        }
        for (Map<String, Object> row : rows) {
            if (name.equals(text(row, "TABLE_NAME"))) {
                return row;
            }
        }
        return null;
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
