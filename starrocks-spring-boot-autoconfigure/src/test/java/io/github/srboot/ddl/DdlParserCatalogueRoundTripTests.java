package io.github.srboot.ddl;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses the printer's golden catalogue ({@link DdlExamples}) and the hostile objects ({@link HostileInput}) back:
 * every unqualified {@code CREATE} example's expected text gives exactly the object it was rendered from.
 */
class DdlParserCatalogueRoundTripTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("createExamples")
    void goldenCreateTextParsesToItsObject(String name, CreateObject statement, String sql) {
        assertThat(Ddl.parse(sql)).containsExactly(withoutDisplayWidths(statement.object()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileObjects")
    void hostileObjectsSurviveRenderAndParse(String name, SchemaObject object) {
        assertThat(Ddl.parse(Ddl.render(object))).containsExactly(object);
    }

    /** The parser reads {@code INT(11)} as {@code INT} on purpose (display widths mean nothing to StarRocks). */
    static SchemaObject withoutDisplayWidths(SchemaObject object) {
        if (!(object instanceof Table table)) {
            return object;
        }
        Table.Builder copy = Table.builder(table.name())
            .engine(table.engine())
            .keys(table.keys())
            .comment(table.comment())
            .partitionBy(table.partition())
            .distributedBy(table.distribution())
            .orderBy(table.orderBy().toArray(String[]::new))
            .properties(table.properties());
        table.columns().forEach((column) -> copy.column(new Column(column.name(), withoutDisplayWidth(column.type()),
                column.key(), column.aggregation(), column.nullable(), column.defaultValue(), column.autoIncrement(),
                column.generatedAs(), column.comment())));
        table.indexes().forEach(copy::index);
        return copy.build();
    }

    private static DataType withoutDisplayWidth(DataType type) {
        if (type instanceof ScalarType scalar) {
            boolean integer = scalar.kind() == ScalarKind.TINYINT || scalar.kind() == ScalarKind.SMALLINT
                    || scalar.kind() == ScalarKind.INT || scalar.kind() == ScalarKind.BIGINT
                    || scalar.kind() == ScalarKind.LARGEINT;
            return integer ? ScalarType.of(scalar.kind()) : scalar;
        }
        if (type instanceof ArrayType array) {
            return DataType.array(withoutDisplayWidth(array.element()));
        }
        if (type instanceof MapType map) {
            return DataType.map(withoutDisplayWidth(map.key()), withoutDisplayWidth(map.value()));
        }
        return new StructType(((StructType) type).fields()
            .stream()
            .map((field) -> new StructField(field.name(), withoutDisplayWidth(field.type())))
            .toList());
    }

    static Stream<Arguments> createExamples() {
        return DdlExamples.all()
            .stream()
            .filter((example) -> example.statement() instanceof CreateObject create && create.database() == null)
            .map((example) -> Arguments.of(example.name(), example.statement(), example.sql()));
    }

    static Stream<Arguments> hostileObjects() {
        return Stream.of(Arguments.of("table", HostileInput.table()), Arguments.of("view", HostileInput.view()),
                Arguments.of("materialized view", HostileInput.materializedView()));
    }

}
