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
        // Display widths (INT(11)) are kept as written, so the text gives back exactly the rendered object.
        assertThat(Ddl.parse(sql)).containsExactly(statement.object());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileObjects")
    void hostileObjectsSurviveRenderAndParse(String name, SchemaObject object) {
        assertThat(Ddl.parse(Ddl.render(object))).containsExactly(object);
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
