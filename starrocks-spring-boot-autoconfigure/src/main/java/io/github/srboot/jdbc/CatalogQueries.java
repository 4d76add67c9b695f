package io.github.srboot.jdbc;

/**
 * The fixed queries the template reads StarRocks' catalog with. Every name is a bind parameter; whole rows are
 * selected ({@code SELECT *}) because the column sets of these tables differ between StarRocks versions.
 */
final class CatalogQueries {

    static final String COUNT_SCHEMATA = "SELECT COUNT(*) FROM information_schema.schemata WHERE SCHEMA_NAME = ?";

    static final String CURRENT_DATABASE = "SELECT DATABASE()";

    static final String TABLES = "SELECT * FROM information_schema.tables WHERE TABLE_SCHEMA = ?";

    static final String COLUMNS = "SELECT * FROM information_schema.columns WHERE TABLE_SCHEMA = ?";

    static final String TABLES_CONFIG = "SELECT * FROM information_schema.tables_config WHERE TABLE_SCHEMA = ?";

    static final String MATERIALIZED_VIEWS = "SELECT * FROM information_schema.materialized_views "
            + "WHERE TABLE_SCHEMA = ?";

    private static final String ONE_OBJECT = " AND TABLE_NAME = ?";

    private CatalogQueries() {
    }

    static String tables(boolean oneObject) {
        return oneObject ? TABLES + ONE_OBJECT : TABLES;
    }

    static String columns(boolean oneObject) {
        return oneObject ? COLUMNS + ONE_OBJECT : COLUMNS;
    }

    static String tablesConfig(boolean oneObject) {
        return oneObject ? TABLES_CONFIG + ONE_OBJECT : TABLES_CONFIG;
    }

    static String materializedViews(boolean oneObject) {
        return oneObject ? MATERIALIZED_VIEWS + ONE_OBJECT : MATERIALIZED_VIEWS;
    }

}
