package io.github.srboot.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import io.github.srboot.support.StarRocksGrammar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests: every example of {@link DdlExamples} renders to exactly its expected text.
 */
class DdlRenderingTest {

    static List<DdlExamples.Example> examples() {
        return DdlExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void rendersExactly(DdlExamples.Example example) {
        assertThat(Ddl.render(example.statement())).isEqualTo(example.sql());
    }

    static List<DdlExamples.Example> plainCreates() {
        return DdlExamples.all()
            .stream()
            .filter((example) -> example.statement() instanceof CreateObject create && create.database() == null
                    && !create.ifNotExists() && !create.orReplace())
            .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainCreates")
    void plainCreateRendersTheSameThroughTheSchemaObjectEntryPoint(DdlExamples.Example example) {
        assertThat(Ddl.render(((CreateObject) example.statement()).object())).isEqualTo(example.sql());
    }

    @Test
    void scriptEndsEveryStatementAndSeparatesThemWithABlankLine() {
        String script = Ddl.renderScript(List.of(new CreateDatabase("d", true),
                CreateObject.of(View.of("v", "SELECT 1 -- note")),
                new DropObject(ObjectKind.TABLE, ObjectName.of("d", "t"), true, false)));
        assertThat(script).isEqualTo("""
                CREATE DATABASE IF NOT EXISTS `d`;

                CREATE VIEW `v`
                AS SELECT 1 -- note
                ;

                DROP TABLE IF EXISTS `d`.`t`;
                """);
        assertThat(StarRocksGrammar.parse(script).singleStatement()).hasSize(3);
        assertThat(Ddl.renderScript(List.of())).isEmpty();
    }

}
