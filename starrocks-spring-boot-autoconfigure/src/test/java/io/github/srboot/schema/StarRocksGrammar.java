package io.github.srboot.schema;

import io.github.melin.superior.common.antlr4.UpperCaseCharStream;
import io.github.melin.superior.parser.starrocks.antlr4.StarRocksLexer;
import io.github.melin.superior.parser.starrocks.antlr4.StarRocksParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The independent StarRocks grammar (superior-starrocks-parser) that every statement of a plan must satisfy.
 */
final class StarRocksGrammar {

    private StarRocksGrammar() {
    }

    /**
     * Asserts that every statement of a plan parses as exactly one StarRocks statement.
     * @param plan the plan
     */
    static void assertParses(MigrationPlan plan) {
        assertThat(plan.statements()).isNotEmpty();
        for (String sql : plan.statements()) {
            StarRocksParser.SqlStatementsContext statements;
            try {
                statements = parse(sql);
            }
            catch (IllegalStateException ex) {
                throw new AssertionError("The independent grammar rejects: " + sql + "\n" + ex.getMessage(), ex);
            }
            assertThat(statements.singleStatement()).as(sql).hasSize(1);
        }
    }

    private static StarRocksParser.SqlStatementsContext parse(String sql) {
        StarRocksLexer lexer = new StarRocksLexer(new UpperCaseCharStream(CharStreams.fromString(sql)));
        lexer.removeErrorListeners();
        lexer.addErrorListener(Thrower.INSTANCE);
        StarRocksParser parser = new StarRocksParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(Thrower.INSTANCE);
        return parser.sqlStatements();
    }

    private static final class Thrower extends BaseErrorListener {

        static final Thrower INSTANCE = new Thrower();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                RecognitionException e) {
            throw new IllegalStateException("line " + line + ":" + column + " " + msg);
        }

    }

}
