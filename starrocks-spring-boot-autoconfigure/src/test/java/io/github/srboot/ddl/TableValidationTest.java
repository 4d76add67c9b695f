package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static io.github.srboot.ddl.ColumnOption.aggregate;
import static io.github.srboot.ddl.ColumnOption.autoIncrement;
import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.generatedAs;
import static io.github.srboot.ddl.ColumnOption.key;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static io.github.srboot.ddl.ColumnOption.nullable;
import static io.github.srboot.ddl.DataType.BIGINT;
import static io.github.srboot.ddl.DataType.DATE;
import static io.github.srboot.ddl.DataType.INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The semantic rules checked when a table (or other object) is built, before any SQL is sent: each is refused with
 * a {@link DdlValidationException} naming the object and the rule.
 */
class TableValidationTest {

    private static Table.Builder twoColumns() {
        return Table.builder("t").column("a", INT, notNull()).column("b", INT);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable build, String objectName,
            String rule) {
        return assertThatThrownBy(build).isInstanceOfSatisfying(DdlValidationException.class, (ex) -> {
            assertThat(ex.objectName()).isEqualTo(objectName);
            assertThat(ex.rule()).contains(rule);
            assertThat(ex.getMessage()).isEqualTo(objectName + ": " + ex.rule()
                    + ((ex.starRocksMessage() != null) ? " (StarRocks: \"" + ex.starRocksMessage() + "\")" : ""));
        });
    }

    /** Refused as {@link #refused} does, and with StarRocks' own words for the same refusal. */
    private static void refusedAsStarRocks(ThrowingCallable build, String objectName, String rule,
            String starRocksMessage) {
        refused(build, objectName, rule).isInstanceOfSatisfying(DdlValidationException.class,
                (ex) -> assertThat(ex.starRocksMessage()).isEqualTo(starRocksMessage));
    }

    @Test
    void keyColumnsMustComeFirst() {
        refused(() -> twoColumns().duplicateKey("b").build(), "table `t`",
                "key columns must be the first columns in key order: DUPLICATE KEY column `b` is not column 1");
    }

    @Test
    void keyColumnsMustKeepTheirOrder() {
        refused(() -> twoColumns().primaryKey("b", "a").build(), "table `t`", "PRIMARY KEY column `b` is not column 1");
    }

    @Test
    void keyColumnsMustBeDeclared() {
        refused(() -> twoColumns().primaryKey("id").build(), "table `t`",
                "PRIMARY KEY names the column `id`, which does not exist");
        refused(() -> twoColumns().uniqueKey("a", "a").build(), "table `t`", "names a column twice");
    }

    @Test
    void outsideAggregateTablesOnlyReplaceIsAccepted() {
        // FE KeysDesc.checkColumnDefs: "... table should not specify aggregate type for non-key column".
        refused(() -> Table.builder("t").column("k", INT).column("v", INT, aggregate(AggregationType.SUM))
            .duplicateKey("k").build(), "table `t`",
                "a DUPLICATE KEY table should not specify an aggregation for the value column `v` (only REPLACE is "
                        + "accepted there, got SUM)");
        refused(() -> Table.builder("t").column("k", INT, notNull()).column("v", INT, aggregate(AggregationType.MAX))
            .primaryKey("k").build(), "table `t`", "a PRIMARY KEY table should not specify an aggregation");
        // REPLACE is accepted on UNIQUE and PRIMARY KEY value columns (corpus ddl/tables/0085, 0310, 0315, 0316).
        assertThatCode(() -> Table.builder("t").column("k", INT, notNull()).column("v", INT,
                aggregate(AggregationType.REPLACE)).primaryKey("k").build()).doesNotThrowAnyException();
        assertThatCode(() -> Table.builder("t").column("k", INT).column("v", BIGINT, aggregate(AggregationType.REPLACE))
            .uniqueKey("k").distributedByHash(1, "k").build()).doesNotThrowAnyException();
    }

    @Test
    void withoutKeyClauseAnAggregationMakesAnAggregateKeyTable() {
        // FE CreateTableAnalyzer: no key clause and a column with an aggregation -> AGGREGATE KEY of the other
        // columns (corpus ddl/tables/0148 `uv_set hll hll_union`, 0281 `v1 int sum`).
        Table table = Table.builder("t").column("dt", DATE).column("id", INT)
            .column("uv", DataType.HLL, aggregate(AggregationType.HLL_UNION)).distributedByHash("id").build();
        assertThat(table.keysType()).isEqualTo(KeysType.AGGREGATE);
        assertThat(table.keyColumns()).containsExactly("dt", "id");
        refused(() -> Table.builder("t").column("v", INT, aggregate(AggregationType.MIN)).build(), "table `t`",
                "would have no key column");
        refused(() -> Table.builder("t").column("v", INT, aggregate(AggregationType.MIN)).column("k", INT).build(),
                "table `t`", "key columns must be the first columns in key order");
    }

    @Test
    void aggregateTablesNeedAggregationOnValuesAndNoneOnKeys() {
        refused(() -> Table.builder("t").column("k", INT).column("v", INT).aggregateKey("k").build(), "table `t`",
                "value column `v` of an AGGREGATE KEY table needs an aggregation type");
        refused(() -> Table.builder("t").column("k", INT, aggregate(AggregationType.SUM)).aggregateKey("k").build(),
                "table `t`", "key column `k` cannot have an aggregation (SUM)");
    }

    @Test
    void sketchAggregationsNeedTheirTypes() {
        refused(() -> Table.builder("t").column("k", INT).column("v", INT, aggregate(AggregationType.HLL_UNION))
            .aggregateKey("k").build(), "table `t`", "column `v` uses HLL_UNION, which needs a HLL column");
        refused(() -> Table.builder("t").column("k", INT).column("v", BIGINT, aggregate(AggregationType.BITMAP_UNION))
            .aggregateKey("k").build(), "table `t`", "needs a BITMAP column");
    }

    @Test
    void randomDistributionOnlyForDuplicateKeyTables() {
        // FE CreateTableAnalyzer in StarRocks main's words: ../shared/corpus/sql/sqltests/CASE_133 steps 2, 4 and 6
        // (`create table t4(k int, v int sum) aggregate key(k) distributed by random buckets 20` is refused too).
        refusedAsStarRocks(() -> twoColumns().primaryKey("a").distributedByRandom().build(), "table `t`",
                "DISTRIBUTED BY RANDOM is only for DUPLICATE KEY tables, not PRIMARY KEY",
                "PRIMARY KEY cannot use random distribution");
        refusedAsStarRocks(() -> twoColumns().uniqueKey("a").distributedByRandom(4).build(), "table `t`",
                "not UNIQUE KEY", "UNIQUE KEY cannot use random distribution");
        for (AggregationType aggregation : List.of(AggregationType.SUM, AggregationType.REPLACE)) {
            refusedAsStarRocks(() -> Table.builder("t").column("k", INT).column("v", INT, aggregate(aggregation))
                .aggregateKey("k").distributedByRandom(20).build(), "table `t`", "not AGGREGATE KEY",
                    "AGGREGATE KEY cannot use random distribution");
        }
        assertThatCode(() -> twoColumns().duplicateKey("a").distributedByRandom().build()).doesNotThrowAnyException();
    }

    @Test
    void aggregateAndUniqueKeyTablesNeedADistribution() {
        // FE CreateTableAnalyzer (../shared/corpus/sql/sqltests/CASE_133 steps 3 and 5); DUPLICATE KEY tables become
        // RANDOM and PRIMARY KEY tables HASH of the keys.
        refusedAsStarRocks(() -> twoColumns().uniqueKey("a").build(), "table `t`",
                "a UNIQUE KEY table needs a DISTRIBUTED BY clause", "Currently not support default distribution in "
                        + "UNIQUE_KEYS");
        refusedAsStarRocks(() -> Table.builder("t").column("k", INT).column("v", INT, aggregate(AggregationType.SUM))
            .aggregateKey("k").build(), "table `t`", "a AGGREGATE KEY table needs a DISTRIBUTED BY clause",
                "Currently not support default distribution in AGG_KEYS");
        refusedAsStarRocks(() -> Table.builder("t").column("k", INT).column("v", INT, aggregate(AggregationType.SUM))
            .build(), "table `t`", "AGGREGATE KEY", "Currently not support default distribution in AGG_KEYS");
        assertThatCode(() -> twoColumns().duplicateKey("a").build()).doesNotThrowAnyException();
        assertThatCode(() -> twoColumns().primaryKey("a").build()).doesNotThrowAnyException();
    }

    @Test
    void autoIncrementMustBeBigintNotNull() {
        refused(() -> Column.of("id", INT, notNull(), autoIncrement()), "column `id`",
                "AUTO_INCREMENT needs a BIGINT NOT NULL column, not INT");
        refused(() -> Column.of("id", BIGINT, nullable(), autoIncrement()), "column `id`",
                "AUTO_INCREMENT needs a BIGINT NOT NULL column, not NULL");
    }

    @Test
    void atMostOneAutoIncrementColumn() {
        refused(() -> Table.builder("t").column("a", BIGINT, notNull(), autoIncrement())
            .column("b", BIGINT, notNull(), autoIncrement()).build(), "table `t`",
                "only one AUTO_INCREMENT column is allowed, found `a` and `b`");
    }

    @Test
    void noDefaultOnAutoIncrement() {
        refused(() -> Column.of("id", BIGINT, notNull(), autoIncrement(), defaultValue("1")), "column `id`",
                "an AUTO_INCREMENT column cannot have a DEFAULT");
    }

    @Test
    void defaultsFollowColumnDefAnalyzer() {
        // FE ColumnDefAnalyzer.validateDefaultValue: a string is never the default of ARRAY/MAP/STRUCT ...
        for (DataType type : List.of(DataType.array(INT), DataType.map(INT, INT), DataType.struct(DataType.field("f", INT)))) {
            refused(() -> Column.of("c", type, defaultValue("x")), "column `c`", "needs expression syntax");
            assertThatCode(() -> Column.of("c", type, defaultValue(DefaultValue.NULL))).doesNotThrowAnyException();
        }
        // ... BITMAP, HLL and VARBINARY take only "" (corpus ddl/tables/0114 `bm BITMAP BITMAP_UNION DEFAULT ""`) ...
        for (DataType type : List.of(DataType.BITMAP, DataType.HLL, DataType.varbinary(10))) {
            refused(() -> Column.of("c", type, defaultValue("x")), "column `c`",
                    "only supports the empty string \"\" as default value");
            assertThatCode(() -> Column.of("c", type, defaultValue(""))).doesNotThrowAnyException();
        }
        // ... JSON takes a JSON text (corpus ddl/tables/0118 `data JSON DEFAULT '{"default": true}'`) ...
        assertThatCode(() -> Column.of("c", DataType.JSON, defaultValue("{\"default\": true}")))
            .doesNotThrowAnyException();
        assertThatCode(() -> Column.of("c", DataType.JSON, defaultValue("[1, -2.5e3, null, \"\\u00e9\"]")))
            .doesNotThrowAnyException();
        refused(() -> Column.of("c", DataType.JSON, defaultValue("{'single': 1}")), "column `c`", "is not valid JSON");
        // Gson's Streams.parse answers JsonNull for an empty document (FE ColumnDefAnalyzer): '' and blanks pass.
        for (String empty : List.of("", "  ", "\n")) {
            assertThatCode(() -> Column.of("c", DataType.JSON, defaultValue(empty))).doesNotThrowAnyException();
        }
        // ... PERCENTILE none, and a NOT NULL column never DEFAULT NULL.
        refused(() -> Column.of("c", DataType.PERCENTILE, defaultValue("x")), "column `c`", "PERCENTILE");
        refused(() -> Column.of("c", INT, notNull(), defaultValue(DefaultValue.NULL)), "column `c`",
                "a NOT NULL column cannot have DEFAULT NULL");
    }

    @Test
    void complexConstantDefaultsOnlyOnComplexColumns() {
        // Corpus ddl/tables/0105, 0107: DEFAULT ['a', 'b'], DEFAULT map{'k': 1}, DEFAULT row(1, 'x').
        assertThatCode(() -> Column.of("c", DataType.array(INT), defaultValue(DefaultValue.complex("[10, 20]"))))
            .doesNotThrowAnyException();
        assertThatCode(() -> Column.of("c", DataType.map(DataType.varchar(20), INT),
                defaultValue(DefaultValue.complex("map{'x': 100}")))).doesNotThrowAnyException();
        refused(() -> Column.of("c", INT, defaultValue(DefaultValue.complex("[1]"))), "column `c`",
                "cannot be cast to INT");
        refused(() -> Column.of("c", DataType.array(INT), defaultValue(DefaultValue.complex("[1, NULL]"))),
                "column `c`", "NULL is not supported inside a complex type default value");
        refused(() -> DefaultValue.complex("uuid()"), "DEFAULT constant", "expected [..], map{..} or row(..)");
    }

    @Test
    void aggregateStateColumnsBelongToAggregateTablesWithoutDefault() {
        // Corpus ddl/tables/0016: `k6 sum(tinyint)` in an AGGREGATE KEY table.
        DataType sumOfInt = new AggregateStateType("sum", List.of(INT));
        assertThatCode(() -> Table.builder("t").column("k", INT).column("s", sumOfInt).aggregateKey("k")
            .distributedByHash("k").build()).doesNotThrowAnyException();
        refused(() -> Table.builder("t").column("k", INT).column("s", sumOfInt).duplicateKey("k").build(), "table `t`",
                "should not specify an aggregation for the value column `s` (only REPLACE is accepted there, got "
                        + "sum(INT))");
        refused(() -> Column.of("s", sumOfInt, defaultValue("0")), "column `s`",
                "an aggregate state column cannot have a DEFAULT");
        refused(() -> DataType.array(sumOfInt), "type ARRAY", "an aggregate state type is a column type only");
    }

    @Test
    void currentTimestampOnlyOnDatetime() {
        refused(() -> Column.of("d", DATE, defaultValue(DefaultValue.CURRENT_TIMESTAMP)), "column `d`",
                "DEFAULT CURRENT_TIMESTAMP needs a DATETIME column, not DATE");
    }

    @Test
    void generatedColumnsComeLast() {
        refused(() -> Table.builder("t").column("a", INT).column("g", INT, generatedAs("a + 1")).column("b", INT)
            .build(), "table `t`",
                "generated columns must come after all ordinary columns, but column `b` follows one");
    }

    @Test
    void generatedColumnsAreNullable() {
        refused(() -> Column.of("g", INT, notNull(), generatedAs("a + 1")), "column `g`",
                "a generated column must be nullable, not NOT NULL");
    }

    @Test
    void generatedColumnsAreNotKeys() {
        refused(() -> Table.builder("t").column("g", INT, generatedAs("1")).column("b", INT).duplicateKey("g")
            .build(), "table `t`", "generated column `g` cannot be a key column");
        refused(() -> Table.builder("t").column("a", INT).column("g", INT, generatedAs("a")).duplicateKey("a", "g")
            .build(), "table `t`", "generated column `g` cannot be a key column");
        refused(() -> Column.of("g", INT, key(), generatedAs("1")), "column `g`",
                "a generated column cannot be a key column");
    }

    @Test
    void generatedColumnsNotInAggregateTables() {
        refused(() -> Table.builder("t").column("k", INT).column("g", INT, generatedAs("k * 2")).aggregateKey("k")
            .distributedByHash("k").build(), "table `t`", "generated column `g` is not allowed in an AGGREGATE KEY table");
    }

    @Test
    void generatedColumnsHaveNoDefault() {
        refused(() -> Column.of("g", INT, defaultValue("1"), generatedAs("1")), "column `g`",
                "a generated column cannot have a DEFAULT");
    }

    @Test
    void sortKeyOfAggregateAndUniqueTablesContainsEveryKeyColumn() {
        refused(() -> Table.builder("t").column("k1", INT).column("k2", INT)
            .column("v", INT, aggregate(AggregationType.SUM)).aggregateKey("k1", "k2").distributedByHash("k1")
            .orderBy("k2").build(),
                "table `t`", "the ORDER BY sort key of a AGGREGATE KEY table must contain every key column, but misses `k1`");
        refused(() -> twoColumns().uniqueKey("a").distributedByHash("a").orderBy("b").build(), "table `t`",
                "sort key of a UNIQUE KEY table must contain every key column, but misses `a`");
        assertThatCode(() -> twoColumns().primaryKey("a").orderBy("b").build()).doesNotThrowAnyException();
    }

    @Test
    void sortKeyColumnsMustExist() {
        refused(() -> twoColumns().orderBy("c").build(), "table `t`", "ORDER BY names the column `c`, which does not exist");
    }

    @Test
    void distributionColumnsMustExist() {
        refused(() -> twoColumns().distributedByHash(4, "a", "zz").build(), "table `t`",
                "DISTRIBUTED BY HASH names the column `zz`, which does not exist");
    }

    @Test
    void partitionColumnsMustExist() {
        refused(() -> twoColumns().partitionBy(RangePartitionDesc.of("dt")).build(), "table `t`",
                "PARTITION BY names the column `dt`, which does not exist");
        refused(() -> twoColumns().partitionBy(ListPartitionDesc.of("city", ListPartition.of("p", "x"))).build(),
                "table `t`", "names the column `city`");
        refused(() -> twoColumns().partitionBy(ExpressionPartitionDesc.columns("a", "c")).build(), "table `t`",
                "names the column `c`");
        refused(() -> twoColumns().partitionBy(new ExpressionPartitionDesc(List.of("zz"))).build(), "table `t`",
                "names the column `zz`");
    }

    @Test
    void indexColumnsMustExistAndIndexNamesBeUnique() {
        refused(() -> twoColumns().index(IndexDef.bitmap("i", "zz")).build(), "table `t`",
                "index `i` names the column `zz`, which does not exist");
        refused(() -> twoColumns().index(IndexDef.bitmap("i", "a")).index(IndexDef.bitmap("I", "b")).build(),
                "table `t`", "two indexes have the same name");
    }

    @Test
    void columnAndPartitionNamesAreUnique() {
        refused(() -> Table.builder("t").column("a", INT).column("A", INT).build(), "table `t`",
                "column `A` is declared twice");
        refused(() -> twoColumns().partitionBy(RangePartitionDesc.of("a", RangePartition.lessThan("p", "1"),
                RangePartition.lessThan("p", "2"))).build(), "table `t`", "partition `p` is declared twice");
    }

    @Test
    void primaryKeyColumnsCannotBeNull() {
        refused(() -> Table.builder("t").column("id", INT, nullable()).primaryKey("id").build(), "table `t`",
                "PRIMARY KEY column `id` cannot be NULL");
    }

    @Test
    void namesMustNotBeEmpty() {
        refused(() -> Table.builder("").column("a", INT).build(), "table ``", "the name must not be empty");
        refused(() -> Table.builder(null).column("a", INT).build(), "table <null>", "the name must not be empty");
        refused(() -> Column.of(" ", INT), "column ` `", "the name must not be empty");
        refused(() -> IndexDef.bitmap("", "a"), "index ``", "the name must not be empty");
        refused(() -> RangePartition.lessThan("", "1"), "partition ``", "the name must not be empty");
        refused(() -> View.of("", "SELECT 1"), "view ``", "the name must not be empty");
        refused(() -> MaterializedView.builder(" ", "SELECT 1").build(), "materialized view ` `",
                "the name must not be empty");
        refused(() -> twoColumns().duplicateKey("").build(), "DUPLICATE KEY column ``", "the name must not be empty");
        refused(() -> twoColumns().property("", "x").build(), "table `t`", "needs a non-empty key");
        refused(() -> new CreateDatabase("", false), "database ``", "the name must not be empty");
    }

    @Test
    void aTableNeedsColumns() {
        refused(() -> Table.builder("t").build(), "table `t`", "needs at least one column");
    }

    @Test
    void partitionValuesMatchThePartitionColumns() {
        refused(() -> new RangePartitionDesc(List.of("a"),
                List.of(new RangePartition.Fixed("p", List.of("1", "2"), List.of("3", "4")))), "partition `p`",
                "has 2 values in a bound for 1 partition column(s)");
        refused(() -> new RangePartition.Fixed("p", List.of(), List.of("3", "4")), "partition `p`",
                "the lower bound needs at least one value");
        refused(() -> new ListPartitionDesc(List.of("a", "b"), List.of(ListPartition.of("p", "x"))), "partition `p`",
                "has values of 1 column(s) for 2 partition column(s)");
        refused(() -> new ListPartition("p", List.of(List.of("a"), List.of("b", "c"))), "partition `p`",
                "every value tuple needs the same, non-zero size");
        refused(() -> new RangePartitionDesc(List.of("a", "b"), List.of(RangePartition.batch("1", "9", Interval.step(1)))),
                "partition batch START 1", "START/END/EVERY needs exactly one partition column, got 2");
    }

    @Test
    void statementRules() {
        refused(() -> new CreateObject(null, twoColumns().build(), false, true), "CREATE OR REPLACE `t`",
                "OR REPLACE is only allowed for views");
        refused(() -> new DropObject(ObjectKind.VIEW, ObjectName.of("v"), false, true), "DROP VIEW `v`",
                "FORCE is only allowed for tables");
        refused(() -> new AlterTable(ObjectName.of("t"), List.of()), "ALTER TABLE `t`", "needs at least one clause");
        refused(() -> new AlterClause.SetProperties(Map.of()), "SET", "needs at least one property");
        refused(() -> new AlterClause.AddPartition(RangePartition.batch("1", "2", Interval.step(1)), true),
                "ADD PARTITIONS", "IF NOT EXISTS is not allowed for a batch");
    }

    @Test
    void refreshSchemeRules() {
        refused(() -> new RefreshScheme(null, RefreshType.ASYNC, "2024-01-01 00:00:00", null),
                "REFRESH ASYNC START(2024-01-01 00:00:00)", "START needs EVERY");
        refused(() -> new RefreshScheme(null, RefreshType.MANUAL, null, Interval.of(1, IntervalUnit.DAY)),
                "REFRESH MANUAL", "START and EVERY are only allowed with ASYNC");
        refused(() -> RefreshScheme.asyncEvery(Interval.step(5)), "REFRESH ASYNC EVERY(5)", "EVERY needs a time unit");
        refused(() -> Interval.of(0, IntervalUnit.DAY), "INTERVAL", "the amount must be positive, got 0");
    }

    @Test
    void bucketsArePositive() {
        refused(() -> new HashDistribution(List.of("a"), 0), "DISTRIBUTED BY HASH", "BUCKETS must be positive, got 0");
        refused(() -> new RandomDistribution(-1), "DISTRIBUTED BY RANDOM", "BUCKETS must be positive, got -1");
    }

}
