package io.github.srboot.ddl;

/**
 * Thrown when DDL text cannot be read: names the line, the column and the offending token.
 */
public class DdlSyntaxException extends IllegalArgumentException {

    private final int line;

    private final int column;

    private final String token;

    /**
     * Creates an exception for a problem found at a position of the source.
     * @param problem what is wrong, for example {@code "expected ')'"}
     * @param line the 1-based line of the offending token
     * @param column the 1-based column of the offending token
     * @param token the offending token as written, or {@code null} at the end of the input
     */
    public DdlSyntaxException(String problem, int line, int column, String token) {
        super("Syntax error at line " + line + ", column " + column + " near "
                + ((token != null) ? "'" + shorten(token) + "'" : "end of input") + ": " + problem);
        this.line = line;
        this.column = column;
        this.token = token;
    }

    /** The 1-based line of the offending token. */
    public int getLine() {
        return this.line;
    }

    /** The 1-based column of the offending token. */
    public int getColumn() {
        return this.column;
    }

    /** The offending token as written in the source, or {@code null} when the input ended too early. */
    public String getToken() {
        return this.token;
    }

    private static String shorten(String token) {
        return (token.length() <= 40) ? token : token.substring(0, 37) + "...";
    }

}
