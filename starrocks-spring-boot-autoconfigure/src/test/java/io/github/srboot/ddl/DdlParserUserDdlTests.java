package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.srboot.ddl.ColumnOption.aggregate;
import static io.github.srboot.ddl.ColumnOption.autoIncrement;
import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.generatedAs;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static io.github.srboot.ddl.ColumnOption.nullable;
import static io.github.srboot.ddl.DdlParserShowCreateTests.properties;
import static io.github.srboot.ddl.DdlParserShowCreateTests.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses DDL the way people write it (lower-case keywords, no backquotes, comments, several statements per script,
 * user-only forms such as LESS THAN and START/END/EVERY) from {@code src/test/resources/ddl/user}.
 */
class DdlParserUserDdlTests {

    @Test
    void scriptWithCommentsLowerCaseAndSeveralStatements() {
        Table customers = Table.builder("customers")
            .column("id", DataType.BIGINT, notNull(), comment("customer id"))
            .column("email", DataType.varchar(255), notNull())
            .column("name", DataType.STRING)
            .column("tier", DataType.TINYINT, defaultValue("0"))
            .column("created_at", DataType.DATETIME, defaultValue(DefaultValue.CURRENT_TIMESTAMP))
            .primaryKey("id")
            .comment("all customers")
            .distributedByHash(8, "id")
            .orderBy("email")
            .property("replication_num", "1")
            .property("enable_persistent_index", "true")
            .build();
        Table orders = Table.builder("orders")
            .column("order_day", DataType.DATE, notNull())
            .column("order_id", DataType.BIGINT, notNull())
            .column("customer_id", DataType.BIGINT, notNull())
            .column("amount", DataType.decimal(12, 2), defaultValue("0.00"))
            .column("note", DataType.varchar(200), nullable(), defaultValue(DefaultValue.NULL),
                    comment("free text; may contain 'quotes'"))
            .duplicateKey("order_day", "order_id")
            .partitionBy(new ExpressionPartitionDesc(List.of("date_trunc('day', order_day)")))
            .distributedByHash("order_id")
            .property("replication_num", "1")
            .property("partition_live_number", "90")
            .build();
        View customerOrders = new View("customer_orders",
                List.of(ViewColumn.of("customer_id"), new ViewColumn("orders", "number of orders")), null, null, """
                        select customer_id, count(*) as orders
                        from orders
                        group by customer_id""");
        assertThat(parseFile("01-shop-script.sql")).containsExactly(customers, orders, customerOrders);
    }

    @Test
    void rangePartitionsInEveryUserForm() {
        Table sales = Table.builder("sales")
            .column("sale_date", DataType.DATE, notNull())
            .column("store_id", DataType.INT, notNull())
            .column("amount", DataType.decimal(12, 2))
            .duplicateKey("sale_date", "store_id")
            .partitionBy(RangePartitionDesc.of("sale_date", RangePartition.lessThan("p_old", "2024-01-01"),
                    RangePartition.fixed("p2024h1", "2024-01-01", "2024-07-01"),
                    RangePartition.batch("2024-07-01", "2025-01-01", Interval.of(1, IntervalUnit.MONTH)),
                    RangePartition.batch("2025-01-01", "2025-02-01", Interval.of(1, IntervalUnit.WEEK)),
                    RangePartition.maxValue("p_rest")))
            .distributedByHash(8, "store_id")
            .build();
        Table numbered = Table.builder("numbered")
            .column("n", DataType.INT, notNull())
            .column("label", DataType.varchar(10))
            .duplicateKey("n")
            .partitionBy(RangePartitionDesc.of("n", RangePartition.batch("0", "1000", Interval.step(100)),
                    RangePartition.lessThan("p_big", "1000000"), RangePartition.maxValue("p_max")))
            .distributedByRandom()
            .build();
        Table twoLevel = Table.builder("two_level")
            .column("a", DataType.INT, notNull())
            .column("b", DataType.DATE, notNull())
            .duplicateKey("a", "b")
            .partitionBy(new RangePartitionDesc(List.of("a", "b"),
                    List.of(RangePartition.lessThan("p1", "10", "2024-01-01"), RangePartition.lessThan("p2", "20"))))
            .distributedByHash("a")
            .build();
        assertThat(parseFile("02-range-partitions.sql")).containsExactly(sales, numbered, twoLevel);
    }

    @Test
    void listAndExpressionPartitionsInEveryUserForm() {
        Table byCity = Table.builder("by_city")
            .column("city", DataType.varchar(20), notNull())
            .column("id", DataType.BIGINT, notNull())
            .duplicateKey("city")
            .partitionBy(ListPartitionDesc.of("city", ListPartition.of("p_cn", "Beijing", "Shanghai"),
                    ListPartition.of("p_us", "Los Angeles")))
            .distributedByHash(2, "id")
            .build();
        Table byDayAndCity = Table.builder("by_day_and_city")
            .column("dt", DataType.DATE, notNull())
            .column("city", DataType.varchar(20), notNull())
            .column("id", DataType.BIGINT, notNull())
            .duplicateKey("dt", "city")
            .partitionBy(new ListPartitionDesc(List.of("dt", "city"),
                    List.of(new ListPartition("p1",
                            List.of(List.of("2024-01-01", "Beijing"), List.of("2024-01-01", "Shanghai"))),
                            new ListPartition("p2", List.of(List.of("2024-01-02", "Beijing"))))))
            .distributedByHash(2, "id")
            .build();
        Table autoColumns = autoColumns("auto_columns");
        Table autoColumnsParenthesised = autoColumns("auto_columns_parenthesised");
        Table hourly = Table.builder("hourly")
            .column("ts", DataType.DATETIME, notNull())
            .column("v", DataType.INT)
            .duplicateKey("ts")
            .partitionBy(new ExpressionPartitionDesc(List.of("time_slice(ts, interval 1 hour)")))
            .distributedByRandom(4)
            .build();
        Table mixed = Table.builder("mixed")
            .column("ts", DataType.DATETIME, notNull())
            .column("city", DataType.varchar(20), notNull())
            .column("v", DataType.INT)
            .duplicateKey("ts", "city")
            .partitionBy(new ExpressionPartitionDesc(List.of("date_trunc('month',ts)", "city")))
            .distributedByRandom()
            .build();
        assertThat(parseFile("03-list-and-expression-partitions.sql")).containsExactly(byCity, byDayAndCity,
                autoColumns, autoColumnsParenthesised, hourly, mixed);
    }

    private static Table autoColumns(String name) {
        return Table.builder(name)
            .column("dt", DataType.DATE, notNull())
            .column("city", DataType.varchar(20), notNull())
            .column("id", DataType.BIGINT, notNull())
            .duplicateKey("dt", "city")
            .partitionBy(new ExpressionPartitionDesc(List.of("dt", "city")))
            .distributedByHash("id")
            .build();
    }

    @Test
    void viewsAndMaterializedViewsInEveryUserForm() {
        View recentOrders = new View("recent_orders", List.of(), "orders of the last week", ViewSecurity.INVOKER,
                "SELECT * FROM orders WHERE order_day >= date_sub(current_date(), 7)");
        View plain = View.of("v_plain", "select 1 as one");
        MaterializedView daily = MaterializedView.builder("mv_daily", """
                SELECT order_day, sum(amount) AS total
                FROM orders
                GROUP BY order_day""")
            .column("order_day", null)
            .column("total", "sum of amounts")
            .comment("daily totals")
            .partitionBy(new ExpressionPartitionDesc(List.of("order_day")))
            .distributedBy(new HashDistribution(List.of("order_day"), 4))
            .orderBy("order_day")
            .refresh(new RefreshScheme(RefreshMoment.IMMEDIATE, RefreshType.ASYNC, "2024-01-01 00:00:00",
                    Interval.of(1, IntervalUnit.DAY)))
            .property("replication_num", "1")
            .property("partition_refresh_number", "2")
            .build();
        MaterializedView manual = MaterializedView
            .builder("mv_manual", "select customer_id, count(*) as c from orders group by customer_id")
            .refresh(new RefreshScheme(RefreshMoment.DEFERRED, RefreshType.MANUAL, null, null))
            .build();
        MaterializedView asyncEvery = MaterializedView.builder("mv_async_every", "SELECT 1 AS x")
            .distributedBy(new RandomDistribution(null))
            .refresh(RefreshScheme.asyncEvery(Interval.of(30, IntervalUnit.MINUTE)))
            .build();
        MaterializedView bare = MaterializedView.builder("mv_plain", "SELECT 'a;b' AS s").build();
        assertThat(parseFile("04-views-and-materialized-views.sql")).containsExactly(recentOrders, plain, daily,
                manual, asyncEvery, bare);
    }

    @Test
    void aggregateAndUniqueTablesWithIndexesAndUpperCaseTypes() {
        Table dailyStats = Table.builder("daily_stats")
            .column("dt", DataType.DATE, notNull(), comment("day"))
            .column("site", DataType.varchar(64), notNull())
            .column("pv", DataType.BIGINT, aggregate(AggregationType.SUM), defaultValue("0"))
            .column("uv", DataType.BITMAP, aggregate(AggregationType.BITMAP_UNION))
            .column("hll_users", DataType.HLL, aggregate(AggregationType.HLL_UNION))
            .column("last_seen", DataType.DATETIME, aggregate(AggregationType.REPLACE_IF_NOT_NULL))
            .column("max_depth", DataType.INT, aggregate(AggregationType.MAX))
            .index(new IndexDef("idx_site", List.of("site"), IndexType.BITMAP, Map.of(), "site filter"))
            .engine("OLAP")
            .aggregateKey("dt", "site")
            .distributedByHash(4, "site")
            .property("replication_num", "1")
            .property("storage_medium", "SSD")
            .build();
        Table latestPrices = Table.builder("latest_prices")
            .column("sku", DataType.varchar(32), notNull())
            .column("price", ScalarType.of(ScalarKind.DECIMAL64, 10, 2))
            .column("tags", DataType.array(DataType.STRING))
            .column("attrs", DataType.map(DataType.STRING, DataType.INT))
            .column("dims", DataType.struct(DataType.field("w", DataType.DOUBLE), DataType.field("h", DataType.DOUBLE)))
            .column("doc", DataType.JSON)
            .index(new IndexDef("idx_tags", List.of("sku"), IndexType.NGRAMBF,
                    properties("gram_num", "4", "bloom_filter_fpp", "0.05"), null))
            .uniqueKey("sku")
            .distributedByHash(2, "sku")
            .orderBy("sku")
            .build();
        assertThat(parseFile("05-aggregate-and-unique.sql")).containsExactly(dailyStats, latestPrices);
    }

    @Test
    void autoIncrementGeneratedColumnsAndTablesWithoutKeyClause() {
        Table auto = Table.builder("t_auto")
            .column("id", DataType.BIGINT, notNull(), autoIncrement())
            .column("name", DataType.varchar(20), notNull())
            .column("name_upper", DataType.varchar(20), generatedAs("upper(name)"))
            .column("name_len", DataType.INT, generatedAs("(length( name ))"), comment("length"))
            .primaryKey("id")
            .distributedByHash("id")
            .build();
        Table noKeys = Table.builder("t_default_key")
            .column("a", DataType.INT)
            .column("b", DataType.INT)
            .column("c", DataType.INT)
            .distributedByRandom()
            .build();
        List<SchemaObject> parsed = parseFile("06-keys-and-generated.sql");
        assertThat(parsed).containsExactly(auto, noKeys);
        assertThat(((Table) parsed.get(1)).keys()).isNull();
    }

    @Test
    void emptyScriptsAndStraySemicolonsGiveNoObjects() {
        assertThat(Ddl.parse("")).isEmpty();
        assertThat(Ddl.parse(" -- nothing here\n/* at all */ ;; # really\n")).isEmpty();
    }

    @Test
    void whitespaceAndCommentsInsideExpressionsCollapseToOneSpace() {
        Table table = (Table) Ddl.parse("""
                CREATE TABLE t (
                  a INT,
                  b INT AS a   +
                     /* plus one */ 1 -- trailing
                ) DUPLICATE KEY (a) PARTITION BY date_trunc( 'day',\tx ) DISTRIBUTED BY RANDOM""".replace("x", "a"))
            .get(0);
        assertThat(table.column("b").generatedAs()).isEqualTo("a + 1");
        assertThat(((ExpressionPartitionDesc) table.partition()).expressions()).containsExactly("date_trunc( 'day', a )");
    }

    @Test
    void integerAliasAndDisplayWidthsAreKeptAsWrittenAndCompareAsThePlainType() {
        Table table = (Table) Ddl.parse("create table t (a integer(11), b bigint(20), c tinyint(1), d largeint(40))")
            .get(0);
        assertThat(table.columns()).extracting(Column::type)
            .containsExactly(ScalarType.of(ScalarKind.INT, 11), ScalarType.of(ScalarKind.BIGINT, 20),
                    ScalarType.of(ScalarKind.TINYINT, 1), ScalarType.of(ScalarKind.LARGEINT, 40));
        assertThat(table.columns()).extracting((column) -> column.type().canonical())
            .containsExactly(DataType.INT, DataType.BIGINT, DataType.TINYINT, DataType.LARGEINT);
        assertThat(Ddl.render(table)).contains("`a` INT(11)", "`b` BIGINT(20)", "`c` TINYINT(1)", "`d` LARGEINT(40)");
    }

    @Test
    void unquotedNumericDefaultIsTheSameLiteralTheServerPrints() {
        Table table = (Table) Ddl.parse("create table t (a int default 0, b double default -1.5)").get(0);
        assertThat(table.column("a").defaultValue()).isEqualTo(DefaultValue.literal("0"));
        assertThat(table.column("b").defaultValue()).isEqualTo(DefaultValue.literal("-1.5"));
    }

    @Test
    void indexWithoutUsingIsBitmapLikeOnTheServer() {
        Table table = (Table) Ddl.parse("create table t (a int, index i (a)) duplicate key (a)").get(0);
        assertThat(table.indexes()).containsExactly(IndexDef.bitmap("i", "a"));
    }

    @Test
    void columnKeyMarkerAndEngineAsWritten() {
        Table table = (Table) Ddl.parse("create table t (a int key, b int) engine = olap duplicate key (a)").get(0);
        assertThat(table.column("a").key()).isTrue();
        assertThat(table.engine()).isEqualTo("olap");
    }

    @Test
    void viewQueryRunsToTheSemicolonAndKeepsATrailingComment() {
        List<SchemaObject> objects = Ddl.parse("create view v as select 1 -- one\n  ;\ncreate view w as select 2");
        assertThat(objects).containsExactly(View.of("v", "select 1 -- one"), View.of("w", "select 2"));
    }

    @Test
    void viewQueryKeepsInnerCommentsVerbatim() {
        View view = (View) Ddl.parse("create view v as select a, -- the a\n  /* b: */ b from t;").get(0);
        assertThat(view.query()).isEqualTo("select a, -- the a\n  /* b: */ b from t");
    }

    static List<SchemaObject> parseFile(String name) {
        return Ddl.parse(resource("/ddl/user/" + name));
    }

}
