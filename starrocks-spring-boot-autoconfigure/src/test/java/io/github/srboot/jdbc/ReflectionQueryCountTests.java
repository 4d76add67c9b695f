package io.github.srboot.jdbc;

import java.util.List;

import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.support.RecordedCatalog;
import io.github.srboot.support.RecordedCatalog.ColumnRow;
import io.github.srboot.support.ScriptedJdbc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many statements {@link StarRocksTemplate#describeAll(String)} sends for a database of {@code N} tables,
 * {@code V} views and {@code M} materialized views, counted by the scripted DataSource: {@code 4 + N + M + V}
 * (views need {@code SHOW CREATE VIEW} because StarRocks leaves {@code views.SECURITY_TYPE} empty).
 */
class ReflectionQueryCountTests {

    private static String table(String name) {
        return """
                CREATE TABLE `%s` (
                  `id` bigint(20) NOT NULL COMMENT "",
                  `payload` varchar(65533) NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`id`)
                DISTRIBUTED BY HASH(`id`) BUCKETS 2\s
                PROPERTIES (
                "replication_num" = "1"
                );""".formatted(name);
    }

    private static String materializedView(String name, String source) {
        return """
                CREATE MATERIALIZED VIEW `%s` (`id`)
                DISTRIBUTED BY HASH(`id`) BUCKETS 2\s
                REFRESH MANUAL
                PROPERTIES (
                "replication_num" = "1",
                "storage_medium" = "HDD"
                )
                AS SELECT `db`.`%s`.`id`
                FROM `db`.`%s`;""".formatted(name, source, source);
    }

    @ParameterizedTest(name = "{0} tables")
    @ValueSource(ints = { 1, 10, 200 })
    void describeAllCostsFiveBulkQueriesPlusOneShowCreatePerObject(int tables) {
        int views = Math.max(1, tables / 10);
        int materializedViews = Math.max(1, tables / 10);
        RecordedCatalog catalog = new RecordedCatalog("db");
        for (int i = 0; i < tables; i++) {
            catalog.table("t" + i, "DUP_KEYS", table("t" + i), new ColumnRow("id", "bigint(20)", false, ""),
                    ColumnRow.of("payload", "varchar(65533)"));
        }
        for (int i = 0; i < views; i++) {
            String query = "SELECT `db`.`t0`.`id`\nFROM `db`.`t0`";
            catalog.view("v" + i, "", "CREATE VIEW `v" + i + "` (`id`)\nCOMMENT \"\" SECURITY NONE AS "
                    + query + ";", ColumnRow.of("id", "bigint(20)"));
        }
        for (int i = 0; i < materializedViews; i++) {
            catalog.materializedView("mv" + i, "VIEW", materializedView("mv" + i, "t0"),
                    ColumnRow.of("id", "bigint(20)"));
        }
        ScriptedJdbc server = catalog.installOn(new ScriptedJdbc());
        JdbcTemplate jdbcTemplate = new JdbcTemplate(server.dataSource());
        jdbcTemplate.setExceptionTranslator(new StarRocksSqlExceptionTranslator());
        StarRocksTemplate template = new StarRocksTemplate(jdbcTemplate, AlterJobPolling.defaults(),
                new FakePollTimer());

        List<SchemaObject> objects = template.describeAll("db");

        int queries = server.executed().size();
        System.out.printf("describeAll: %d tables, %d views, %d materialized views -> %d queries%n", tables, views,
                materializedViews, queries);
        assertThat(objects).hasSize(tables + views + materializedViews);
        assertThat(queries).isEqualTo(4 + tables + materializedViews + views);
        assertThat(server.executedSql()).filteredOn((sql) -> sql.contains("information_schema")).hasSize(4);
    }

}
