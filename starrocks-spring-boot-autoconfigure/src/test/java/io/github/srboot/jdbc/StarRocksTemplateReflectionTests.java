package io.github.srboot.jdbc;

import java.util.List;
import java.util.Optional;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.DefaultValue;
import io.github.srboot.ddl.Interval;
import io.github.srboot.ddl.IntervalUnit;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.RangePartitionDesc;
import io.github.srboot.ddl.RefreshType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;
import io.github.srboot.ddl.ViewColumn;
import io.github.srboot.ddl.ViewSecurity;
import io.github.srboot.support.RecordedCatalog;
import io.github.srboot.support.RecordedCatalog.ColumnRow;
import io.github.srboot.support.ScriptedJdbc;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.srboot.ddl.ColumnOption.autoIncrement;
import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static io.github.srboot.ddl.ColumnOption.nullable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reflection of a database into the {@code ddl} model, fed with recorded {@code information_schema} result sets and
 * {@code SHOW CREATE} texts through the template's own queries and row mapping.
 */
class StarRocksTemplateReflectionTests {

    static final String ORDERS = """
            CREATE TABLE `orders` (
              `order_id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT "",
              `customer_id` bigint(20) NOT NULL COMMENT "",
              `amount` decimal(18, 2) NULL COMMENT "order total",
              `status` varchar(16) NOT NULL DEFAULT "NEW" COMMENT "",
              `created_at` datetime NULL DEFAULT CURRENT_TIMESTAMP COMMENT ""
            ) ENGINE=OLAP\s
            PRIMARY KEY(`order_id`)
            DISTRIBUTED BY HASH(`order_id`) BUCKETS 8\s
            ORDER BY(`customer_id`)
            PROPERTIES (
            "replication_num" = "1",
            "enable_persistent_index" = "true",
            "replicated_storage" = "true",
            "fast_schema_evolution" = "true",
            "compression" = "LZ4"
            );""";

    static final ColumnRow[] ORDERS_COLUMNS = { new ColumnRow("order_id", "bigint(20)", false, ""),
            new ColumnRow("customer_id", "bigint(20)", false, ""),
            new ColumnRow("amount", "decimal(18,2)", true, "order total"),
            new ColumnRow("status", "varchar(16)", false, ""),
            new ColumnRow("created_at", "datetime", true, "") };

    static final String EVENTS = """
            CREATE TABLE `events` (
              `site_id` int(11) NOT NULL COMMENT "",
              `event_day` date NOT NULL COMMENT "",
              `user_id` bigint(20) NOT NULL COMMENT "",
              `pv` bigint(20) SUM NULL DEFAULT "0" COMMENT "page views",
              `uv` bitmap BITMAP_UNION NOT NULL COMMENT ""
            ) ENGINE=OLAP\s
            AGGREGATE KEY(`site_id`, `event_day`, `user_id`)
            COMMENT "daily counters"
            PARTITION BY RANGE(`event_day`)
            (PARTITION p202401 VALUES [("2024-01-01"), ("2024-02-01")),
            PARTITION p202402 VALUES [("2024-02-01"), ("2024-03-01")))
            DISTRIBUTED BY HASH(`site_id`) BUCKETS 4\s
            PROPERTIES (
            "compression" = "LZ4",
            "fast_schema_evolution" = "true",
            "replicated_storage" = "true",
            "replication_num" = "1"
            );""";

    static final ColumnRow[] EVENTS_COLUMNS = { new ColumnRow("site_id", "int(11)", false, ""),
            new ColumnRow("event_day", "date", false, ""), new ColumnRow("user_id", "bigint(20)", false, ""),
            new ColumnRow("pv", "bigint(20)", true, "page views"), new ColumnRow("uv", "bitmap", false, "") };

    static final String DAILY_SALES = """
            CREATE MATERIALIZED VIEW `daily_sales` (`sale_date`, `store_id`, `total` COMMENT "sum of amount")
            COMMENT "daily sales per store"
            DISTRIBUTED BY HASH(`store_id`) BUCKETS 4\s
            REFRESH ASYNC START("2024-01-01 02:00:00") EVERY(INTERVAL 1 DAY)
            PROPERTIES (
            "replication_num" = "1",
            "storage_medium" = "HDD"
            )
            AS SELECT `shop`.`sales`.`sale_date`, `shop`.`sales`.`store_id`, sum(`shop`.`sales`.`amount`) AS `total`
            FROM `shop`.`sales`
            GROUP BY `shop`.`sales`.`sale_date`, `shop`.`sales`.`store_id`;""";

    /** An older server: no column list in SHOW CREATE MATERIALIZED VIEW. */
    static final String MONTHLY_OLDER_SERVER = """
            CREATE MATERIALIZED VIEW `mv_monthly`
            COMMENT "monthly rollup"
            DISTRIBUTED BY HASH(`k`) BUCKETS 4\s
            REFRESH DEFERRED ASYNC
            PROPERTIES (
            "replication_num" = "1",
            "storage_medium" = "HDD"
            )
            AS SELECT `shop`.`monthly`.`k`, sum(`shop`.`monthly`.`v`) AS `v`
            FROM `shop`.`monthly`
            GROUP BY `shop`.`monthly`.`k`;""";

    static final String TOP_CUSTOMERS_QUERY = "SELECT `shop`.`orders`.`customer_id` AS `customer`, "
            + "sum(`shop`.`orders`.`amount`) AS `spent`\nFROM `shop`.`orders`\nGROUP BY `shop`.`orders`.`customer_id`";

    static final String TOP_CUSTOMERS = "CREATE VIEW `top_customers` (`customer` COMMENT \"customer id\", `spent`)\n"
            + "COMMENT \"best customers\" SECURITY INVOKER AS " + TOP_CUSTOMERS_QUERY + ";";

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final StarRocksTemplate template;

    StarRocksTemplateReflectionTests() {
        JdbcTemplate jdbcTemplate = new JdbcTemplate(this.server.dataSource());
        jdbcTemplate.setExceptionTranslator(new StarRocksSqlExceptionTranslator());
        this.template = new StarRocksTemplate(jdbcTemplate, AlterJobPolling.defaults(), new FakePollTimer());
    }

    private static RecordedCatalog shop() {
        return new RecordedCatalog("shop").table("orders", "PRIMARY_KEYS", ORDERS, ORDERS_COLUMNS)
            .table("events", "AGG_KEYS", EVENTS, EVENTS_COLUMNS)
            .view("top_customers", "best customers", TOP_CUSTOMERS,
                    new ColumnRow("customer", "bigint(20)", true, "customer id"),
                    ColumnRow.of("spent", "decimal(38,2)"))
            .materializedView("daily_sales", "VIEW", DAILY_SALES, ColumnRow.of("sale_date", "date"),
                    ColumnRow.of("store_id", "int(11)"), new ColumnRow("total", "decimal(38,2)", true,
                            "sum of amount"))
            .materializedView("mv_monthly", "VIEW", MONTHLY_OLDER_SERVER, new ColumnRow("k", "int(11)", true, "the key"),
                    ColumnRow.of("v", "bigint(20)"));
    }

    @Test
    void describeAllReadsEveryKindOfObject() {
        shop().installOn(this.server);

        List<SchemaObject> objects = this.template.describeAll("shop");

        assertThat(objects).extracting(SchemaObject::name)
            .containsExactly("daily_sales", "events", "mv_monthly", "orders", "top_customers");
        assertThat(objects).extracting((object) -> object.getClass().getSimpleName())
            .containsExactly("MaterializedView", "Table", "MaterializedView", "Table", "View");
    }

    @Test
    void tableIsReadIntoTheModel() {
        shop().installOn(this.server);

        Table orders = (Table) this.template.describe("shop", "orders").orElseThrow();

        Table expected = Table.builder("orders")
            .column("order_id", ScalarType.of(ScalarKind.BIGINT, 20), notNull(), autoIncrement())
            .column("customer_id", ScalarType.of(ScalarKind.BIGINT, 20), notNull())
            .column("amount", DataType.decimal(18, 2), nullable(), comment("order total"))
            .column("status", DataType.varchar(16), notNull(), defaultValue("NEW"))
            .column("created_at", DataType.DATETIME, nullable(), defaultValue(DefaultValue.CURRENT_TIMESTAMP))
            .engine("OLAP")
            .primaryKey("order_id")
            .distributedByHash(8, "order_id")
            .orderBy("customer_id")
            .property("replication_num", "1")
            .property("enable_persistent_index", "true")
            .property("replicated_storage", "true")
            .property("fast_schema_evolution", "true")
            .property("compression", "LZ4")
            .build();
        assertThat(orders).isEqualTo(expected);
    }

    @Test
    void partitionsAndAggregationAreReadFromShowCreate() {
        shop().installOn(this.server);

        Table events = (Table) this.template.describe("shop", "events").orElseThrow();

        assertThat(events.keysType()).isEqualTo(KeysType.AGGREGATE);
        assertThat(events.comment()).isEqualTo("daily counters");
        assertThat(events.partition()).isInstanceOfSatisfying(RangePartitionDesc.class, (range) -> {
            assertThat(range.columns()).containsExactly("event_day");
            assertThat(range.partitions()).hasSize(2);
        });
        assertThat(events.column("pv").aggregation()).hasToString("SUM");
        assertThat(events.column("uv").type()).isEqualTo(DataType.BITMAP);
    }

    @Test
    void viewIsReadFromShowCreateBecauseStarRocksLeavesSecurityTypeEmpty() {
        shop().installOn(this.server);

        View view = (View) this.template.describe("shop", "top_customers").orElseThrow();

        assertThat(view).isEqualTo(new View("top_customers",
                List.of(new ViewColumn("customer", "customer id"), ViewColumn.of("spent")), "best customers",
                ViewSecurity.INVOKER, TOP_CUSTOMERS_QUERY));
        assertThat(this.server.executedSql()).contains("SHOW CREATE VIEW `shop`.`top_customers`");
    }

    @Test
    void materializedViewIsReadFromShowCreate() {
        shop().installOn(this.server);

        MaterializedView view = (MaterializedView) this.template.describe("shop", "daily_sales").orElseThrow();

        assertThat(view.columns()).containsExactly(ViewColumn.of("sale_date"), ViewColumn.of("store_id"),
                new ViewColumn("total", "sum of amount"));
        assertThat(view.refresh().type()).isEqualTo(RefreshType.ASYNC);
        assertThat(view.refresh().start()).isEqualTo("2024-01-01 02:00:00");
        assertThat(view.refresh().every()).isEqualTo(Interval.of(1, IntervalUnit.DAY));
        assertThat(view.properties()).containsEntry("storage_medium", "HDD");
        assertThat(this.server.executedSql()).contains("SHOW CREATE MATERIALIZED VIEW `shop`.`daily_sales`");
    }

    @Test
    void materializedViewWithoutPrintedColumnListTakesColumnsFromInformationSchema() {
        shop().installOn(this.server);

        MaterializedView view = (MaterializedView) this.template.describe("shop", "mv_monthly").orElseThrow();

        assertThat(view.columns()).containsExactly(new ViewColumn("k", "the key"), ViewColumn.of("v"));
        assertThat(view.comment()).isEqualTo("monthly rollup");
    }

    @Test
    void catalogWithoutTablesConfigIsTolerated() {
        new RecordedCatalog("shop").table("orders", "PRIMARY_KEYS", ORDERS, ORDERS_COLUMNS)
            .view("top_customers", "best customers", TOP_CUSTOMERS,
                    new ColumnRow("customer", "bigint(20)", true, "customer id"), ColumnRow.of("spent", "decimal(38,2)"))
            .withoutStarRocksTables()
            .installOn(this.server);

        List<SchemaObject> objects = this.template.describeAll("shop");

        assertThat(objects).extracting(SchemaObject::name).containsExactly("orders", "top_customers");
        assertThat(((View) objects.get(1)).security()).isEqualTo(ViewSecurity.INVOKER);
    }

    /**
     * {@code information_schema.materialized_views} also lists rollups and synchronous MVs, with
     * {@code REFRESH_TYPE} {@code ROLLUP} and the index name as TABLE_NAME (RecordedCatalog names the FE file):
     * they are not asynchronous MVs, not objects of their own, and are reported as what they are.
     */
    @Test
    void synchronousMaterializedViewsAndRollupsAreNotAsynchronousMaterializedViews() {
        shop().synchronousMaterializedView("orders", "orders_by_customer",
                    "CREATE MATERIALIZED VIEW orders_by_customer AS SELECT customer_id, sum(amount) FROM orders "
                            + "GROUP BY customer_id")
            .synchronousMaterializedView("events", "events_rollup", "")
            .installOn(this.server);

        assertThat(this.template.describeAll("shop")).extracting(SchemaObject::name)
            .containsExactly("daily_sales", "events", "mv_monthly", "orders", "top_customers");
        assertThat(this.template.listMaterializedViews("shop")).containsExactly("daily_sales", "mv_monthly");
        assertThat(this.template.reflect("shop").unreadable()).isEmpty();
        assertThat(this.template.listSynchronousMaterializedViews("shop")).containsExactly(
                new SynchronousMaterializedView("events_rollup", null),
                new SynchronousMaterializedView("orders_by_customer", "CREATE MATERIALIZED VIEW orders_by_customer AS "
                        + "SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id"));
        // materialized_views filters by the base table's name: describing the table must not be confused by them.
        assertThat(this.template.describe("shop", "orders")).get().isInstanceOf(Table.class);
    }

    /**
     * With allow-drop, a diff against a desired schema that keeps every table but no materialized view drops the
     * asynchronous MVs only: the synchronous ones are indexes of the kept tables.
     */
    @Test
    void allowDropNeverDropsSynchronousMaterializedViews() {
        shop().synchronousMaterializedView("orders", "orders_by_customer",
                    "CREATE MATERIALIZED VIEW orders_by_customer AS SELECT customer_id, sum(amount) FROM orders "
                            + "GROUP BY customer_id")
            .installOn(this.server);
        List<SchemaObject> actual = this.template.reflect("shop").objects();
        List<SchemaObject> tablesOnly = actual.stream().filter((object) -> object instanceof Table).toList();

        List<String> statements = io.github.srboot.schema.SchemaDiff.compare(actual, tablesOnly, true).statements();

        assertThat(statements).noneMatch((statement) -> statement.contains("orders_by_customer"));
        assertThat(statements).anyMatch((statement) -> statement.contains("DROP MATERIALIZED VIEW")
                && statement.contains("daily_sales"));
    }

    /** Some 3.4.x builds listed base tables with TABLE_TYPE 'TABLE' (StarRocks #57259, until #59381). */
    @Test
    void tableTypeTableIsABaseTable() {
        shop().listedAsTable("orders").installOn(this.server);

        assertThat(this.template.listTables("shop")).containsExactly("events", "orders");
        assertThat(this.template.describe("shop", "orders")).get().isInstanceOf(Table.class);
    }

    @Test
    void unknownObjectIsEmpty() {
        shop().installOn(this.server);
        assertThat(this.template.describe("shop", "nope")).isEqualTo(Optional.empty());
        assertThat(this.server.executedSql()).hasSize(4).noneMatch((sql) -> sql.startsWith("SHOW"));
    }

    @Test
    void describeFiltersTheBulkQueriesByBoundName() {
        shop().installOn(this.server);
        this.template.describe("shop", "orders");
        assertThat(this.server.executed()).hasSize(5);
        assertThat(this.server.executed().subList(0, 4)).allSatisfy((statement) -> {
            assertThat(statement.sql()).endsWith("WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?");
            assertThat(statement.parameters()).containsExactly("shop", "orders");
        });
        assertThat(this.server.executed().get(4).sql()).isEqualTo("SHOW CREATE TABLE `shop`.`orders`");
    }

    @Test
    void listsObjectsByKind() {
        shop().installOn(this.server);
        assertThat(this.template.listTables("shop")).containsExactly("events", "orders");
        assertThat(this.template.listViews("shop")).containsExactly("top_customers");
        assertThat(this.template.listMaterializedViews("shop")).containsExactly("daily_sales", "mv_monthly");
    }

    @Test
    void tableAlteredBetweenTheQueriesIsReported() {
        new RecordedCatalog("shop").table("orders", "PRIMARY_KEYS", ORDERS, ORDERS_COLUMNS[0], ORDERS_COLUMNS[1])
            .installOn(this.server);
        assertThatExceptionOfType(StarRocksReflectionException.class)
            .isThrownBy(() -> this.template.describeAll("shop"))
            .withMessageContaining("information_schema.columns lists [order_id, customer_id]")
            .satisfies((ex) -> assertThat(ex.getSql()).isEqualTo("SHOW CREATE TABLE `shop`.`orders`"));
    }

    @Test
    void keyModelContradictingTablesConfigIsReported() {
        new RecordedCatalog("shop").table("orders", "DUP_KEYS", ORDERS, ORDERS_COLUMNS).installOn(this.server);
        assertThatExceptionOfType(StarRocksReflectionException.class)
            .isThrownBy(() -> this.template.describeAll("shop"))
            .withMessageContaining("PRIMARY KEY but information_schema.tables_config says DUP_KEYS");
    }

    @Test
    void unreadableDefinitionNamesTheObjectAndStatement() {
        new RecordedCatalog("shop").table("odd", "DUP_KEYS", "CREATE TABLE `odd` (this is not DDL", ColumnRow.of("a",
                "int(11)")).installOn(this.server);
        assertThatExceptionOfType(StarRocksReflectionException.class)
            .isThrownBy(() -> this.template.describeAll("shop"))
            .withMessageContaining("'odd'")
            .satisfies((ex) -> assertThat(ex.getSql()).isEqualTo("SHOW CREATE TABLE `shop`.`odd`"));
    }

    @Test
    void oneUnreadableObjectDoesNotStopReflectingTheOthers() {
        new RecordedCatalog("shop").table("orders", "PRIMARY_KEYS", ORDERS, ORDERS_COLUMNS)
            .table("odd", "DUP_KEYS", "CREATE TABLE `odd` (a int(11) USING SOMETHING NEW", ColumnRow.of("a", "int(11)"))
            .installOn(this.server);

        ReflectedSchema reflected = this.template.reflect("shop");

        assertThat(reflected.objects()).extracting(SchemaObject::name).containsExactly("orders");
        assertThat(reflected.unreadable()).singleElement().satisfies((object) -> {
            assertThat(object.name()).isEqualTo("odd");
            assertThat(object.kind()).isEqualTo(ObjectKind.TABLE);
            assertThat(object.reason()).contains("'odd'").contains("line 1");
        });
    }

    @Test
    void namesAreBoundOrQuotedNeverSpliced() {
        String hostile = "x` WHERE 1=1; DROP DATABASE shop; -- \"'";
        new RecordedCatalog(hostile).table("t`1", "DUP_KEYS", """
                CREATE TABLE `t``1` (
                  `a` int(11) NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`a`)
                DISTRIBUTED BY RANDOM
                PROPERTIES (
                "replication_num" = "1"
                );""", ColumnRow.of("a", "int(11)")).installOn(this.server);

        assertThat(this.template.describeAll(hostile)).extracting(SchemaObject::name).containsExactly("t`1");
        assertThat(this.server.executed()).filteredOn((statement) -> statement.sql().contains("information_schema"))
            .allSatisfy((statement) -> {
                assertThat(statement.sql()).doesNotContain(hostile);
                assertThat(statement.parameters()).containsExactly(hostile);
            });
        assertThat(this.server.executedSql()).contains("SHOW CREATE TABLE `x`` WHERE 1=1; DROP DATABASE shop; -- \"'`."
                + "`t``1`");
    }

    @Test
    void olderServerSpellingsReadAsTheSameModel() {
        String olderServer = """
                CREATE TABLE `prices` (
                  `id` int(11) NOT NULL COMMENT "",
                  `price` decimal64(10, 2) NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`id`)
                DISTRIBUTED BY HASH(`id`) BUCKETS 2\s
                PROPERTIES (
                "storage_format" = "DEFAULT",
                "replication_num" = "1",
                "in_memory" = "false"
                );""";
        String newerServer = """
                CREATE TABLE `prices` (
                  `id` int(11) NOT NULL COMMENT "",
                  `price` decimal(10, 2) NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`id`)
                DISTRIBUTED BY HASH(`id`) BUCKETS 2\s
                PROPERTIES (
                "in_memory" = "false",
                "replication_num" = "1",
                "storage_format" = "DEFAULT"
                );""";
        String olderMaterializedView = """
                CREATE MATERIALIZED VIEW `mv_old` (k, total)
                DISTRIBUTED BY HASH(`k`) BUCKETS 2\s
                REFRESH MANUAL
                PROPERTIES (
                "storage_medium" = "HDD",
                "replication_num" = "1"
                )
                AS SELECT `old`.`prices`.`id` AS `k`, sum(`old`.`prices`.`price`) AS `total`
                FROM `old`.`prices`
                GROUP BY `old`.`prices`.`id`;""";
        ColumnRow[] columns = { new ColumnRow("id", "int(11)", false, ""), ColumnRow.of("price", "decimal(10,2)") };
        new RecordedCatalog("old").table("prices", "DUP_KEYS", olderServer, columns)
            .materializedView("mv_old", "BASE TABLE", olderMaterializedView, ColumnRow.of("k", "int(11)"),
                    ColumnRow.of("total", "decimal(38,2)"))
            .installOn(this.server);
        new RecordedCatalog("new").table("prices", "DUP_KEYS", newerServer, columns).installOn(this.server);

        Table older = (Table) this.template.describe("old", "prices").orElseThrow();
        Table newer = (Table) this.template.describe("new", "prices").orElseThrow();

        assertThat(older.column("price").type().canonical()).isEqualTo(newer.column("price").type().canonical())
            .isEqualTo(DataType.decimal(10, 2).canonical());
        assertThat(older.properties()).isEqualTo(newer.properties());
        assertThat(this.template.describe("old", "mv_old")).get()
            .isInstanceOfSatisfying(MaterializedView.class, (view) -> assertThat(view.columns())
                .containsExactly(ViewColumn.of("k"), ViewColumn.of("total")));
    }

}
