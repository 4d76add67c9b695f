package io.github.srboot.support;

import io.github.melin.superior.common.antlr4.UpperCaseCharStream;
import io.github.melin.superior.parser.starrocks.antlr4.StarRocksLexer;
import io.github.melin.superior.parser.starrocks.antlr4.StarRocksParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * The independent StarRocks grammar (superior-starrocks-parser, StarRocks ~3.2) used to check what the printer
 * renders. Uses the raw ANTLR parser so that only the grammar is judged, not the library's statement mapping.
 */
public final class StarRocksGrammar {

    private StarRocksGrammar() {
    }

    /**
     * Parses a script.
     * @param sql the script
     * @return the parse tree
     * @throws GrammarException on the first lexical or syntax error
     */
    public static StarRocksParser.SqlStatementsContext parse(String sql) {
        StarRocksLexer lexer = new StarRocksLexer(new UpperCaseCharStream(CharStreams.fromString(sql)));
        lexer.removeErrorListeners();
        lexer.addErrorListener(Thrower.INSTANCE);
        StarRocksParser parser = new StarRocksParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(Thrower.INSTANCE);
        return parser.sqlStatements();
    }

    /**
     * Parses a text that must hold exactly one statement.
     * @param sql the statement
     * @return the statement's parse tree
     */
    public static StarRocksParser.StatementContext parseSingle(String sql) {
        StarRocksParser.SqlStatementsContext statements = parse(sql);
        if (statements.singleStatement().size() != 1) {
            throw new GrammarException("expected exactly one statement, got " + statements.singleStatement().size());
        }
        return statements.singleStatement(0).statement();
    }

    /**
     * The grammar rule a statement parsed into, e.g. {@code createTableStatement}.
     * @param statement a parsed statement
     * @return the rule name of its only child
     */
    public static String ruleOf(StarRocksParser.StatementContext statement) {
        String simpleName = statement.getChild(0).getClass().getSimpleName();
        String rule = simpleName.substring(0, simpleName.length() - "Context".length());
        return Character.toLowerCase(rule.charAt(0)) + rule.substring(1);
    }

    /**
     * The name an identifier token stands for: backquotes removed, doubled backquotes undone.
     * @param text the token text
     * @return the name
     */
    public static String identifier(String text) {
        if (text.startsWith("`") && text.endsWith("`")) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text;
    }

    /**
     * The value a string literal token stands for, with the server's backslash escapes undone.
     * @param text the token text, quotes included
     * @return the value
     */
    public static String string(String text) {
        char quote = text.charAt(0);
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = text.charAt(++i);
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    case '0' -> '\0';
                    case 'Z' -> '\u001A';
                    default -> next;
                });
            }
            else if (c == quote) {
                value.append(c);
                i++;
            }
            else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /**
     * A syntax error reported by the grammar.
     */
    public static final class GrammarException extends RuntimeException {

        GrammarException(String message) {
            super(message);
        }

    }

    private static final class Thrower extends BaseErrorListener {

        static final Thrower INSTANCE = new Thrower();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                RecognitionException e) {
            throw new GrammarException("line " + line + ":" + column + " " + msg);
        }

    }

}
