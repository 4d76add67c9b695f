package io.github.srboot.ddl;

import java.util.Locale;

/**
 * One lexical token of StarRocks DDL with its decoded value and its position in the source text.
 *
 * @param kind what sort of token this is
 * @param text the token exactly as written in the source (quotes and escapes included)
 * @param value the decoded value: the name of an identifier (backquotes removed, doubled backquotes undone), the
 * content of a string literal (escapes resolved), otherwise the text itself
 * @param line the 1-based line of the first character
 * @param column the 1-based column of the first character
 * @param offset the 0-based offset of the first character in the source
 */
public record Token(Kind kind, String text, String value, int line, int column, int offset) {

    /** The closed set of token kinds the lexer produces. */
    public enum Kind {

        /** An unquoted word: a keyword or a bare identifier. */
        WORD,

        /** An identifier in backquotes. */
        QUOTED_IDENTIFIER,

        /** A string literal in single or double quotes. */
        STRING,

        /** A numeric literal. */
        NUMBER,

        /** Punctuation or an operator. */
        SYMBOL,

        /** The end of the input. */
        END

    }

    /** The offset just after the last character of this token. */
    public int endOffset() {
        return this.offset + this.text.length();
    }

    /** Whether this is the unquoted word {@code keyword}, compared without regard to case. */
    public boolean isWord(String keyword) {
        return this.kind == Kind.WORD && this.text.equalsIgnoreCase(keyword);
    }

    /** Whether this is the punctuation or operator {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return this.kind == Kind.SYMBOL && this.text.equals(symbol);
    }

    /** Whether this token can name something: a bare word or a backquoted identifier. */
    public boolean isIdentifier() {
        return this.kind == Kind.WORD || this.kind == Kind.QUOTED_IDENTIFIER;
    }

    /** The upper-case text of a bare word, used to match keywords. */
    String upperText() {
        return this.text.toUpperCase(Locale.ROOT);
    }

}
