package io.github.srboot.flyway;

import java.io.IOException;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParserContext;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.parser.PeekingReader;
import org.flywaydb.core.internal.parser.Token;
import org.flywaydb.core.internal.parser.TokenType;

/**
 * Splits migration scripts into statements the way StarRocks reads SQL: identifiers in backquotes, string literals
 * in single or double quotes with backslash escapes, and {@code #} comments besides {@code --} and
 * {@code /* *&#47;}. StarRocks has no stored programs, so there are no blocks and no {@code DELIMITER}.
 */
final class StarRocksParser extends Parser {

    StarRocksParser(Configuration configuration, ParsingContext parsingContext) {
        super(configuration, parsingContext, 3);
    }

    @Override
    protected char getIdentifierQuote() {
        return '`';
    }

    @Override
    protected char getAlternativeStringLiteralQuote() {
        return '"';
    }

    @Override
    protected boolean isSingleLineComment(String peek, ParserContext context, int col) {
        return super.isSingleLineComment(peek, context, col) || peek.charAt(0) == '#';
    }

    @Override
    protected Token handleStringLiteral(PeekingReader reader, ParserContext context, int pos, int line, int col)
            throws IOException {
        return literalUntil('\'', reader, context, pos, line, col);
    }

    @Override
    protected Token handleAlternativeStringLiteral(PeekingReader reader, ParserContext context, int pos, int line,
            int col) throws IOException {
        return literalUntil('"', reader, context, pos, line, col);
    }

    /** A literal whose closing quote may be escaped with a backslash or doubled. */
    private static Token literalUntil(char quote, PeekingReader reader, ParserContext context, int pos, int line,
            int col) throws IOException {
        reader.swallow();
        reader.swallowUntilIncludingWithEscape(quote, true, '\\');
        return new Token(TokenType.STRING, pos, line, col, null, null, context.getParensDepth());
    }

}
