package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.melin.superior.parser.starrocks.antlr4.StarRocksParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import io.github.srboot.support.StarRocksGrammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every statement the printer produces in the tests is parsed by the independent StarRocks grammar
 * (superior-starrocks-parser 4.0.16, whose grammar follows StarRocks ~3.2). The constructs it rejects are listed in
 * {@link #KNOWN_REJECTIONS} with the reason; an example rejected but not listed, or listed but accepted, fails.
 */
class StarRocksGrammarTest {

    /**
     * Why the ~3.2 grammar rejects a construct, and the token it stops at (asserted, so the reason stays true).
     *
     * @param token the offending token the grammar reports
     * @param reason why the grammar cannot parse it
     */
    record Rejection(String token, String reason) {
    }

    /** The examples the ~3.2 grammar cannot parse, by example name. */
    static final Map<String, Rejection> KNOWN_REJECTIONS = Map.of(
            "GIN and NGRAMBF indexes with properties (3.3+)",
            new Rejection("GIN", "newer syntax: GIN and NGRAMBF indexes arrived in StarRocks 3.3; the grammar knows only "
                    + "USING BITMAP"),
            "ADD INDEX GIN (3.3+)", new Rejection("GIN", "newer syntax: USING GIN arrived in StarRocks 3.3"),
            "expression partitioning: mixed list (3.4+)",
            new Rejection("PARTITION BY (date_trunc(", "newer syntax: a list mixing functions and columns after "
                    + "PARTITION BY arrived in 3.4 (the parenthesised form, the one a materialized view needs, too)"),
            "view: OR REPLACE, qualified, columns with comments, COMMENT, SECURITY INVOKER",
            new Rejection("SECURITY", "newer syntax: the SECURITY clause of CREATE VIEW is newer than the grammar"),
            "view: IF NOT EXISTS, SECURITY NONE",
            new Rejection("SECURITY", "newer syntax: the SECURITY clause of CREATE VIEW is newer than the grammar"),
            "RENAME COLUMN (3.3+)", new Rejection("TO", "newer syntax: ALTER TABLE ... RENAME COLUMN arrived in 3.3"));

    static List<DdlExamples.Example> statements() {
        List<DdlExamples.Example> all = new ArrayList<>(DdlExamples.all());
        all.addAll(HostileInput.examples());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void grammarAcceptsTheStatementAsExactlyOneStatementOfItsKind(DdlExamples.Example example) {
        String sql = Ddl.render(example.statement());
        Rejection rejection = KNOWN_REJECTIONS.get(example.name());
        if (rejection != null) {
            assertThatThrownBy(() -> StarRocksGrammar.parse(sql)).as(rejection.reason())
                .isInstanceOf(StarRocksGrammar.GrammarException.class)
                .hasMessageContaining("input '" + rejection.token() + "'");
            return;
        }
        StarRocksParser.StatementContext statement = StarRocksGrammar.parseSingle(sql);
        assertThat(StarRocksGrammar.ruleOf(statement)).isEqualTo(expectedRule(example.statement()));
    }

    @Test
    void everyKnownRejectionNamesAnExistingExample() {
        List<String> names = statements().stream().map(DdlExamples.Example::name).toList();
        assertThat(names).containsAll(KNOWN_REJECTIONS.keySet());
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void acceptanceCount() {
        List<DdlExamples.Example> statements = statements();
        TreeSet<String> rejected = new TreeSet<>();
        for (DdlExamples.Example example : statements) {
            try {
                StarRocksGrammar.parseSingle(Ddl.render(example.statement()));
            }
            catch (StarRocksGrammar.GrammarException ex) {
                rejected.add(example.name());
            }
        }
        System.out.printf("StarRocks ~3.2 grammar accepted %d of %d rendered statements; rejected: %s%n",
                statements.size() - rejected.size(), statements.size(), rejected);
        assertThat(rejected).containsExactlyInAnyOrderElementsOf(KNOWN_REJECTIONS.keySet());
    }

    @Test
    void everyDataTypeIsAcceptedInsideCreateTable() {
        List<DataType> types = Stream.of(ScalarKind.values())
            .filter((kind) -> kind != ScalarKind.BITMAP && kind != ScalarKind.HLL && kind != ScalarKind.PERCENTILE)
            // DECIMAL256 is newer than the independent 3.2 grammar (StarRocks.g4 decimalType lists it today).
            .filter((kind) -> kind != ScalarKind.DECIMAL256)
            .map(ScalarType::of)
            .map(DataType.class::cast)
            .toList();
        Table.Builder table = Table.builder("all_types");
        for (int i = 0; i < types.size(); i++) {
            table.column("c" + i, types.get(i));
        }
        String sql = Ddl.render(table.build());
        assertThat(StarRocksGrammar.ruleOf(StarRocksGrammar.parseSingle(sql))).isEqualTo("createTableStatement");
    }

    static String expectedRule(DdlStatement statement) {
        if (statement instanceof CreateObject create) {
            return switchObject(create.object());
        }
        if (statement instanceof AlterTable) {
            return "alterTableStatement";
        }
        if (statement instanceof AlterView) {
            return "alterViewStatement";
        }
        if (statement instanceof AlterMaterializedView) {
            return "alterMaterializedViewStatement";
        }
        if (statement instanceof DropObject drop) {
            return switch (drop.kind()) {
                case TABLE -> "dropTableStatement";
                case VIEW -> "dropViewStatement";
                case MATERIALIZED_VIEW -> "dropMaterializedViewStatement";
            };
        }
        if (statement instanceof TruncateTable) {
            return "truncateTableStatement";
        }
        return (statement instanceof CreateDatabase) ? "createDbStatement" : "dropDbStatement";
    }

    private static String switchObject(SchemaObject object) {
        if (object instanceof Table) {
            return "createTableStatement";
        }
        return (object instanceof View) ? "createViewStatement" : "createMaterializedViewStatement";
    }

}
