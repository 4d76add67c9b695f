package io.github.srboot.ddl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses the corpus of {@code SHOW CREATE} outputs in {@code src/test/resources/ddl/show-create}, written in the
 * server's own format (STARROCKS.md section 3), into the model each one describes.
 */
class DdlParserShowCreateTests {

    // SHOW CREATE prints integer types with their MySQL display widths, and the model keeps them as written.
    private static final DataType TINYINT_4 = ScalarType.of(ScalarKind.TINYINT, 4);

    private static final DataType SMALLINT_6 = ScalarType.of(ScalarKind.SMALLINT, 6);

    private static final DataType INT_11 = ScalarType.of(ScalarKind.INT, 11);

    private static final DataType BIGINT_20 = ScalarType.of(ScalarKind.BIGINT, 20);

    private static final DataType LARGEINT_40 = ScalarType.of(ScalarKind.LARGEINT, 40);

    /** What StarRocks 3.3+ adds to every shared-nothing OLAP table. */
    private static final Map<String, String> SERVER_DEFAULTS = properties("replication_num", "1", "in_memory", "false",
            "enable_persistent_index", "true", "replicated_storage", "true", "fast_schema_evolution", "true",
            "compression", "LZ4");

    @Test
    void aggregateTableWithFixedRangePartitions() {
        Table expected = Table.builder("events")
            .column("site_id", INT_11, notNull(), comment(""))
            .column("event_day", DataType.DATE, notNull(), comment(""))
            .column("user_id", BIGINT_20, notNull(), comment(""))
            .column("pv", BIGINT_20, aggregate(AggregationType.SUM), nullable(), defaultValue("0"),
                    comment("page views"))
            .column("uv", DataType.BITMAP, aggregate(AggregationType.BITMAP_UNION), notNull(), comment(""))
            .engine("OLAP")
            .aggregateKey("site_id", "event_day", "user_id")
            .comment("daily counters")
            .partitionBy(RangePartitionDesc.of("event_day", RangePartition.fixed("p202401", "2024-01-01", "2024-02-01"),
                    RangePartition.fixed("p202402", "2024-02-01", "2024-03-01")))
            .distributedByHash(4, "site_id")
            .properties(properties("compression", "LZ4", "fast_schema_evolution", "true", "replicated_storage", "true",
                    "replication_num", "1"))
            .build();
        assertThat(parseFile("01-aggregate-range-fixed.sql")).containsExactly(expected);
    }

    @Test
    void duplicateTableWithEveryScalarTypeKeepsDisplayWidths() {
        Table expected = Table.builder("all_types")
            .column("c_tinyint", TINYINT_4, notNull(), comment(""))
            .column("c_smallint", SMALLINT_6, notNull(), comment(""))
            .column("c_int", INT_11, notNull(), comment(""))
            .column("c_bigint", BIGINT_20, nullable(), comment(""))
            .column("c_largeint", LARGEINT_40, nullable(), comment(""))
            .column("c_bool", DataType.BOOLEAN, nullable(), comment(""))
            .column("c_float", DataType.FLOAT, nullable(), comment(""))
            .column("c_double", DataType.DOUBLE, nullable(), comment(""))
            .column("c_decimal", DataType.decimal(10, 2), nullable(), comment(""))
            .column("c_decimal_wide", DataType.decimal(38, 9), nullable(), comment(""))
            .column("c_date", DataType.DATE, nullable(), comment(""))
            .column("c_datetime", DataType.DATETIME, nullable(), comment(""))
            .column("c_char", DataType.chars(10), nullable(), comment(""))
            .column("c_varchar", DataType.varchar(255), nullable(), comment(""))
            .column("c_string", DataType.varchar(65533), nullable(), comment(""))
            .column("c_long_text", DataType.varchar(1048576), nullable(), comment(""))
            .column("c_varbinary", DataType.varbinary(1024), nullable(), comment(""))
            .column("c_json", DataType.JSON, nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("c_tinyint", "c_smallint", "c_int")
            .distributedByRandom()
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("02-duplicate-all-scalar-types.sql")).containsExactly(expected);
    }

    @Test
    void randomDistributionWithBucketsAndComments() {
        Table expected = Table.builder("access_log")
            .column("ts", DataType.DATETIME, notNull(), comment("request time"))
            .column("path", DataType.varchar(1024), nullable(), comment(""))
            .column("status", SMALLINT_6, nullable(), comment("HTTP status"))
            .engine("OLAP")
            .duplicateKey("ts")
            .comment("raw access log")
            .distributedByRandom(16)
            .properties(properties("replication_num", "3", "in_memory", "false", "enable_persistent_index", "true",
                    "replicated_storage", "true", "compression", "LZ4"))
            .build();
        assertThat(parseFile("03-duplicate-random-buckets-comment.sql")).containsExactly(expected);
    }

    @Test
    void uniqueKeyTableWithSortKey() {
        Table expected = Table.builder("customers")
            .column("customer_id", BIGINT_20, notNull(), comment(""))
            .column("region", DataType.varchar(32), notNull(), comment(""))
            .column("name", DataType.varchar(128), nullable(), comment(""))
            .column("updated_at", DataType.DATETIME, nullable(), comment(""))
            .engine("OLAP")
            .uniqueKey("customer_id", "region")
            .distributedByHash(8, "customer_id")
            .orderBy("region", "customer_id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("04-unique-key-order-by.sql")).containsExactly(expected);
    }

    @Test
    void primaryKeyTableWithAutoIncrementAndDefaults() {
        Table expected = Table.builder("orders")
            .column("order_id", BIGINT_20, notNull(), autoIncrement(), comment(""))
            .column("customer_id", BIGINT_20, notNull(), comment(""))
            .column("amount", DataType.decimal(18, 2), nullable(), comment("order total"))
            .column("status", DataType.varchar(16), notNull(), defaultValue("NEW"), comment(""))
            .column("created_at", DataType.DATETIME, nullable(), defaultValue(DefaultValue.CURRENT_TIMESTAMP),
                    comment(""))
            .engine("OLAP")
            .primaryKey("order_id")
            .distributedByHash(8, "order_id")
            .orderBy("customer_id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("05-primary-key-auto-increment.sql")).containsExactly(expected);
    }

    @Test
    void everyAggregationType() {
        Table expected = Table.builder("metrics")
            .column("dt", DataType.DATE, notNull(), comment(""))
            .column("host", DataType.varchar(64), notNull(), comment(""))
            .column("requests", BIGINT_20, aggregate(AggregationType.SUM), nullable(), defaultValue("0"),
                    comment(""))
            .column("max_latency", INT_11, aggregate(AggregationType.MAX), nullable(), comment(""))
            .column("min_latency", INT_11, aggregate(AggregationType.MIN), nullable(), comment(""))
            .column("last_status", DataType.varchar(16), aggregate(AggregationType.REPLACE), nullable(), comment(""))
            .column("last_agent", DataType.varchar(256), aggregate(AggregationType.REPLACE_IF_NOT_NULL), nullable(),
                    comment(""))
            .column("visitors_hll", DataType.HLL, aggregate(AggregationType.HLL_UNION), notNull(), comment(""))
            .column("visitors_bitmap", DataType.BITMAP, aggregate(AggregationType.BITMAP_UNION), notNull(),
                    comment(""))
            .column("latency_pct", DataType.PERCENTILE, aggregate(AggregationType.PERCENTILE_UNION), notNull(),
                    comment(""))
            .engine("OLAP")
            .aggregateKey("dt", "host")
            .distributedByHash(2, "host")
            .properties(properties("replication_num", "1", "in_memory", "false", "enable_persistent_index", "true",
                    "replicated_storage", "true", "compression", "LZ4"))
            .build();
        assertThat(parseFile("06-aggregate-all-aggregation-types.sql")).containsExactly(expected);
    }

    @Test
    void nestedTypesInServerSpelling() {
        Table expected = Table.builder("nested")
            .column("id", BIGINT_20, notNull(), comment(""))
            .column("tags", DataType.array(DataType.varchar(32)), nullable(), comment(""))
            .column("scores", DataType.array(INT_11), nullable(), comment(""))
            .column("matrix", DataType.array(DataType.array(DataType.DOUBLE)), nullable(), comment(""))
            .column("attrs", DataType.map(DataType.varchar(20), INT_11), nullable(), comment(""))
            .column("point", DataType.struct(DataType.field("x", DataType.DOUBLE), DataType.field("y", DataType.DOUBLE)),
                    nullable(), comment(""))
            .column("person",
                    DataType.struct(DataType.field("name", DataType.varchar(65533)),
                            DataType.field("age", TINYINT_4),
                            DataType.field("emails", DataType.array(DataType.varchar(128)))),
                    nullable(), comment(""))
            .column("deep",
                    DataType.map(INT_11,
                            DataType.struct(
                                    DataType.field("a",
                                            DataType.array(DataType.map(DataType.varchar(10), DataType.decimal(10, 2)))),
                                    DataType.field("b", DataType.BOOLEAN))),
                    nullable(), comment(""))
            .column("events",
                    DataType.array(DataType.struct(DataType.field("ts", DataType.DATETIME),
                            DataType.field("kind", DataType.varchar(16)))),
                    nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("id")
            .distributedByHash(4, "id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("07-nested-types.sql")).containsExactly(expected);
    }

    @Test
    void legacyDecimalSpellingsAreKept() {
        Table expected = Table.builder("prices")
            .column("sku", DataType.varchar(32), notNull(), comment(""))
            .column("price", ScalarType.of(ScalarKind.DECIMAL64, 10, 2), notNull(), comment(""))
            .column("rate", ScalarType.of(ScalarKind.DECIMAL32, 9, 3), nullable(), comment(""))
            .column("total", ScalarType.of(ScalarKind.DECIMAL128, 38, 10), nullable(), comment(""))
            .column("history", DataType.array(ScalarType.of(ScalarKind.DECIMAL64, 12, 4)), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("sku")
            .distributedByHash(3, "sku")
            .properties(properties("replication_num", "1", "in_memory", "false", "storage_format", "DEFAULT",
                    "enable_persistent_index", "false", "compression", "LZ4"))
            .build();
        List<SchemaObject> parsed = parseFile("08-decimal-legacy-spelling.sql");
        assertThat(parsed).containsExactly(expected);
        assertThat(((Table) parsed.get(0)).column("price").type().canonical()).isEqualTo(DataType.decimal(10, 2));
    }

    @Test
    void everyDefaultForm() {
        Table expected = Table.builder("defaults")
            .column("id", BIGINT_20, notNull(), comment(""))
            .column("uid", DataType.varchar(36), notNull(), defaultValue(DefaultValue.expression("uuid()")),
                    comment(""))
            .column("uid_num", LARGEINT_40, notNull(), defaultValue(DefaultValue.expression("uuid_numeric()")),
                    comment(""))
            .column("qty", INT_11, nullable(), defaultValue("0"), comment(""))
            .column("ratio", DataType.DOUBLE, nullable(), defaultValue("1.5"), comment(""))
            .column("label", DataType.varchar(32), nullable(), defaultValue(""), comment(""))
            .column("flag", DataType.BOOLEAN, nullable(), defaultValue("true"), comment(""))
            .column("day", DataType.DATE, nullable(), defaultValue("2024-01-01"), comment(""))
            .column("created_at", DataType.DATETIME, notNull(), defaultValue(DefaultValue.CURRENT_TIMESTAMP),
                    comment(""))
            .column("note", DataType.varchar(65533), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("id")
            .distributedByHash(1, "id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("09-defaults.sql")).containsExactly(expected);
    }

    @Test
    void generatedColumnsKeepTheirExpressionText() {
        Table expected = Table.builder("line_items")
            .column("id", BIGINT_20, notNull(), comment(""))
            .column("price", DataType.decimal(10, 2), nullable(), comment(""))
            .column("qty", INT_11, nullable(), comment(""))
            .column("payload", DataType.JSON, nullable(), comment(""))
            .column("total", DataType.decimal(21, 2), nullable(),
                    generatedAs("`price` * cast(`qty` AS DECIMAL(10,0))"), comment(""))
            .column("buyer", DataType.varchar(65533), nullable(),
                    generatedAs("get_json_string(`payload`, '$.buyer.name')"), comment("buyer name"))
            .engine("OLAP")
            .primaryKey("id")
            .distributedByHash(2, "id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("10-generated-columns.sql")).containsExactly(expected);
    }

    @Test
    void bitmapIndexesWithUnquotedNames() {
        Table expected = Table.builder("users")
            .column("user_id", BIGINT_20, notNull(), comment(""))
            .column("city", DataType.varchar(64), nullable(), comment(""))
            .column("gender", DataType.chars(1), nullable(), comment(""))
            .column("age", SMALLINT_6, nullable(), comment(""))
            .index(new IndexDef("idx_city", List.of("city"), IndexType.BITMAP, Map.of(), "city lookups"))
            .index(new IndexDef("idx_gender", List.of("gender"), IndexType.BITMAP, Map.of(), null))
            .engine("OLAP")
            .duplicateKey("user_id")
            .distributedByHash(6, "user_id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("11-index-bitmap.sql")).containsExactly(expected);
    }

    @Test
    void ginAndNgramBloomFilterIndexesWithProperties() {
        Table expected = Table.builder("documents")
            .column("doc_id", BIGINT_20, notNull(), comment(""))
            .column("title", DataType.varchar(256), nullable(), comment(""))
            .column("body", DataType.varchar(65533), nullable(), comment(""))
            .index(new IndexDef("idx_body", List.of("body"), IndexType.GIN,
                    properties("imp_lib", "clucene", "parser", "english"), "full text"))
            .index(new IndexDef("idx_title", List.of("title"), IndexType.NGRAMBF,
                    properties("bloom_filter_fpp", "0.05", "gram_num", "4"), null))
            .engine("OLAP")
            .duplicateKey("doc_id")
            .distributedByHash(4, "doc_id")
            .properties(properties("replication_num", "1", "in_memory", "false", "enable_persistent_index", "true",
                    "replicated_storage", "false", "fast_schema_evolution", "true", "compression", "LZ4"))
            .build();
        assertThat(parseFile("12-index-gin-ngrambf.sql")).containsExactly(expected);
    }

    @Test
    void fixedRangeEndingInMaxValueIsReadAsLessThanMaxValue() {
        Table expected = Table.builder("sales")
            .column("sale_date", DataType.DATE, notNull(), comment(""))
            .column("store_id", INT_11, notNull(), comment(""))
            .column("amount", DataType.decimal(12, 2), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("sale_date", "store_id")
            .partitionBy(RangePartitionDesc.of("sale_date", RangePartition.fixed("p_old", "0000-01-01", "2024-01-01"),
                    RangePartition.fixed("p2024", "2024-01-01", "2025-01-01"), RangePartition.maxValue("p_future")))
            .distributedByHash(8, "store_id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("13-range-less-than-maxvalue.sql")).containsExactly(expected);
    }

    @Test
    void multiColumnRange() {
        Table expected = Table.builder("tenant_events")
            .column("tenant_id", INT_11, notNull(), comment(""))
            .column("event_date", DataType.DATE, notNull(), comment(""))
            .column("payload", DataType.varchar(65533), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("tenant_id", "event_date")
            .partitionBy(new RangePartitionDesc(List.of("tenant_id", "event_date"),
                    List.of(new RangePartition.Fixed("p1_jan", List.of("1", "2024-01-01"), List.of("1", "2024-02-01")),
                            new RangePartition.Fixed("p1_feb", List.of("1", "2024-02-01"), List.of("1", "2024-03-01")),
                            new RangePartition.Fixed("p2_all", List.of("2", "0000-01-01"),
                                    List.of("3", "0000-01-01")))))
            .distributedByHash(4, "tenant_id")
            .properties(properties("replication_num", "1", "in_memory", "false", "enable_persistent_index", "true",
                    "replicated_storage", "true", "compression", "LZ4"))
            .build();
        assertThat(parseFile("14-range-multi-column.sql")).containsExactly(expected);
    }

    @Test
    void dynamicPartitionPropertiesStayProperties() {
        Table expected = Table.builder("clicks")
            .column("click_day", DataType.DATE, notNull(), comment(""))
            .column("ad_id", BIGINT_20, notNull(), comment(""))
            .column("clicks", BIGINT_20, aggregate(AggregationType.SUM), nullable(), defaultValue("0"),
                    comment(""))
            .engine("OLAP")
            .aggregateKey("click_day", "ad_id")
            .partitionBy(RangePartitionDesc.of("click_day", RangePartition.fixed("p20240301", "2024-03-01", "2024-03-02"),
                    RangePartition.fixed("p20240302", "2024-03-02", "2024-03-03")))
            .distributedByHash(8, "ad_id")
            .properties(properties("replication_num", "1", "dynamic_partition.enable", "true",
                    "dynamic_partition.time_unit", "DAY", "dynamic_partition.time_zone", "Asia/Shanghai",
                    "dynamic_partition.start", "-7", "dynamic_partition.end", "3", "dynamic_partition.prefix", "p",
                    "dynamic_partition.buckets", "8", "dynamic_partition.history_partition_num", "0", "in_memory",
                    "false", "enable_persistent_index", "true", "replicated_storage", "true", "compression", "LZ4"))
            .build();
        assertThat(parseFile("15-range-dynamic-partition.sql")).containsExactly(expected);
    }

    @Test
    void integerRangeBoundsAreStrings() {
        Table expected = Table.builder("shards")
            .column("shard_key", INT_11, notNull(), comment(""))
            .column("value", DataType.varchar(64), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("shard_key")
            .partitionBy(RangePartitionDesc.of("shard_key", RangePartition.fixed("p_neg", "-2147483648", "0"),
                    RangePartition.fixed("p0", "0", "1000"), RangePartition.fixed("p1", "1000", "2000")))
            .distributedByHash(2, "shard_key")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("16-range-integer-bounds.sql")).containsExactly(expected);
    }

    @Test
    void singleColumnListPartitions() {
        Table expected = Table.builder("stores")
            .column("city", DataType.varchar(32), notNull(), comment(""))
            .column("store_id", INT_11, notNull(), comment(""))
            .column("revenue", DataType.decimal(12, 2), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("city", "store_id")
            .partitionBy(ListPartitionDesc.of("city", ListPartition.of("pChina", "Beijing", "Shanghai", "Shenzhen"),
                    ListPartition.of("pUSA", "Los Angeles", "San Francisco"), ListPartition.of("pQuote", "Xi'an")))
            .distributedByHash(4, "store_id")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("17-list-single-column.sql")).containsExactly(expected);
    }

    @Test
    void multiColumnListPartitions() {
        Table expected = Table.builder("visits")
            .column("dt", DataType.DATE, notNull(), comment(""))
            .column("city", DataType.varchar(32), notNull(), comment(""))
            .column("visits", BIGINT_20, nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("dt", "city")
            .partitionBy(new ListPartitionDesc(List.of("dt", "city"),
                    List.of(new ListPartition("p1",
                            List.of(List.of("2024-04-01", "Beijing"), List.of("2024-04-01", "Shanghai"))),
                            new ListPartition("p2", List.of(List.of("2024-04-02", "Beijing"))))))
            .distributedByHash(2, "city")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("18-list-multi-column.sql")).containsExactly(expected);
    }

    @Test
    void dateTruncExpressionPartitioningWithAutomaticBuckets() {
        Table expected = Table.builder("site_access")
            .column("event_day", DataType.DATETIME, notNull(), comment(""))
            .column("site_id", INT_11, notNull(), comment(""))
            .column("pv", BIGINT_20, nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("event_day", "site_id")
            .partitionBy(new ExpressionPartitionDesc(List.of("date_trunc('day', `event_day`)")))
            .distributedByHash("event_day", "site_id")
            .properties(properties("replication_num", "1", "partition_live_number", "30", "in_memory", "false",
                    "enable_persistent_index", "true", "replicated_storage", "true", "fast_schema_evolution", "true",
                    "bucket_size", "4294967296", "compression", "LZ4"))
            .build();
        List<SchemaObject> parsed = parseFile("19-expression-date-trunc.sql");
        assertThat(parsed).containsExactly(expected);
        assertThat(((Table) parsed.get(0)).partition().columnNames()).isEmpty();
        assertThat(((Table) parsed.get(0)).partition())
            .as("the server's spelling equals the builder's")
            .isEqualTo(ExpressionPartitionDesc.dateTrunc(IntervalUnit.DAY, "event_day"));
    }

    @Test
    void timeSliceExpressionPartitioning() {
        Table expected = Table.builder("sensor_readings")
            .column("ts", DataType.DATETIME, notNull(), comment(""))
            .column("sensor_id", BIGINT_20, notNull(), comment(""))
            .column("reading", DataType.DOUBLE, nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("ts", "sensor_id")
            .partitionBy(new ExpressionPartitionDesc(List.of("time_slice(`ts`, INTERVAL 6 hour, floor)")))
            .distributedByRandom()
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("20-expression-time-slice.sql")).containsExactly(expected);
    }

    @Test
    void columnListExpressionPartitioning() {
        Table expected = Table.builder("orders_by_region")
            .column("dt", DataType.DATE, notNull(), comment(""))
            .column("region", DataType.varchar(16), notNull(), comment(""))
            .column("order_id", BIGINT_20, notNull(), comment(""))
            .engine("OLAP")
            .duplicateKey("dt", "region")
            .partitionBy(ExpressionPartitionDesc.columns("dt", "region"))
            .distributedByHash(4, "order_id")
            .properties(properties("replication_num", "1", "partition_retention_condition",
                    "dt >= current_date() - interval 3 month", "in_memory", "false", "enable_persistent_index", "true",
                    "replicated_storage", "true", "fast_schema_evolution", "true", "compression", "LZ4"))
            .build();
        List<SchemaObject> parsed = parseFile("21-expression-column-list.sql");
        assertThat(parsed).containsExactly(expected);
        assertThat(((Table) parsed.get(0)).partition().columnNames()).containsExactly("dt", "region");
    }

    @Test
    void olderRangeExpressionSpellingIsExpressionPartitioning() {
        Table expected = Table.builder("monthly")
            .column("dt", DataType.DATE, notNull(), comment(""))
            .column("k", INT_11, notNull(), comment(""))
            .column("v", BIGINT_20, aggregate(AggregationType.SUM), nullable(), comment(""))
            .engine("OLAP")
            .aggregateKey("dt", "k")
            .partitionBy(ExpressionPartitionDesc.dateTrunc(IntervalUnit.MONTH, "dt"))
            .distributedByHash(4, "k")
            .properties(properties("replication_num", "1", "in_memory", "false", "storage_format", "DEFAULT",
                    "enable_persistent_index", "false", "compression", "LZ4"))
            .build();
        assertThat(parseFile("22-expression-range-older-spelling.sql")).containsExactly(expected);
    }

    @Test
    void hashDistributionWithoutBuckets() {
        Table expected = Table.builder("page_views")
            .column("view_id", BIGINT_20, notNull(), comment(""))
            .column("user_id", BIGINT_20, notNull(), comment(""))
            .column("url", DataType.varchar(2048), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("view_id")
            .distributedByHash("view_id", "user_id")
            .properties(properties("replication_num", "1", "bucket_size", "4294967296", "in_memory", "false",
                    "enable_persistent_index", "true", "replicated_storage", "true", "fast_schema_evolution", "true",
                    "compression", "LZ4"))
            .build();
        List<SchemaObject> parsed = parseFile("23-hash-automatic-buckets.sql");
        assertThat(parsed).containsExactly(expected);
        assertThat(((Table) parsed.get(0)).distribution().buckets()).isNull();
    }

    @Test
    void storagePropertiesKeepWrittenOrderAndCompareAsMap() {
        Table expected = Table.builder("archive")
            .column("id", BIGINT_20, notNull(), comment(""))
            .column("k1", DataType.varchar(64), nullable(), comment(""))
            .column("k2", DataType.varchar(64), nullable(), comment(""))
            .column("body", DataType.varchar(65533), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("id")
            .distributedByHash(10, "id")
            .properties(properties("compression", "ZSTD(3)", "storage_cooldown_ttl", "1 month", "storage_medium", "SSD",
                    "write_quorum", "ALL", "replicated_storage", "true", "enable_persistent_index", "true",
                    "in_memory", "false", "colocate_with", "archive_group", "bloom_filter_columns", "k1, k2",
                    "replication_num", "1"))
            .build();
        List<SchemaObject> parsed = parseFile("24-storage-properties.sql");
        assertThat(parsed).containsExactly(expected);
        assertThat(((Table) parsed.get(0)).properties().keySet()).startsWith("replication_num", "bloom_filter_columns",
                "colocate_with");
    }

    @Test
    void unicodeKeywordAndQuoteLadenNamesAndComments() {
        Table expected = Table.builder("订单明细")
            .column("订单号", BIGINT_20, notNull(), comment("订单的唯一编号"))
            .column("select", DataType.varchar(64), nullable(), comment("a column named like a keyword"))
            .column("with space", INT_11, nullable(), comment("it's -- not a comment; really"))
            .column("back`tick", INT_11, nullable(), comment("/* still text */ # also text"))
            .engine("OLAP")
            .duplicateKey("订单号")
            .comment("中文表注释")
            .distributedByHash(1, "订单号")
            .properties(SERVER_DEFAULTS)
            .build();
        assertThat(parseFile("25-comments-unicode-and-names.sql")).containsExactly(expected);
    }

    @Test
    void rangeWithEmptyPartitionListForDynamicPartitioning() {
        Table expected = Table.builder("dynamic_only")
            .column("dt", DataType.DATE, notNull(), comment(""))
            .column("v", INT_11, nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("dt")
            .partitionBy(new RangePartitionDesc(List.of("dt"), List.of()))
            .distributedByHash(3, "dt")
            .properties(properties("replication_num", "1", "dynamic_partition.enable", "true",
                    "dynamic_partition.time_unit", "MONTH", "dynamic_partition.start", "-3", "dynamic_partition.end",
                    "1", "dynamic_partition.prefix", "m", "in_memory", "false", "enable_persistent_index", "true",
                    "replicated_storage", "true", "compression", "LZ4"))
            .build();
        assertThat(parseFile("35-range-empty-partition-list.sql")).containsExactly(expected);
    }

    @Test
    void sharedDataTableWithItsStorageProperties() {
        Table expected = Table.builder("lake_events")
            .column("event_time", DataType.DATETIME, notNull(), comment(""))
            .column("user_id", BIGINT_20, notNull(), comment(""))
            .column("event", DataType.varchar(64), nullable(), comment(""))
            .engine("OLAP")
            .duplicateKey("event_time", "user_id")
            .partitionBy(ExpressionPartitionDesc.dateTrunc(IntervalUnit.HOUR, "event_time"))
            .distributedByRandom()
            .properties(properties("replication_num", "1", "datacache.enable", "true", "storage_volume",
                    "builtin_storage_volume", "enable_async_write_back", "false", "enable_persistent_index", "true",
                    "persistent_index_type", "CLOUD_NATIVE", "compression", "LZ4"))
            .build();
        assertThat(parseFile("36-shared-data-table.sql")).containsExactly(expected);
    }

    @Test
    void primaryKeyTableWithListPartitionsSortKeyAndGeneratedColumn() {
        Table expected = Table.builder("shipments")
            .column("region", DataType.varchar(16), notNull(), comment(""))
            .column("shipment_id", BIGINT_20, notNull(), comment(""))
            .column("weight_g", INT_11, nullable(), comment(""))
            .column("status", DataType.varchar(16), notNull(), defaultValue("PENDING"), comment(""))
            .column("weight_kg", DataType.DOUBLE, nullable(), generatedAs("`weight_g` / 1000"), comment("derived"))
            .engine("OLAP")
            .primaryKey("region", "shipment_id")
            .comment("shipments per region")
            .partitionBy(ListPartitionDesc.of("region", ListPartition.of("p_eu", "DE", "FR", "NL"),
                    ListPartition.of("p_us", "US")))
            .distributedByHash(6, "shipment_id")
            .orderBy("status", "shipment_id")
            .properties(properties("replication_num", "1", "in_memory", "false", "enable_persistent_index", "true",
                    "persistent_index_type", "LOCAL", "replicated_storage", "true", "fast_schema_evolution", "true",
                    "compression", "LZ4"))
            .build();
        assertThat(parseFile("37-primary-key-list-generated.sql")).containsExactly(expected);
    }

    @Test
    void viewWithSecurityNoneKeepsTheQueryVerbatim() {
        View expected = new View("active_customers",
                List.of(ViewColumn.of("customer_id"), new ViewColumn("name", "display name")),
                "customers seen in the last 30 days", ViewSecurity.NONE, """
                        SELECT `test_db`.`customers`.`customer_id`, `test_db`.`customers`.`name`
                        FROM `test_db`.`customers`
                        WHERE `test_db`.`customers`.`updated_at` >= (now() - INTERVAL 30 DAY)""");
        assertThat(parseFile("26-view-security-none.sql")).containsExactly(expected);
    }

    @Test
    void olderViewWithoutSecurityOrComment() {
        View expected = new View("order_totals", List.of(ViewColumn.of("customer_id"), ViewColumn.of("total")), null,
                null, """
                        SELECT `test_db`.`orders`.`customer_id` AS `customer_id`, sum(`test_db`.`orders`.`amount`) \
                        AS `total`
                        FROM `test_db`.`orders`
                        GROUP BY `test_db`.`orders`.`customer_id`""");
        assertThat(parseFile("27-view-older-no-security.sql")).containsExactly(expected);
    }

    @Test
    void viewQueryMayContainSemicolonsAndCommentMarkersInStrings() {
        View expected = new View("labelled",
                List.of(ViewColumn.of("id"), new ViewColumn("label", "semicolons; and 'quotes'")), "",
                ViewSecurity.INVOKER, """
                        SELECT `test_db`.`t`.`id`, concat('a;b', "--c", '/*d*/') AS `label`
                        FROM `test_db`.`t`""");
        assertThat(parseFile("28-view-security-invoker-strings.sql")).containsExactly(expected);
    }

    @Test
    void materializedViewWithAsyncStartEvery() {
        MaterializedView expected = MaterializedView.builder("daily_sales", """
                SELECT `test_db`.`sales`.`sale_date`, `test_db`.`sales`.`store_id`, sum(`test_db`.`sales`.`amount`) \
                AS `total`
                FROM `test_db`.`sales`
                GROUP BY `test_db`.`sales`.`sale_date`, `test_db`.`sales`.`store_id`""")
            .column("sale_date", null)
            .column("store_id", null)
            .column("total", "sum of amount")
            .comment("daily sales per store")
            .partitionBy(ExpressionPartitionDesc.columns("sale_date"))
            .distributedBy(new HashDistribution(List.of("store_id"), 4))
            .orderBy("store_id", "sale_date")
            .refresh(new RefreshScheme(null, RefreshType.ASYNC, "2024-01-01 02:00:00",
                    Interval.of(1, IntervalUnit.DAY)))
            .property("replicated_storage", "true")
            .property("replication_num", "1")
            .property("partition_refresh_number", "3")
            .property("storage_medium", "HDD")
            .build();
        assertThat(parseFile("29-mv-async-start-every.sql")).containsExactly(expected);
    }

    @Test
    void materializedViewDeferredManual() {
        MaterializedView expected = MaterializedView.builder("customer_counts", """
                SELECT `test_db`.`customers`.`region`, count(*) AS `customers`
                FROM `test_db`.`customers`
                GROUP BY `test_db`.`customers`.`region`""")
            .column("region", null)
            .column("customers", null)
            .distributedBy(new RandomDistribution(null))
            .refresh(new RefreshScheme(RefreshMoment.DEFERRED, RefreshType.MANUAL, null, null))
            .property("replication_num", "1")
            .property("storage_medium", "HDD")
            .build();
        assertThat(parseFile("30-mv-deferred-manual.sql")).containsExactly(expected);
    }

    @Test
    void olderMaterializedViewWithUnquotedColumnList() {
        MaterializedView expected = MaterializedView.builder("mv_status",
                "SELECT `test_db`.`orders`.`status`, count(*) AS `cnt` FROM `test_db`.`orders` "
                        + "GROUP BY `test_db`.`orders`.`status`")
            .column("status", null)
            .column("cnt", null)
            .distributedBy(new HashDistribution(List.of("status"), 2))
            .refresh(RefreshScheme.asyncEvery(Interval.of(10, IntervalUnit.MINUTE)))
            .property("replication_num", "1")
            .property("storage_medium", "HDD")
            .build();
        assertThat(parseFile("31-mv-older-unquoted-columns.sql")).containsExactly(expected);
    }

    @Test
    void olderMaterializedViewWithoutColumnList() {
        MaterializedView expected = MaterializedView.builder("mv_monthly", """
                SELECT date_trunc('month', `test_db`.`monthly`.`dt`) AS `dt`, `test_db`.`monthly`.`k`, \
                sum(`test_db`.`monthly`.`v`) AS `v`
                FROM `test_db`.`monthly`
                GROUP BY date_trunc('month', `test_db`.`monthly`.`dt`), `test_db`.`monthly`.`k`""")
            .comment("monthly rollup")
            .partitionBy(new ExpressionPartitionDesc(List.of("date_trunc('month', dt)")))
            .distributedBy(new HashDistribution(List.of("k"), 4))
            .refresh(new RefreshScheme(RefreshMoment.DEFERRED, RefreshType.ASYNC, null, null))
            .property("replication_num", "1")
            .property("storage_medium", "HDD")
            .build();
        assertThat(parseFile("32-mv-older-no-column-list.sql")).containsExactly(expected);
    }

    @Test
    void incrementalMaterializedViewWithRandomBuckets() {
        MaterializedView expected = MaterializedView
            .builder("mv_incremental", "SELECT `test_db`.`t`.`k`, `test_db`.`t`.`v` FROM `test_db`.`t`")
            .column("k", null)
            .column("v", null)
            .distributedBy(new RandomDistribution(8))
            .refresh(new RefreshScheme(null, RefreshType.INCREMENTAL, null, null))
            .property("replication_num", "1")
            .property("storage_medium", "SSD")
            .build();
        assertThat(parseFile("33-mv-incremental-random.sql")).containsExactly(expected);
    }

    @Test
    void materializedViewPartitionedByExpression() {
        MaterializedView expected = MaterializedView.builder("mv_hourly", """
                SELECT time_slice(`test_db`.`sensor_readings`.`ts`, INTERVAL 1 hour) AS `hour`, \
                `test_db`.`sensor_readings`.`sensor_id`, avg(`test_db`.`sensor_readings`.`reading`) AS `avg_reading`
                FROM `test_db`.`sensor_readings`
                GROUP BY time_slice(`test_db`.`sensor_readings`.`ts`, INTERVAL 1 hour), \
                `test_db`.`sensor_readings`.`sensor_id`""")
            .column("hour", null)
            .column("sensor_id", null)
            .column("avg_reading", null)
            .partitionBy(new ExpressionPartitionDesc(List.of("date_trunc('day', hour)")))
            .distributedBy(new HashDistribution(List.of("sensor_id"), 4))
            .refresh(new RefreshScheme(null, RefreshType.ASYNC, "2024-06-01 00:00:00", Interval.of(2, IntervalUnit.HOUR)))
            .property("partition_ttl_number", "7")
            .property("auto_refresh_partitions_limit", "2")
            .property("replication_num", "1")
            .property("storage_medium", "HDD")
            .build();
        assertThat(parseFile("34-mv-async-partition-expression.sql")).containsExactly(expected);
    }

    static List<SchemaObject> parseFile(String name) {
        return Ddl.parse(resource("/ddl/show-create/" + name));
    }

    static String resource(String path) {
        try (InputStream in = DdlParserShowCreateTests.class.getResourceAsStream(path)) {
            assertThat(in).as("test resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Map<String, String> properties(String... keysAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

}
