package io.github.srboot.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reduces SQL text (view and materialized-view queries, generated-column and partition expressions, default
 * expressions) to a form in which the user's spelling and the server's print compare equal: tokens instead of
 * whitespace, backquotes removed, keywords and identifiers in lower case, string literals in one quoting style,
 * no trailing semicolon and no enclosing parentheses around the whole text.
 *
 * <p>Identifiers are compared without case on purpose: StarRocks folds column names, and a query that differs from
 * another only by the case of a name is the same query for every practical purpose.
 */
final class SqlNormalizer {

    private SqlNormalizer() {
    }

    /**
     * The normal form of a query or expression.
     * @param sql the text, may be null
     * @return the normal form; the empty string for null or blank text
     */
    static String normalize(String sql) {
        return normalize(sql, false);
    }

    /**
     * The normal form of a partition expression, where string literals are units ({@code 'day'} = {@code 'DAY'})
     * and compare without case too.
     * @param sql the expression text, may be null
     * @return the normal form
     */
    static String normalizePartitionExpression(String sql) {
        return normalize(sql, true);
    }

    private static String normalize(String sql, boolean literalsIgnoreCase) {
        if (sql == null) {
            return "";
        }
        List<String> tokens = tokens(sql, literalsIgnoreCase);
        addDictionaryGetDefault(tokens);
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(";")) {
            tokens.remove(tokens.size() - 1);
        }
        while (enclosedInParentheses(tokens)) {
            tokens = new ArrayList<>(tokens.subList(1, tokens.size() - 1));
        }
        return String.join(" ", tokens);
    }

    /**
     * The normal form of a view or materialized-view query. Besides {@link #normalize(String)}, qualifiers are
     * dropped ({@code `db`.`t`.`c`} is {@code c}, {@code `db`.`t`} is {@code t}) and so is an alias equal to the
     * column it names ({@code c AS c}), because the server may store the query it analysed, with every name
     * qualified, instead of the user's text. The price: a change that only swaps which table a same-named column
     * comes from is not seen.
     * @param sql the query, may be null
     * @return the normal form
     */
    static String normalizeQuery(String sql) {
        List<String> tokens = new ArrayList<>(List.of(normalize(sql).split(" ")));
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (isName(tokens.get(i)) && tokens.get(i + 1).equals(".")
                    && (isName(tokens.get(i + 2)) || tokens.get(i + 2).equals("*"))) {
                tokens.remove(i);
                tokens.remove(i);
                i = Math.max(-1, i - 2);
            }
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i + 1).equals("as") && tokens.get(i).equals(tokens.get(i + 2)) && isName(tokens.get(i))) {
                tokens.remove(i + 1);
                tokens.remove(i + 1);
            }
        }
        return String.join(" ", tokens);
    }

    /**
     * Whether two queries are the same after {@link #normalizeQuery(String)}.
     * @param first one query
     * @param second the other
     * @return true when equal
     */
    static boolean sameQuery(String first, String second) {
        return normalizeQuery(first).equals(normalizeQuery(second));
    }

    private static boolean isName(String token) {
        char first = token.isEmpty() ? ' ' : token.charAt(0);
        return Character.isLetter(first) || first == '_' || first == '$';
    }

    /**
     * Whether two texts are the same SQL after normalisation.
     * @param first one text
     * @param second the other
     * @return true when equal
     */
    static boolean same(String first, String second) {
        return normalize(first).equals(normalize(second));
    }

    private static boolean enclosedInParentheses(List<String> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).equals("(") || !tokens.get(tokens.size() - 1).equals(")")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("(")) {
                depth++;
            }
            else if (token.equals(")")) {
                depth--;
                if (depth == 0 && i < tokens.size() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> tokens(String sql, boolean literalsIgnoreCase) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                i = skipLine(sql, i);
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = (end < 0) ? length : end + 2;
            }
            else if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                i = readQuoted(sql, i, c, value);
                String literal = literalsIgnoreCase ? value.toString().toLowerCase(Locale.ROOT) : value.toString();
                tokens.add("'" + literal.replace("\\", "\\\\").replace("'", "\\'") + "'");
            }
            else if (c == '`') {
                StringBuilder name = new StringBuilder();
                i = readQuoted(sql, i, '`', name);
                tokens.add(name.toString().toLowerCase(Locale.ROOT));
            }
            else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' || sql.charAt(i) == '.' && i + 1 < length
                        && Character.isDigit(sql.charAt(i + 1)) && Character.isDigit(sql.charAt(i - 1)))) {
                    i++;
                }
                tokens.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
            }
            else {
                String pair = (i + 1 < length) ? sql.substring(i, i + 2) : "";
                if (pair.equals(">=") || pair.equals("<=") || pair.equals("<>") || pair.equals("!=")
                        || pair.equals("||") || pair.equals("&&")) {
                    tokens.add(pair.equals("<>") ? "!=" : pair);
                    i += 2;
                }
                else {
                    tokens.add(String.valueOf(c));
                    i++;
                }
            }
        }
        return tokens;
    }

    /**
     * Writes out the argument the server adds to {@code dictionary_get(dictionary, key...)}: its analyser stores the
     * optional trailing boolean {@code null_if_not_exist} and prints it ({@code DICTIONARY_GET('d', k, false)};
     * corpus show-create 0028, 0029), so a call without a boolean last argument gets {@code , false}.
     */
    private static void addDictionaryGetDefault(List<String> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).equals("dictionary_get") || !tokens.get(i + 1).equals("(")) {
                continue;
            }
            int depth = 0;
            int lastArgument = i + 2;
            for (int j = i + 1; j < tokens.size(); j++) {
                String token = tokens.get(j);
                if (token.equals("(") || token.equals("[") || token.equals("{")) {
                    depth++;
                }
                else if (token.equals(")") || token.equals("]") || token.equals("}")) {
                    depth--;
                    if (depth == 0) {
                        List<String> last = tokens.subList(lastArgument, j);
                        boolean flagged = last.size() == 1 && (last.get(0).equals("true") || last.get(0).equals("false"));
                        if (!flagged && j > i + 2) {
                            tokens.add(j, "false");
                            tokens.add(j, ",");
                        }
                        break;
                    }
                }
                else if (token.equals(",") && depth == 1) {
                    lastArgument = j + 1;
                }
            }
        }
    }

    private static int skipLine(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return (end < 0) ? sql.length() : end + 1;
    }

    /** Reads a quoted token (quote doubled or backslash-escaped inside) and returns the index after it. */
    private static int readQuoted(String sql, int start, char quote, StringBuilder value) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`' && i + 1 < sql.length()) {
                value.append(sql.charAt(i + 1));
                i += 2;
            }
            else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                }
                else {
                    return i + 1;
                }
            }
            else {
                value.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("Unterminated " + quote + " quote in SQL text: " + sql);
    }

}
