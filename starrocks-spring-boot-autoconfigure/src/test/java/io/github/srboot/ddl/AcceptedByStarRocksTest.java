package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;

import io.github.srboot.support.StarRocksGrammar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Statements StarRocks accepts that the model used to refuse: each is read into the model, written back by the
 * printer and read again to the same object. The sources are StarRocks' grammar
 * ({@code fe/fe-grammar/src/main/antlr/com/starrocks/grammar/StarRocks.g4}) and the statements its SQL tester ran
 * ({@code ../shared/corpus/sql/sqltests}).
 */
class AcceptedByStarRocksTest {

    private static <T extends SchemaObject> T roundTrip(String sql, Class<T> type) {
        List<SchemaObject> objects = Ddl.parse(sql);
        assertThat(objects).hasSize(1).first().isInstanceOf(type);
        String rendered = Ddl.render(objects.get(0));
        assertThat(Ddl.parse(rendered)).as(rendered).isEqualTo(objects);
        return type.cast(objects.get(0));
    }

    @Test
    void rollupsDeclaredWithTheirTable() {
        // sql/sqltests/CASE_002 step 27 (and CASE_004 step 31, CASE_102 step 9) ran this shape; StarRocks.g4:
        // createTableStatement .. orderByDesc? rollupDesc? properties?, rollupItem: name (cols) (DUPLICATE KEY ..)?
        // (ORDER BY ..)? (FROM r)? properties?.
        Table table = roundTrip("""
                CREATE TABLE t_rollup (
                    k1 VARCHAR(10) NOT NULL,
                    k2 INT NOT NULL,
                    v1 INT
                ) ENGINE=OLAP
                DUPLICATE KEY(k1, k2)
                DISTRIBUTED BY HASH(k1) BUCKETS 1
                ROLLUP (
                    r1(k2, k1),
                    r2(k2, v1) DUPLICATE KEY(k2) FROM r1 PROPERTIES ("replication_num" = "1")
                )
                PROPERTIES ("replication_num" = "1")""", Table.class);
        assertThat(table.rollups()).containsExactly(Rollup.of("r1", "k2", "k1"),
                new Rollup("r2", List.of("k2", "v1"), List.of("k2"), List.of(), "r1", Map.of("replication_num", "1")));
        assertThat(Ddl.render(table)).contains("ROLLUP (\n  `r1` (`k2`, `k1`),\n  `r2` (`k2`, `v1`) DUPLICATE KEY (`k2`) "
                + "FROM `r1` PROPERTIES (\"replication_num\" = \"1\")\n)\nPROPERTIES");
        // The independent ~3.2 grammar knows ROLLUP in CREATE TABLE too.
        assertThat(StarRocksGrammar.parseSingle(Ddl.render(table))).isNotNull();
        assertThatExceptionOfType(DdlValidationException.class).isThrownBy(() -> Ddl.parse(
                "CREATE TABLE t (k INT, v INT) ROLLUP (r (k, w))")).withMessageContaining("`w`, which does not exist");
    }

    @Test
    void aLastRangeUpToMaxValueAfterAGap() {
        // StarRocks.g4: partitionKeyDesc '[' partitionValueList ',' partitionValueList ')', partitionValue: MAXVALUE
        // | string; SHOW CREATE prints a LESS THAN MAXVALUE partition so, and a range after a gap cannot be one.
        Table table = roundTrip("""
                CREATE TABLE t (k INT, v INT)
                PARTITION BY RANGE(k) (
                    PARTITION p1 VALUES [("1"), ("10")),
                    PARTITION p2 VALUES [("20"), (MAXVALUE))
                )""", Table.class);
        RangePartition last = ((RangePartitionDesc) table.partition()).partitions().get(1);
        assertThat(last).isEqualTo(new RangePartition.Fixed("p2", List.of("20"), List.of()));
        assertThat(((RangePartition.Fixed) last).isUpToMaxValue()).isTrue();
        assertThat(Ddl.render(table)).contains("PARTITION `p2` VALUES [(\"20\"), (MAXVALUE))");
        // Without a gap it is the LESS THAN MAXVALUE partition it always was.
        Table noGap = roundTrip("CREATE TABLE t (k INT) PARTITION BY RANGE(k) (PARTITION p1 VALUES [(\"1\"), (\"10\")), "
                + "PARTITION p2 VALUES [(\"10\"), (MAXVALUE)))", Table.class);
        assertThat(((RangePartitionDesc) noGap.partition()).partitions().get(1))
            .isEqualTo(RangePartition.maxValue("p2"));
    }

    @Test
    void rangeBoundsWithFewerValuesThanPartitionColumns() {
        // StarRocks.g4 partitionValueList takes one or more values whatever the number of partition columns; the FE
        // fills the missing ones with the columns' minimum.
        Table table = roundTrip("""
                CREATE TABLE t (k1 INT, k2 INT, v INT)
                PARTITION BY RANGE(k1, k2) (
                    PARTITION p1 VALUES [("1"), ("10", "5")),
                    PARTITION p2 VALUES [("10", "5"), ("20"))
                )""", Table.class);
        assertThat(((RangePartitionDesc) table.partition()).partitions()).containsExactly(
                new RangePartition.Fixed("p1", List.of("1"), List.of("10", "5")),
                new RangePartition.Fixed("p2", List.of("10", "5"), List.of("20")));
        assertThatExceptionOfType(DdlValidationException.class).isThrownBy(() -> Ddl.parse(
                "CREATE TABLE t (k1 INT, v INT) PARTITION BY RANGE(k1) (PARTITION p1 VALUES [(\"1\", \"2\"), (\"3\")))"))
            .withMessageContaining("has 2 values in a bound for 1 partition column(s)");
    }

    @Test
    void aggregateStateArgumentsWithNullability() {
        // StarRocks.g4: aggStateDesc takes typeWithNullable arguments, `type (NULL | NOT NULL)?`.
        Table table = roundTrip("CREATE TABLE t (k INT, s min_by(INT NOT NULL, DATETIME NULL), c count(BIGINT)) "
                + "AGGREGATE KEY(k) DISTRIBUTED BY HASH(k)", Table.class);
        assertThat(table.column("s").type()).isEqualTo(new AggregateStateType("min_by",
                List.of(DataType.INT, DataType.DATETIME), List.of(Boolean.FALSE, Boolean.TRUE)));
        assertThat(table.column("c").type()).isEqualTo(new AggregateStateType("count", List.of(DataType.BIGINT)));
        assertThat(Ddl.render(table)).contains("`s` min_by(INT NOT NULL, DATETIME NULL)", "`c` count(BIGINT)");
    }

    @Test
    void jsonDefaultOfTheEmptyString() {
        // FE ColumnDefAnalyzer validates a JSON default with Gson's Streams.parse, which answers JsonNull for a
        // document without a token.
        Table table = roundTrip("CREATE TABLE t (id INT, doc JSON DEFAULT '')", Table.class);
        assertThat(table.column("doc").defaultValue()).isEqualTo(DefaultValue.literal(""));
    }

    @Test
    void refreshScheduleReadsAsAScheduledAsyncRefresh() {
        // StarRocks.g4 after 4.1, refreshSchemeDesc: REFRESH (IMMEDIATE | DEFERRED)? (ASYNC | (ASYNC | SCHEDULE)
        // (START '(' string ')')? EVERY '(' interval ')' | MANUAL); SHOW CREATE MATERIALIZED VIEW on main prints
        // SCHEDULE for a scheduled refresh.
        MaterializedView view = roundTrip("""
                CREATE MATERIALIZED VIEW `mv1`
                DISTRIBUTED BY HASH(`k`) BUCKETS 2
                REFRESH DEFERRED SCHEDULE START("2026-04-01 10:00:00") EVERY(INTERVAL 1 HOUR)
                AS SELECT k, count(*) AS c FROM t GROUP BY k""", MaterializedView.class);
        RefreshScheme scheme = new RefreshScheme(RefreshMoment.DEFERRED, RefreshType.ASYNC, "2026-04-01 10:00:00",
                Interval.of(1, IntervalUnit.HOUR));
        assertThat(view.refresh()).isEqualTo(scheme);
        // The same scheme as the ASYNC spelling, which the printer writes because every server reads it.
        assertThat(Ddl.parse("CREATE MATERIALIZED VIEW mv1 DISTRIBUTED BY HASH(k) BUCKETS 2 REFRESH DEFERRED ASYNC "
                + "START('2026-04-01 10:00:00') EVERY(INTERVAL 1 HOUR) AS SELECT k, count(*) AS c FROM t GROUP BY k"))
            .containsExactly(view);
        assertThat(Ddl.render(view)).contains("REFRESH DEFERRED ASYNC START(\"2026-04-01 10:00:00\") "
                + "EVERY(INTERVAL 1 HOUR)");
        assertThat(((MaterializedView) Ddl.parse("CREATE MATERIALIZED VIEW m REFRESH SCHEDULE EVERY(INTERVAL 5 MINUTE) "
                + "AS SELECT 1").get(0)).refresh()).isEqualTo(RefreshScheme.asyncEvery(Interval.of(5, IntervalUnit.MINUTE)));
        // SCHEDULE always has its EVERY.
        assertThatExceptionOfType(DdlSyntaxException.class)
            .isThrownBy(() -> Ddl.parse("CREATE MATERIALIZED VIEW m REFRESH SCHEDULE AS SELECT 1"))
            .withMessageContaining("REFRESH SCHEDULE needs its period");
        // The independent grammar (superior-starrocks-parser, ~StarRocks 3.2) predates SCHEDULE and rejects it;
        // the printer never writes it.
        assertThatExceptionOfType(StarRocksGrammar.GrammarException.class).isThrownBy(() -> StarRocksGrammar.parse(
                "CREATE MATERIALIZED VIEW m REFRESH SCHEDULE EVERY(INTERVAL 5 MINUTE) AS SELECT 1"));
        assertThat(StarRocksGrammar.parseSingle(Ddl.render(view))).isNotNull();
    }

    @Test
    void refreshIncrementalIsReadButNeverWritten() {
        // StarRocks.g4 after 4.1 has no INCREMENTAL in refreshSchemeDesc, so a statement carrying it would be
        // refused; older servers printed it (test resource ddl/show-create/33-mv-incremental-random.sql), so it is
        // read, and the printer refuses it for CREATE and for ALTER MATERIALIZED VIEW .. REFRESH alike.
        MaterializedView view = (MaterializedView) Ddl.parse(
                "CREATE MATERIALIZED VIEW m REFRESH INCREMENTAL AS SELECT 1").get(0);
        assertThat(view.refresh().type()).isEqualTo(RefreshType.INCREMENTAL);
        assertThatExceptionOfType(DdlValidationException.class).isThrownBy(() -> Ddl.render(view))
            .satisfies((ex) -> assertThat(ex.objectName()).isEqualTo("REFRESH INCREMENTAL"))
            .withMessageContaining("never written");
        AlterMaterializedView alter = new AlterMaterializedView(ObjectName.of("m"),
                new MaterializedViewAction.Refresh(new RefreshScheme(null, RefreshType.INCREMENTAL, null, null)));
        assertThatExceptionOfType(DdlValidationException.class).isThrownBy(() -> Ddl.render(alter))
            .withMessageContaining("REFRESH INCREMENTAL");
    }

}
