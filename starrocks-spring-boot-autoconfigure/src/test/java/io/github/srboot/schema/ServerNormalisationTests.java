package io.github.srboot.schema;

import java.util.List;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normalisation rules that keep the diff from seeing changes in what the server prints the way it does: each
 * pair is a CREATE as a user wrote it and the {@code SHOW CREATE} text a real StarRocks printed for it, cut down from
 * the shared corpus file the test cites ({@code show-create/NNNN.input.sql} and {@code .output.sql}). Each rule is
 * also shown not to hide a real change.
 */
class ServerNormalisationTests {

    @Test
    void tableWithoutCommentIsPrintedWithTheTableTypeAsComment() {
        // show-create/0014 (shared-data cluster): the server prints COMMENT "OLAP" for a table without a comment.
        String written = """
                CREATE TABLE t1 (k1 INT, v1 INT) DUPLICATE KEY(k1) DISTRIBUTED BY HASH(k1)
                PROPERTIES("replication_num" = "1");""";
        String printed = """
                CREATE TABLE `t1` (
                  `k1` int(11) NULL COMMENT "",
                  `v1` int(11) NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`k1`)
                COMMENT "OLAP"
                DISTRIBUTED BY HASH(`k1`)
                PROPERTIES (
                "cloud_native_fast_schema_evolution_v2" = "true",
                "compression" = "LZ4",
                "datacache.enable" = "true",
                "replication_num" = "1",
                "storage_volume" = "builtin_storage_volume"
                );""";
        assertNoDiff(printed, written);
        assertDiff(printed, written.replace("DUPLICATE KEY(k1)", "DUPLICATE KEY(k1) COMMENT \"facts\""),
                "comment 'OLAP' -> 'facts'");
    }

    @Test
    void compressionLevelIsPrintedUpperCaseWithoutSpaces() {
        // show-create/0017 ("zstd (  1  )" -> "ZSTD(1)") and 0018 ("zstd( 3 )" -> "ZSTD(3)").
        String printed = """
                CREATE TABLE `test_normal` (
                  `k` bigint(20) NOT NULL COMMENT "",
                  `v` varchar(65533) NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`k`)
                DISTRIBUTED BY HASH(`k`) BUCKETS 1\s
                PROPERTIES (
                "compression" = "ZSTD(3)",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "1"
                );""";
        String written = """
                CREATE TABLE `test_normal` (
                  `k` BIGINT NOT NULL COMMENT "",
                  `v` string COMMENT ""
                ) ENGINE=OLAP
                DUPLICATE KEY(`k`)
                DISTRIBUTED BY HASH(`k`) BUCKETS 1
                PROPERTIES (
                "replication_num" = "1",
                "compression" = "zstd( 3 )"
                );""";
        assertNoDiff(printed, written);
        assertNoDiff(printed.replace("ZSTD(3)", "ZSTD(1)"), written.replace("zstd( 3 )", "zstd (  1  )"));
        assertDiff(printed, written.replace("zstd( 3 )", "zstd(4)"), "property compression: 'ZSTD(3)' -> 'zstd(4)'");
    }

    @Test
    void dictionaryGetIsPrintedWithItsDefaultArgument() {
        // show-create/0028: dictionary_get("d", k)[1] is printed DICTIONARY_GET('d', k, false)[1].
        String written = """
                CREATE TABLE `t_gen` (
                  `k` BIGINT NOT NULL COMMENT "",
                  `v` BIGINT AS dictionary_get("test_dictionary", k)[1] COMMENT ""
                ) ENGINE=OLAP
                PRIMARY KEY(`k`)
                DISTRIBUTED BY HASH(`k`) BUCKETS 1
                PROPERTIES ("replication_num" = "1");""";
        String printed = """
                CREATE TABLE `t_gen` (
                  `k` bigint(20) NOT NULL COMMENT "",
                  `v` bigint(20) NULL AS DICTIONARY_GET('test_dictionary', k, false)[1] COMMENT ""
                ) ENGINE=OLAP\s
                PRIMARY KEY(`k`)
                DISTRIBUTED BY HASH(`k`) BUCKETS 1\s
                PROPERTIES (
                "compression" = "LZ4",
                "enable_persistent_index" = "true",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "1"
                );""";
        assertNoDiff(printed, written);
        assertThat(SqlNormalizer.same("dictionary_get('d', k, true)", "DICTIONARY_GET('d', k)")).isFalse();
        assertThat(SqlNormalizer.same("dictionary_get('d', a, b)", "DICTIONARY_GET('d', a, b, false)")).isTrue();
    }

    @Test
    void ginIndexGetsItsDefaultPropertiesAndTurnsReplicatedStorageOff() {
        // show-create/0031: imp_lib added to the GIN index, COMMENT '' printed, replicated_storage forced to false.
        String written = """
                CREATE TABLE `t1_dup` (
                    `id1` bigint(20) NOT NULL COMMENT "",
                    `value` varchar(255) NOT NULL COMMENT "",
                    INDEX gin_english (`value`) USING GIN ("parser" = "english")
                )
                DUPLICATE KEY(`id1`)
                DISTRIBUTED BY HASH(`id1`) BUCKETS 1
                PROPERTIES (
                    "replicated_storage" = "true",
                    "replication_num" = "1"
                );""";
        String printed = """
                CREATE TABLE `t1_dup` (
                  `id1` bigint(20) NOT NULL COMMENT "",
                  `value` varchar(255) NOT NULL COMMENT "",
                  INDEX gin_english (`value`) USING GIN("imp_lib" = "clucene", "parser" = "english") COMMENT ''
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`id1`)
                DISTRIBUTED BY HASH(`id1`) BUCKETS 1\s
                PROPERTIES (
                "compression" = "LZ4",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "false",
                "replication_num" = "1"
                );""";
        assertNoDiff(printed, written);
        // show-create/0035: a GIN index without a parser is printed with "parser" = "none".
        assertNoDiff(printed.replace("\"parser\" = \"english\"", "\"parser\" = \"none\""),
                written.replace(" (\"parser\" = \"english\")", ""));
        assertDiff(printed, written.replace("\"english\"", "\"chinese\""), "replace index gin_english");
    }

    @Test
    void persistentIndexIsPrintedForPrimaryKeyTablesOnlyAndStorageFormatNever() {
        // show-create/0035 (enable_persistent_index on a DUPLICATE KEY table) and altered/1019 (storage_format).
        String written = """
                CREATE TABLE `d` (`id1` bigint(20) NOT NULL COMMENT "")
                DUPLICATE KEY(`id1`)
                DISTRIBUTED BY HASH(`id1`) BUCKETS 1
                PROPERTIES ("replication_num" = "1", "enable_persistent_index" = "true", "storage_format" = "DEFAULT");""";
        String printed = """
                CREATE TABLE `d` (
                  `id1` bigint(20) NOT NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`id1`)
                DISTRIBUTED BY HASH(`id1`) BUCKETS 1\s
                PROPERTIES (
                "compression" = "LZ4",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "1"
                );""";
        assertNoDiff(printed, written);
        // On a PRIMARY KEY table the server prints it, so a different value is a change.
        String primaryWritten = written.replace("DUPLICATE KEY", "PRIMARY KEY")
            .replace("\"enable_persistent_index\" = \"true\"", "\"enable_persistent_index\" = \"false\"");
        String primaryPrinted = printed.replace("DUPLICATE KEY", "PRIMARY KEY")
            .replace("\"fast_schema_evolution\"", "\"enable_persistent_index\" = \"true\",\n\"fast_schema_evolution\"");
        assertDiff(primaryPrinted, primaryWritten, "property enable_persistent_index: 'true' -> 'false'");
    }

    @Test
    void rangeOnAnExpressionWithBatchPartitionsMatchesTheListThePrintShows() {
        // show-create/0053: RANGE(from_unixtime_ms(..)) with START/END/EVERY, printed as single-day partitions.
        String written = """
                CREATE TABLE partition_unixtime_ms (create_time bigint, sku_id varchar(100), total_amount decimal, id int)
                PARTITION BY RANGE(from_unixtime_ms(create_time))(
                START ("2021-01-01") END ("2021-01-03") EVERY (INTERVAL 1 DAY)
                )
                PROPERTIES ("replication_num" = "1");""";
        String printed = """
                CREATE TABLE `partition_unixtime_ms` (
                  `create_time` bigint(20) NULL COMMENT "",
                  `sku_id` varchar(100) NULL COMMENT "",
                  `total_amount` decimal(10, 0) NULL COMMENT "",
                  `id` int(11) NULL COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`create_time`, `sku_id`)
                PARTITION BY RANGE(from_unixtime_ms(create_time))
                (PARTITION p20210101 VALUES [("2021-01-01 00:00:00"), ("2021-01-02 00:00:00")),
                PARTITION p20210102 VALUES [("2021-01-02 00:00:00"), ("2021-01-03 00:00:00")))
                DISTRIBUTED BY RANDOM
                PROPERTIES (
                "bucket_size" = "1073741824",
                "compression" = "LZ4",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "1"
                );""";
        assertNoDiff(printed, written);
        assertDiff(printed, written.replace("from_unixtime_ms(create_time)", "from_unixtime(create_time)"),
                "partitioning RANGE(from_unixtime_ms ( create_time )) -> RANGE(from_unixtime ( create_time ))");
        assertDiff(printed, written.replace("END (\"2021-01-03\")", "END (\"2021-01-04\")"),
                "add partition p20210103");
    }

    @Test
    void expressionPartitionsDeclaredAtCreateAreNotPrinted() {
        // show-create/altered/1009.input.sql declares the first partitions; the output prints only the function.
        String written = """
                CREATE TABLE site_access(event_day DATE NOT NULL, pv BIGINT DEFAULT '0')
                DUPLICATE KEY(event_day)
                PARTITION BY date_trunc('day', event_day) (
                    START ("2022-06-01") END ("2022-06-05") EVERY (INTERVAL 1 day)
                )
                DISTRIBUTED BY HASH(event_day) BUCKETS 32
                PROPERTIES("replication_num" = "1");""";
        String printed = """
                CREATE TABLE `site_access` (
                  `event_day` date NOT NULL COMMENT "",
                  `pv` bigint(20) NULL DEFAULT "0" COMMENT ""
                ) ENGINE=OLAP\s
                DUPLICATE KEY(`event_day`)
                PARTITION BY date_trunc('day', `event_day`)
                DISTRIBUTED BY HASH(`event_day`) BUCKETS 32\s
                PROPERTIES (
                "compression" = "LZ4",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "1"
                );""";
        assertNoDiff(printed, written);
    }

    @Test
    void temporaryTablesAreLeftOutOfTheDiff() {
        // show-create/0060: a temporary table, which no database holds; the diff leaves it out on both sides.
        String written = """
                create temporary table if not exists `t0` (`c1` int, `c2` int)
                engine=OLAP primary key(`c1`) distributed by hash(`c1`) buckets 3 properties("replication_num" = "1");""";
        String printed = """
                CREATE TEMPORARY TABLE `t0` (
                  `c1` int(11) NOT NULL COMMENT "",
                  `c2` int(11) NULL COMMENT ""
                ) ENGINE=OLAP\s
                PRIMARY KEY(`c1`)
                DISTRIBUTED BY HASH(`c1`) BUCKETS 3\s
                PROPERTIES (
                "compression" = "LZ4",
                "enable_persistent_index" = "true",
                "fast_schema_evolution" = "true",
                "replicated_storage" = "true",
                "replication_num" = "1"
                );""";
        assertNoDiff(printed, written);
        assertThat(SchemaDiff.compare(List.of(), Ddl.parse(written)).isEmpty()).isTrue();
    }

    @Test
    void refreshStartGivenAsADateIsPrintedAsMidnight() {
        // The server prints START("2024-01-01") back as START("2024-01-01 00:00:00") (STARROCKS.md section 3).
        String written = """
                CREATE MATERIALIZED VIEW mv1 DISTRIBUTED BY HASH(k1)
                REFRESH ASYNC START("2024-01-01") EVERY(INTERVAL 1 DAY)
                AS SELECT k1 FROM t1;""";
        String printed = """
                CREATE MATERIALIZED VIEW `mv1` (`k1`)
                DISTRIBUTED BY HASH(`k1`)
                REFRESH ASYNC START("2024-01-01 00:00:00") EVERY(INTERVAL 1 DAY)
                PROPERTIES (
                "replication_num" = "1",
                "storage_medium" = "HDD"
                )
                AS SELECT k1 FROM t1;""";
        assertNoDiff(printed, written);
        assertDiff(printed, written.replace("2024-01-01", "2024-01-02"), "refresh");
        // The FE falls back to the table type's name for an object without comment, for a materialized view too.
        assertNoDiff(printed.replace("DISTRIBUTED BY", "COMMENT \"MATERIALIZED_VIEW\"\nDISTRIBUTED BY"), written);
    }

    @Test
    void aggregationsOutsideAggregateTablesAreTheModelsOwn() {
        // ddl/tables/0085 and 0148; the prints are SHOW CREATE's format (STARROCKS.md section 3): no REPLACE on a
        // PRIMARY KEY value column, and the AGGREGATE KEY StarRocks makes of a table without key clause.
        assertNoDiff("""
                CREATE TABLE `bf_table` (
                  `k1` bigint(20) NOT NULL COMMENT "",
                  `v1` varchar(2048) NULL COMMENT ""
                ) ENGINE=OLAP\s
                PRIMARY KEY(`k1`)
                DISTRIBUTED BY HASH(`k1`)
                PROPERTIES ("replication_num" = "1");""",
                "CREATE TABLE bf_table (k1 BIGINT, v1 VARCHAR(2048) REPLACE) PRIMARY KEY(k1) DISTRIBUTED BY HASH(k1)");
        String implied = "create table test_uv(dt date, id int, uv_set hll hll_union) distributed by hash(id)";
        String printed = """
                CREATE TABLE `test_uv` (
                  `dt` date NULL COMMENT "",
                  `id` int(11) NULL COMMENT "",
                  `uv_set` hll HLL_UNION NOT NULL COMMENT ""
                ) ENGINE=OLAP\s
                AGGREGATE KEY(`dt`, `id`)
                DISTRIBUTED BY HASH(`id`)
                PROPERTIES ("replication_num" = "3");""";
        assertThat(SchemaDiff.compare(Ddl.parse(printed), Ddl.parse(implied)).changes())
            .allSatisfy((change) -> assertThat(change.kind()).isNotEqualTo(ChangeKind.KEYS));
        assertDiff(printed.replace("AGGREGATE KEY(`dt`, `id`)", "AGGREGATE KEY(`dt`)")
            .replace("`id` int(11) NULL COMMENT \"\"", "`id` int(11) MAX NULL COMMENT \"\""), implied, "keys:");
    }

    private static void assertNoDiff(String printed, String written) {
        MigrationPlan plan = SchemaDiff.compare(Ddl.parse(printed), Ddl.parse(written));
        assertThat(plan.isEmpty()).as("%s", plan).isTrue();
    }

    private static void assertDiff(String printed, String written, String detail) {
        List<SchemaObject> actual = Ddl.parse(printed);
        MigrationPlan plan = SchemaDiff.compare(actual, Ddl.parse(written));
        assertThat(plan.changes()).as("%s", plan)
            .anySatisfy((change) -> assertThat(String.join("\n", change.details())).contains(detail));
    }

}
