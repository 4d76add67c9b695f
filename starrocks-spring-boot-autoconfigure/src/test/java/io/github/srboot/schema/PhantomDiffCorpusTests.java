package io.github.srboot.schema;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acid test: for each pair of the corpus (the DDL a user writes, and what SHOW CREATE prints for the table it
 * created), comparing the server's print with the user's DDL gives an empty plan.
 */
class PhantomDiffCorpusTests {

    static Stream<Path> pairs() throws IOException, URISyntaxException {
        Path root = Path.of(PhantomDiffCorpusTests.class.getResource("/schema/phantom-diff").toURI());
        try (Stream<Path> directories = Files.list(root)) {
            return directories.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastTwentyPairs() throws Exception {
        List<Path> pairs = pairs().toList();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(20);
        for (Path pair : pairs) {
            assertThat(pair.resolve("desired.sql")).exists();
            assertThat(pair.resolve("show-create.sql")).exists();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void showCreateOutputEqualsUserDdl(Path pair) throws IOException {
        List<SchemaObject> desired = Ddl.parse(Files.readString(pair.resolve("desired.sql"), StandardCharsets.UTF_8));
        List<SchemaObject> actual = Ddl.parse(Files.readString(pair.resolve("show-create.sql"), StandardCharsets.UTF_8));
        assertThat(desired).hasSize(1);
        assertThat(actual).hasSize(1);

        MigrationPlan plan = SchemaDiff.compare(actual, desired);

        assertThat(plan.isEmpty()).as("%s", plan).isTrue();
    }

    /**
     * Guards the acid test against passing vacuously: the same pair with one real difference is not empty.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aRealDifferenceInThePairIsSeen(Path pair) throws IOException {
        SchemaObject desired = Ddl.parse(Files.readString(pair.resolve("desired.sql"), StandardCharsets.UTF_8)).get(0);
        List<SchemaObject> actual = Ddl.parse(Files.readString(pair.resolve("show-create.sql"), StandardCharsets.UTF_8));
        SchemaObject changed;
        ChangeKind expected;
        if (desired instanceof Table table) {
            changed = table.toBuilder().comment("changed by the test").build();
            expected = ChangeKind.TABLE_COMMENT;
        }
        else if (desired instanceof View view) {
            changed = new View(view.name(), view.columns(), view.comment(), view.security(), view.query() + " LIMIT 1");
            expected = ChangeKind.VIEW_DEFINITION;
        }
        else {
            MaterializedView view = (MaterializedView) desired;
            changed = new MaterializedView(view.name(), view.columns(), view.comment(), view.partition(),
                    view.distribution(), view.orderBy(), view.refresh(), view.properties(), view.query() + " LIMIT 1");
            expected = ChangeKind.MATERIALIZED_VIEW_RECREATE;
        }

        MigrationPlan plan = SchemaDiff.compare(actual, List.of(changed), true);

        assertThat(plan.changes()).extracting(SchemaChange::kind).containsExactly(expected);
    }

}
