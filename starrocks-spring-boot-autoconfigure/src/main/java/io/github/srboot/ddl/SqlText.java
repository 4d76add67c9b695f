package io.github.srboot.ddl;

/**
 * Checks the raw SQL fragments the model carries as text (expressions, view queries), so that such a fragment cannot
 * end the statement early or comment out what the printer writes after it.
 */
final class SqlText {

    private SqlText() {
    }

    /**
     * Checks an expression and collapses its whitespace runs (outside quotes) into single spaces.
     * @param what what the expression is, for messages
     * @param text the expression text
     * @return the normalised text
     * @throws DdlValidationException when the text is empty, has an unterminated quote or unbalanced parentheses, or
     * contains {@code ;} or a comment outside quotes
     */
    static String expression(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new DdlValidationException(what, "the expression must not be empty");
        }
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(text, i);
                if (end < 0) {
                    throw new DdlValidationException(what, "unterminated " + c + " quote in " + show(text));
                }
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (Character.isWhitespace(c)) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (out.length() > 0 && i < text.length()) {
                    out.append(' ');
                }
                continue;
            }
            if (c == ';') {
                throw new DdlValidationException(what, "';' is not allowed outside quotes in " + show(text));
            }
            if (c == '#' || startsWith(text, i, "--") || startsWith(text, i, "/*")) {
                throw new DdlValidationException(what, "comments are not allowed in an expression: " + show(text));
            }
            if (c == ',' && depth == 0) {
                // A top-level comma would end the expression and start another column or partition item.
                throw new DdlValidationException(what, "a ',' outside brackets is not allowed in " + show(text));
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                        || text.charAt(end) == '_')) {
                    end++;
                }
                if (depth == 0 && text.substring(i, end).equalsIgnoreCase("COMMENT")) {
                    // The printer writes COMMENT after a generated expression; the text must not supply its own.
                    throw new DdlValidationException(what, "COMMENT outside parentheses is not allowed in "
                            + show(text));
                }
                out.append(text, i, end);
                i = end;
                continue;
            }
            // Brackets of array subscripts and constructors ([..], map{..}) nest like parentheses.
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            }
            else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth < 0) {
                    throw new DdlValidationException(what, "unbalanced '" + c + "' in " + show(text));
                }
            }
            out.append(c);
            i++;
        }
        if (depth != 0) {
            throw new DdlValidationException(what, "unbalanced brackets in " + show(text));
        }
        return out.toString();
    }

    /**
     * Whether an expression holds a word (case-insensitive) outside quotes.
     * @param text the expression
     * @param word the word
     * @return true when present
     */
    static boolean containsWord(String text, String word) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(text, i);
                i = (end < 0) ? text.length() : end;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                if (text.substring(i, end).equalsIgnoreCase(word)) {
                    return true;
                }
                i = end;
                continue;
            }
            i++;
        }
        return false;
    }

    /**
     * Checks a query (the text after {@code AS}) and strips leading and trailing whitespace; the rest is kept verbatim.
     * @param what the owning view, for messages
     * @param text the query
     * @return the stripped query
     * @throws DdlValidationException when the query is empty, contains {@code ;} outside quotes and comments, or has
     * an unterminated quote or block comment
     */
    static String query(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new DdlValidationException(what, "the query must not be empty");
        }
        String query = text.strip();
        scanQuery(what, query);
        return query;
    }

    /**
     * Whether a checked query ends inside a {@code --} or {@code #} comment, so that the printer must end the line
     * before anything (such as a script's {@code ;}) can follow.
     * @param query a query accepted by {@link #query(String, String)}
     * @return true when the last line is a line comment
     */
    static boolean endsInLineComment(String query) {
        return scanQuery("query", query);
    }

    private static boolean scanQuery(String what, String query) {
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(query, i);
                if (i < 0) {
                    throw new DdlValidationException(what, "unterminated " + c + " quote in the query");
                }
            }
            else if (c == '#' || startsWith(query, i, "--")) {
                int newline = query.indexOf('\n', i);
                if (newline < 0) {
                    return true;
                }
                i = newline + 1;
            }
            else if (startsWith(query, i, "/*")) {
                int close = query.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new DdlValidationException(what, "unterminated /* comment in the query");
                }
                i = close + 2;
            }
            else if (c == ';') {
                throw new DdlValidationException(what,
                        "';' is not allowed outside quotes in the query (one statement only)");
            }
            else {
                i++;
            }
        }
        return false;
    }

    /**
     * The column name when an expression is a bare identifier ({@code dt} or {@code `dt`}), else null.
     * @param expression a normalised expression
     * @return the unquoted name or null
     */
    static String bareIdentifier(String expression) {
        if (expression.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return expression;
        }
        if (expression.length() > 2 && expression.charAt(0) == '`'
                && endOfQuoted(expression, 0) == expression.length()) {
            return expression.substring(1, expression.length() - 1).replace("``", "`");
        }
        return null;
    }

    /**
     * The index just past the closing quote of the quoted text starting at {@code start}, or -1 when unterminated.
     * Backslash escapes apply in string literals; a doubled quote is an escaped quote.
     */
    private static int endOfQuoted(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    private static boolean startsWith(String text, int index, String prefix) {
        return text.startsWith(prefix, index);
    }

    private static String show(String text) {
        return DdlPrinter.string(text);
    }

}
