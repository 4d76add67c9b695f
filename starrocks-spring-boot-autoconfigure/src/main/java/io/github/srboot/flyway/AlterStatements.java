package io.github.srboot.flyway;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.srboot.ddl.DdlLexer;
import io.github.srboot.ddl.DdlSyntaxException;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.Token;
import io.github.srboot.jdbc.AlterJobType;

/**
 * Tells which migration statements start an asynchronous StarRocks ALTER job and on which table: a pure function of
 * the statement text. Column changes ({@code ADD | DROP | MODIFY COLUMN}), {@code ORDER BY}, index changes
 * ({@code ADD | DROP INDEX}, {@code CREATE | DROP INDEX ... ON}: GIN, NGRAMBF and VECTOR indexes build in a job) and
 * {@code SET ("bloom_filter_columns" = ...)} run as a schema-change job ({@code SHOW ALTER TABLE COLUMN});
 * {@code DISTRIBUTED BY} as an {@code OPTIMIZE} job; {@code ADD | DROP ROLLUP} and synchronous materialized views
 * ({@code CREATE MATERIALIZED VIEW ... AS SELECT ... FROM t} without a refresh, partition, distribution or sort
 * clause) as a {@code ROLLUP} job on their base table.
 *
 * <p>Erring towards "asynchronous" costs two {@code SHOW ALTER TABLE} queries (no new job is found, nothing is
 * waited for); erring the other way lets the next statement on the table fail, so changes that start a job only
 * in some versions or for some index types (bitmap index, column comment) count as asynchronous.
 */
final class AlterStatements {

    private AlterStatements() {
    }

    /**
     * The table and job kinds a statement starts, or empty for statements that start no job (or that cannot be
     * read: StarRocks will say what is wrong with them).
     */
    static Optional<AsyncAlter> classify(String sql) {
        List<Token> tokens;
        try {
            tokens = statementTokens(sql);
        }
        catch (DdlSyntaxException ex) {
            return Optional.empty();
        }
        Cursor cursor = new Cursor(tokens);
        if (cursor.words("ALTER", "TABLE")) {
            ObjectName table = cursor.objectName();
            if (table == null) {
                return Optional.empty();
            }
            Set<AlterJobType> jobs = EnumSet.noneOf(AlterJobType.class);
            for (List<Token> clause : clauses(tokens.subList(cursor.position, tokens.size()))) {
                jobOf(clause).ifPresent(jobs::add);
            }
            return jobs.isEmpty() ? Optional.empty() : Optional.of(new AsyncAlter(table, jobs));
        }
        if (cursor.words("CREATE", "INDEX") || cursor.words("DROP", "INDEX")) {
            cursor.skipIfExistsClause();
            if (cursor.identifier() == null || !cursor.words("ON")) {
                return Optional.empty();
            }
            ObjectName table = cursor.objectName();
            return (table != null) ? Optional.of(new AsyncAlter(table, Set.of(AlterJobType.COLUMN))) : Optional.empty();
        }
        if (cursor.words("CREATE", "MATERIALIZED", "VIEW")) {
            return synchronousMaterializedView(tokens, cursor.position)
                .map((base) -> new AsyncAlter(base, Set.of(AlterJobType.ROLLUP)));
        }
        return Optional.empty();
    }

    private static List<Token> statementTokens(String sql) {
        List<Token> tokens = new ArrayList<>(DdlLexer.tokenize(sql));
        tokens.remove(tokens.size() - 1);
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";")) {
            tokens.remove(tokens.size() - 1);
        }
        return tokens;
    }

    /**
     * The clauses of an {@code ALTER TABLE}, split at commas outside parentheses and type brackets
     * ({@code MAP<INT, INT>}).
     */
    private static List<List<Token>> clauses(List<Token> tokens) {
        List<List<Token>> clauses = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int parentheses = 0;
        int brackets = 0;
        Token previous = null;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                parentheses++;
            }
            else if (token.isSymbol(")")) {
                parentheses--;
            }
            else if (token.isSymbol("<") && previous != null
                    && (previous.isWord("ARRAY") || previous.isWord("MAP") || previous.isWord("STRUCT"))) {
                brackets++;
            }
            else if (token.isSymbol(">") && brackets > 0) {
                brackets--;
            }
            if (token.isSymbol(",") && parentheses == 0 && brackets == 0) {
                clauses.add(current);
                current = new ArrayList<>();
            }
            else {
                current.add(token);
            }
            previous = token;
        }
        clauses.add(current);
        return clauses;
    }

    private static Optional<AlterJobType> jobOf(List<Token> clause) {
        Cursor cursor = new Cursor(clause);
        if (cursor.words("ADD", "COLUMN") || cursor.words("ADD", "COLUMNS") || cursor.words("DROP", "COLUMN")
                || cursor.words("MODIFY", "COLUMN") || cursor.words("ORDER", "BY") || cursor.words("ADD", "INDEX")
                || cursor.words("DROP", "INDEX")) {
            return Optional.of(AlterJobType.COLUMN);
        }
        if (cursor.words("DISTRIBUTED", "BY")) {
            return Optional.of(AlterJobType.OPTIMIZE);
        }
        if (cursor.words("PARTITION") && clause.stream().anyMatch((token) -> token.isWord("DISTRIBUTED"))) {
            return Optional.of(AlterJobType.OPTIMIZE);
        }
        if (cursor.words("ADD", "ROLLUP") || cursor.words("DROP", "ROLLUP")) {
            return Optional.of(AlterJobType.ROLLUP);
        }
        if (cursor.words("SET") && clause.stream().anyMatch((token) -> token.kind() == Token.Kind.STRING
                && token.value().trim().equalsIgnoreCase("bloom_filter_columns"))) {
            return Optional.of(AlterJobType.COLUMN);
        }
        return Optional.empty();
    }

    /**
     * The base table of a synchronous materialized view: none of {@code REFRESH}, {@code PARTITION BY},
     * {@code DISTRIBUTED BY}, {@code ORDER BY} before {@code AS}; the base is the first table after {@code FROM}.
     */
    private static Optional<ObjectName> synchronousMaterializedView(List<Token> tokens, int start) {
        int depth = 0;
        int as = -1;
        for (int i = start; i < tokens.size() && as < 0; i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.isWord("REFRESH") || token.isWord("DISTRIBUTED") || token.isWord("ORDER")
                    || (token.isWord("PARTITION") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("BY")))) {
                return Optional.empty();
            }
            if (depth == 0 && token.isWord("AS")) {
                as = i;
            }
        }
        if (as < 0) {
            return Optional.empty();
        }
        for (int i = as + 1; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("FROM")) {
                Cursor cursor = new Cursor(tokens);
                cursor.position = i + 1;
                return Optional.ofNullable(cursor.objectName());
            }
        }
        return Optional.empty();
    }

    /** Reads words and names from a token list. */
    private static final class Cursor {

        private final List<Token> tokens;

        private int position;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        /** Consumes the words when they come next (in any case). */
        boolean words(String... words) {
            if (this.position + words.length > this.tokens.size()) {
                return false;
            }
            for (int i = 0; i < words.length; i++) {
                if (!this.tokens.get(this.position + i).isWord(words[i])) {
                    return false;
                }
            }
            this.position += words.length;
            return true;
        }

        void skipIfExistsClause() {
            if (!words("IF", "NOT", "EXISTS")) {
                words("IF", "EXISTS");
            }
        }

        String identifier() {
            if (this.position < this.tokens.size() && this.tokens.get(this.position).isIdentifier()) {
                return this.tokens.get(this.position++).value();
            }
            return null;
        }

        /** {@code name} or {@code db.name}; {@code null} when no name comes next. */
        ObjectName objectName() {
            String first = identifier();
            if (first == null) {
                return null;
            }
            if (this.position < this.tokens.size() && this.tokens.get(this.position).isSymbol(".")) {
                this.position++;
                String second = identifier();
                return (second != null) ? ObjectName.of(first, second) : null;
            }
            return ObjectName.of(first);
        }

    }

}
