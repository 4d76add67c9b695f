package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.key;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static io.github.srboot.ddl.ColumnOption.nullable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parse(render(x)) == List.of(x)} for model features that the text corpus does not spell, built in Java.
 */
class DdlParserFeatureRoundTripTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void survivesRenderAndParse(String feature, SchemaObject object) {
        String rendered = Ddl.render(object);
        assertThat(Ddl.parse(rendered)).as(rendered).containsExactly(object);
        assertThat(Ddl.parse(rendered + ";\n")).as("with a trailing semicolon").containsExactly(object);
    }

    static Stream<Arguments> features() {
        return Stream.of(
                feature("types without arguments", table().column("c", ScalarType.of(ScalarKind.CHAR))
                    .column("v", ScalarType.of(ScalarKind.VARCHAR))
                    .column("b", ScalarType.of(ScalarKind.BINARY))
                    .column("vb", DataType.VARBINARY)
                    .column("d", ScalarType.of(ScalarKind.DECIMAL))
                    .build()),
                feature("binary and decimal with precision only",
                        table().column("b", DataType.binary(16))
                            .column("d", ScalarType.of(ScalarKind.DECIMAL, 12))
                            .column("d32", ScalarType.of(ScalarKind.DECIMAL32, 9, 9))
                            .build()),
                feature("STRING keeps its spelling", table().column("s", DataType.STRING).build()),
                feature("deeply nested types",
                        table().column("n", DataType.map(DataType.varchar(10), DataType.array(DataType.struct(
                                DataType.field("a b", DataType.map(DataType.INT, DataType.array(DataType.JSON))),
                                DataType.field("`x`", DataType.decimal(38, 0))))))
                            .build()),
                feature("column KEY marker and DEFAULT NULL",
                        Table.builder("t")
                            .column("k", DataType.INT, key(), notNull())
                            .column("v", DataType.varchar(10), nullable(), defaultValue(DefaultValue.NULL))
                            .duplicateKey("k")
                            .build()),
                feature("empty comments are no comments",
                        table().column("c", DataType.INT, comment("")).comment("").build()),
                feature("list partitions of one value each",
                        table().partitionBy(ListPartitionDesc.of("a", ListPartition.of("p1", "x"),
                                ListPartition.of("p2", "y")))
                            .build()),
                feature("range partition batches with integer step and time units",
                        table().partitionBy(new RangePartitionDesc(List.of("a"),
                                List.of(RangePartition.batch("0", "100", Interval.step(10)),
                                        RangePartition.batch("2024-01-01", "2024-02-01",
                                                Interval.of(1, IntervalUnit.DAY)))))
                            .build()),
                feature("index with properties and comment",
                        table().column("s", DataType.STRING)
                            .index(new IndexDef("i", List.of("s"), IndexType.GIN, Map.of("parser", "english"),
                                "text; index"))
                            .build()),
                feature("view with everything",
                        new View("v", List.of(new ViewColumn("a", "first"), ViewColumn.of("b")), "a view",
                                ViewSecurity.INVOKER, "SELECT a, b FROM t")),
                feature("view with leading and trailing block comments in the query",
                        View.of("v", "/* why */ SELECT 1 /* done */")),
                feature("materialized view with every clause",
                        MaterializedView.builder("mv", "SELECT a, count(*) AS c FROM t GROUP BY a")
                            .column("a", null)
                            .column("c", "count")
                            .comment("mv")
                            .partitionBy(ExpressionPartitionDesc.columns("a"))
                            .distributedBy(new HashDistribution(List.of("a"), 3))
                            .orderBy("a")
                            .refresh(new RefreshScheme(RefreshMoment.DEFERRED, RefreshType.ASYNC, "2024-01-01 00:00:00",
                                    Interval.of(5, IntervalUnit.MINUTE)))
                            .property("replication_num", "1")
                            .build()),
                feature("materialized view refreshed immediately by a schedule",
                        MaterializedView.builder("mv", "SELECT 1")
                            .refresh(new RefreshScheme(RefreshMoment.IMMEDIATE, RefreshType.ASYNC, null,
                                    Interval.of(1, IntervalUnit.HOUR)))
                            .build()));
    }

    private static Table.Builder table() {
        return Table.builder("t").column("a", DataType.INT);
    }

    private static Arguments feature(String name, SchemaObject object) {
        return Arguments.of(name, object);
    }

}
