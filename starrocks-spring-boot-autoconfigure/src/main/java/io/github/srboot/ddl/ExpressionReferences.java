package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What an expression kept as text (a generated column, a partition expression) refers to: the column names and the
 * function names in it, read from its tokens. StarRocks resolves these with its expression analyzer; the model needs
 * only the names, to apply the analyzer's rules that are about which columns and functions an expression uses.
 *
 * @param columns the column references in written order, as written (backquotes removed); a table qualifier is
 * dropped, a STRUCT field after '.' is no reference, lambda parameters look like references
 * @param functions the names of the functions called, lower case
 * @param hasLambda whether the expression holds a lambda ({@code x -> ...}), whose parameters look like columns
 */
record ExpressionReferences(List<String> columns, List<String> functions, boolean hasLambda) {

    /**
     * Words that are no column in an expression: operators, literals, CASE and CAST syntax, interval units and the
     * type names a CAST names (StarRocks' grammar, {@code primaryExpression} and {@code literalExpression}).
     */
    private static final Set<String> NOT_COLUMNS = Set.of("AND", "OR", "NOT", "XOR", "NULL", "TRUE", "FALSE", "IS",
            "IN", "LIKE", "RLIKE", "REGEXP", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "AS", "INTERVAL",
            "DISTINCT", "DIV", "MOD", "COLLATE", "EXISTS", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH",
            "QUARTER", "YEAR", "MILLISECOND", "MICROSECOND", "SIGNED", "UNSIGNED", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
            "LOCALTIMESTAMP", "CURRENT_USER", "CURRENT_ROLE");

    /**
     * Reads the references of an expression.
     * @param expression the expression text
     * @param isColumn whether a name is a column of the table, to tell {@code table.column} (SHOW CREATE qualifies
     * the columns of generated columns so) from {@code struct_column.field}
     * @return the references
     */
    static ExpressionReferences of(String expression, Predicate<String> isColumn) {
        List<Token> tokens = DdlLexer.tokenize(expression);
        List<String> columns = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        boolean lambda = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("->")) {
                lambda = true;
            }
            if (!token.isIdentifier()) {
                continue;
            }
            Token next = tokens.get(Math.min(i + 1, tokens.size() - 1));
            Token previous = (i > 0) ? tokens.get(i - 1) : null;
            if (next.isSymbol("(") && token.kind() == Token.Kind.WORD) {
                functions.add(token.value().toLowerCase(Locale.ROOT));
                continue;
            }
            if (token.kind() == Token.Kind.WORD && next.kind() == Token.Kind.STRING && next.offset() == token.endOffset()) {
                // a prefixed literal: X'CAFE', b'01'
                continue;
            }
            if (previous != null && previous.isWord("AS")) {
                // the type of a CAST
                continue;
            }
            if (previous != null && previous.isSymbol(".")) {
                // the second name of a chain: counted at its first name
                continue;
            }
            if (next.isSymbol(".") && !isColumn.test(token.value()) && i + 2 < tokens.size()
                    && tokens.get(i + 2).isIdentifier() && isColumn.test(tokens.get(i + 2).value())) {
                // table.column
                columns.add(tokens.get(i + 2).value());
                continue;
            }
            if (token.kind() == Token.Kind.WORD && (NOT_COLUMNS.contains(token.upperText())
                    || DdlParser.isTypeName(token.upperText()))) {
                continue;
            }
            columns.add(token.value());
        }
        return new ExpressionReferences(List.copyOf(columns), List.copyOf(functions), lambda);
    }

}
