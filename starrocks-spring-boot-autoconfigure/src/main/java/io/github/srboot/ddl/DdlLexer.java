package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits StarRocks DDL text into {@link Token tokens}, skipping whitespace and comments.
 * <p>
 * Understands backquoted identifiers (a doubled backquote stands for one), string literals in single or double quotes
 * (backslash escapes as in MySQL, a doubled quote stands for one), numbers, and the comments {@code -- ...},
 * {@code # ...} and {@code /* ... *&#47;}. Every token records its line, column and offset, so the parser can point at
 * errors and copy source text verbatim.
 */
public final class DdlLexer {

    /**
     * Operators of two or three characters; the longest match wins. {@code <<} and {@code >>} are left as two tokens
     * so that nested types such as {@code ARRAY<ARRAY<INT>>} close one bracket per token.
     */
    private static final List<String> MULTI_CHARACTER_SYMBOLS = List.of("<=>", "<=", ">=", "<>", "!=", "||", "&&",
            "->", "::");

    private static final String SINGLE_CHARACTER_SYMBOLS = "(),;.=<>+-*/%[]{}:!&|^~@?";

    private final String source;

    private final List<Token> tokens = new ArrayList<>();

    private int position;

    private int line = 1;

    private int lineStart;

    private DdlLexer(String source) {
        this.source = source;
    }

    /**
     * Tokenizes {@code source}.
     * @param source the DDL text
     * @return the tokens in source order, always ending with one {@link Token.Kind#END} token
     * @throws DdlSyntaxException for an unterminated string, identifier or comment, or a character that cannot start a
     * token
     */
    public static List<Token> tokenize(String source) {
        if (source == null) {
            throw new IllegalArgumentException("DDL source must not be null");
        }
        DdlLexer lexer = new DdlLexer(source);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (true) {
            skipWhitespaceAndComments();
            if (this.position >= this.source.length()) {
                this.tokens.add(new Token(Token.Kind.END, "", "", this.line, column(this.position), this.position));
                return;
            }
            this.tokens.add(nextToken());
        }
    }

    private void skipWhitespaceAndComments() {
        while (this.position < this.source.length()) {
            char c = this.source.charAt(this.position);
            if (c == '\n' || c == '\r') {
                newLine();
            }
            else if (Character.isWhitespace(c)) {
                this.position++;
            }
            else if (c == '#' || this.source.startsWith("--", this.position)) {
                while (this.position < this.source.length() && !isLineBreak(this.source.charAt(this.position))) {
                    this.position++;
                }
            }
            else if (this.source.startsWith("/*", this.position)) {
                skipBlockComment();
            }
            else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int startLine = this.line;
        int startColumn = column(this.position);
        this.position += 2;
        while (this.position < this.source.length()) {
            if (this.source.startsWith("*/", this.position)) {
                this.position += 2;
                return;
            }
            if (isLineBreak(this.source.charAt(this.position))) {
                newLine();
            }
            else {
                this.position++;
            }
        }
        throw new DdlSyntaxException("unterminated comment", startLine, startColumn, "/*");
    }

    private Token nextToken() {
        char c = this.source.charAt(this.position);
        if (c == '`') {
            return quoted('`', Token.Kind.QUOTED_IDENTIFIER);
        }
        if (c == '\'' || c == '"') {
            return quoted(c, Token.Kind.STRING);
        }
        if (isDigit(c) || (c == '.' && this.position + 1 < this.source.length()
                && isDigit(this.source.charAt(this.position + 1)))) {
            return number();
        }
        if (isIdentifierCharacter(c)) {
            int start = this.position;
            while (this.position < this.source.length() && isIdentifierCharacter(this.source.charAt(this.position))) {
                this.position++;
            }
            return token(Token.Kind.WORD, start, null);
        }
        for (String symbol : MULTI_CHARACTER_SYMBOLS) {
            if (this.source.startsWith(symbol, this.position)) {
                int start = this.position;
                this.position += symbol.length();
                return token(Token.Kind.SYMBOL, start, null);
            }
        }
        if (SINGLE_CHARACTER_SYMBOLS.indexOf(c) >= 0) {
            int start = this.position;
            this.position++;
            return token(Token.Kind.SYMBOL, start, null);
        }
        throw new DdlSyntaxException("unexpected character", this.line, column(this.position), String.valueOf(c));
    }

    /** Reads a literal or identifier delimited by {@code quote}, in which a doubled quote stands for one. */
    private Token quoted(char quote, Token.Kind kind) {
        int start = this.position;
        int startLine = this.line;
        int startColumn = column(start);
        int startLineStart = this.lineStart;
        StringBuilder value = new StringBuilder();
        this.position++;
        while (this.position < this.source.length()) {
            char c = this.source.charAt(this.position);
            if (c == quote) {
                if (this.position + 1 < this.source.length() && this.source.charAt(this.position + 1) == quote) {
                    value.append(quote);
                    this.position += 2;
                    continue;
                }
                this.position++;
                String text = this.source.substring(start, this.position);
                return new Token(kind, text, value.toString(), startLine, start - startLineStart + 1, start);
            }
            if (c == '\\' && kind == Token.Kind.STRING && this.position + 1 < this.source.length()) {
                appendEscape(value, this.source.charAt(this.position + 1));
                this.position += 2;
                if (isLineBreak(this.source.charAt(this.position - 1))) {
                    countLineBreakAt(this.position - 1);
                }
                continue;
            }
            if (isLineBreak(c)) {
                value.append(c);
                countLineBreakAt(this.position);
            }
            else {
                value.append(c);
            }
            this.position++;
        }
        String what = (kind == Token.Kind.STRING) ? "unterminated string literal" : "unterminated quoted identifier";
        throw new DdlSyntaxException(what, startLine, startColumn, String.valueOf(quote));
    }

    /** MySQL's escapes; {@code \%} and {@code \_} keep their backslash, any other escaped character stands for itself. */
    private static void appendEscape(StringBuilder value, char escaped) {
        switch (escaped) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case '0' -> value.append('\0');
            case 'Z' -> value.append('\u001A');
            case '%', '_' -> value.append('\\').append(escaped);
            default -> value.append(escaped);
        }
    }

    private Token number() {
        int start = this.position;
        skipDigits();
        if (this.position < this.source.length() && this.source.charAt(this.position) == '.') {
            this.position++;
            skipDigits();
        }
        if (this.position + 1 < this.source.length() && (this.source.charAt(this.position) == 'e'
                || this.source.charAt(this.position) == 'E')) {
            int exponent = this.position + 1;
            if (exponent < this.source.length() && (this.source.charAt(exponent) == '+'
                    || this.source.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < this.source.length() && isDigit(this.source.charAt(exponent))) {
                this.position = exponent;
                skipDigits();
            }
        }
        if (this.position < this.source.length() && isIdentifierCharacter(this.source.charAt(this.position))
                && this.source.substring(start, this.position).chars().allMatch(DdlLexer::isDigit)) {
            // MySQL and StarRocks allow identifiers that start with digits, such as 1st_value.
            while (this.position < this.source.length() && isIdentifierCharacter(this.source.charAt(this.position))) {
                this.position++;
            }
            return token(Token.Kind.WORD, start, null);
        }
        return token(Token.Kind.NUMBER, start, null);
    }

    private void skipDigits() {
        while (this.position < this.source.length() && isDigit(this.source.charAt(this.position))) {
            this.position++;
        }
    }

    private Token token(Token.Kind kind, int start, String value) {
        String text = this.source.substring(start, this.position);
        return new Token(kind, text, (value != null) ? value : text, this.line, column(start), start);
    }

    private void newLine() {
        countLineBreakAt(this.position);
        this.position++;
    }

    /** Counts the line break at {@code index}; a CR LF pair counts once, on its LF. */
    private void countLineBreakAt(int index) {
        char c = this.source.charAt(index);
        if (c == '\r' && index + 1 < this.source.length() && this.source.charAt(index + 1) == '\n') {
            return;
        }
        this.line++;
        this.lineStart = index + 1;
    }

    private int column(int offset) {
        return offset - this.lineStart + 1;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierCharacter(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

}
