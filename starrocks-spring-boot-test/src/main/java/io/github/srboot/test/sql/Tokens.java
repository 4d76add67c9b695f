package io.github.srboot.test.sql;

import java.util.List;

import io.github.srboot.ddl.DdlLexer;
import io.github.srboot.ddl.Token;

/**
 * A cursor over a statement's tokens (the project's StarRocks lexer), for the embedded FE's statement parsers.
 */
final class Tokens {

    private final String statement;

    private final List<Token> tokens;

    private int position;

    Tokens(String statement) {
        this.statement = statement;
        this.tokens = DdlLexer.tokenize(statement);
    }

    String statement() {
        return this.statement;
    }

    Token peek() {
        return this.tokens.get(this.position);
    }

    Token peek(int ahead) {
        return this.tokens.get(Math.min(this.position + ahead, this.tokens.size() - 1));
    }

    Token next() {
        Token token = this.tokens.get(this.position);
        if (token.kind() != Token.Kind.END) {
            this.position++;
        }
        return token;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END || (peek().isSymbol(";") && peek(1).kind() == Token.Kind.END);
    }

    boolean isWord(String word) {
        return peek().isWord(word);
    }

    /** Consumes the words if they come next, in order. */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        this.position += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            this.position++;
            return true;
        }
        return false;
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw unsupported();
        }
    }

    void expect(String... words) {
        if (!accept(words)) {
            throw unsupported();
        }
    }

    /** An identifier (bare or backquoted). */
    String identifier() {
        Token token = next();
        if (!token.isIdentifier()) {
            throw unsupported();
        }
        return token.value();
    }

    /** The source text from a token's start to the current position. */
    String textFrom(Token start) {
        int end = (this.position > 0) ? this.tokens.get(this.position - 1).endOffset() : start.offset();
        return this.statement.substring(start.offset(), Math.max(start.offset(), end));
    }

    /** The source text from the current token to the end, without a trailing {@code ;}. */
    String rest() {
        String text = this.statement.substring(peek().offset()).strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    }

    void requireEnd() {
        if (!atEnd()) {
            throw unsupported();
        }
    }

    /** The error for a statement shape the embedded FE does not implement. */
    SqlError unsupported() {
        return SqlError.notImplemented(this.statement);
    }

}
