package io.github.srboot.test.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.srboot.ddl.Token;
import io.github.srboot.test.streamload.KeyModel;
import io.github.srboot.test.streamload.StubColumn;
import io.github.srboot.test.streamload.TableContents;

/**
 * SELECT, INSERT, UPDATE and DELETE as far as tests need them: constant SELECTs (variables and the information
 * functions), and over one table (a stub table or an {@code information_schema} table) projection, the
 * {@link ColumnFunction}s, {@code COUNT(*)} and {@code COUNT} of a literal, WHERE with {@code =}, {@code <},
 * {@code <=}, {@code >}, {@code >=}, {@code !=}, {@code AND}, {@code IN}, {@code IS [NOT] NULL} (of a column or a
 * literal), ORDER BY and LIMIT. Anything else is refused with an error naming the statement.
 */
final class TableQueries {

    private final Catalog catalog;

    private final InformationSchema informationSchema;

    TableQueries(Catalog catalog, InformationSchema informationSchema) {
        this.catalog = catalog;
        this.informationSchema = informationSchema;
    }

    // ---- SELECT ----

    StatementResult select(Session session, Tokens tokens) {
        tokens.expect("SELECT");
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem(tokens));
        }
        while (tokens.acceptSymbol(","));
        if (!tokens.accept("FROM")) {
            tokens.requireEnd();
            List<String> labels = new ArrayList<>();
            List<String> row = new ArrayList<>();
            for (SelectItem item : items) {
                if (item.constant() == null) {
                    throw tokens.unsupported();
                }
                labels.add(item.label());
                row.add(Constants.evaluate(session, item.constant(), tokens));
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(row);
            return StatementResult.rows(labels, rows);
        }
        RowSource source = source(session, tokens);
        List<Condition> conditions = where(tokens, source);
        List<Order> order = new ArrayList<>();
        if (tokens.accept("ORDER", "BY")) {
            do {
                int column = source.column(tokens.identifier(), "order clause");
                boolean descending = tokens.accept("DESC");
                if (!descending) {
                    tokens.accept("ASC");
                }
                order.add(new Order(column, descending));
            }
            while (tokens.acceptSymbol(","));
        }
        long offset = 0;
        long limit = Long.MAX_VALUE;
        if (tokens.accept("LIMIT")) {
            limit = number(tokens);
            if (tokens.acceptSymbol(",")) {
                offset = limit;
                limit = number(tokens);
            }
            else if (tokens.accept("OFFSET")) {
                offset = number(tokens);
            }
        }
        tokens.requireEnd();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : source.rows()) {
            if (matches(row, conditions, source)) {
                rows.add(row);
            }
        }
        if (!order.isEmpty()) {
            rows.sort(source.ordering(order));
        }
        boolean counting = items.stream().anyMatch(SelectItem::countStar);
        if (counting) {
            if (items.size() != 1) {
                throw tokens.unsupported();
            }
            // COUNT(*) is a BIGINT
            List<List<String>> count = new ArrayList<>();
            count.add(List.of(Long.toString(rows.size())));
            return StatementResult.rows(List.of(items.get(0).label()), List.of(MysqlProtocol.columnType("BIGINT")),
                    count);
        }
        rows = rows.subList((int) Math.min(offset, rows.size()), (int) Math.min(rows.size(),
                Math.min((long) Integer.MAX_VALUE, offset + limit)));
        List<String> labels = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> projection = new ArrayList<>();
        Map<Integer, ColumnFunction> functions = new java.util.HashMap<>();
        for (SelectItem item : items) {
            if (item.star()) {
                for (int i = 0; i < source.columns().size(); i++) {
                    labels.add(source.columns().get(i));
                    types.add(source.type(i));
                    projection.add(i);
                }
            }
            else if (item.column() != null) {
                labels.add(item.label());
                int column = source.column(item.column(), "field list");
                if (item.function() != null) {
                    // hex() answers a VARCHAR
                    types.add(MysqlProtocol.TYPE_STRING);
                    functions.put(projection.size(), item.function());
                }
                else {
                    types.add(source.type(column));
                }
                projection.add(column);
            }
            else {
                throw tokens.unsupported();
            }
        }
        List<List<String>> projected = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> out = new ArrayList<>(projection.size());
            for (int i = 0; i < projection.size(); i++) {
                int column = projection.get(i);
                ColumnFunction function = functions.get(i);
                String value = row.get(column);
                out.add((function == null || value == null) ? value : function.apply(value, source.type(column)));
            }
            projected.add(out);
        }
        return StatementResult.rows(labels, types, projected);
    }

    private static long number(Tokens tokens) {
        Token token = tokens.next();
        if (token.kind() != Token.Kind.NUMBER) {
            throw tokens.unsupported();
        }
        return Long.parseLong(token.value());
    }

    private SelectItem selectItem(Tokens tokens) {
        Token start = tokens.peek();
        SelectItem item;
        if (tokens.acceptSymbol("*")) {
            return new SelectItem("*", true, false, null, null, null);
        }
        if (start.isWord("COUNT") && tokens.peek(1).isSymbol("(") && countsEveryRow(tokens.peek(2))
                && tokens.peek(3).isSymbol(")")) {
            tokens.next();
            tokens.next();
            Token argument = tokens.next();
            String counted = tokens.textFrom(argument).strip();
            tokens.next();
            // the FE labels an unaliased COUNT(*) with its SQL text in lower case; COUNT of a non-NULL literal
            // counts every row as COUNT(*) does
            item = new SelectItem("count(" + counted + ")", false, true, null, null, null);
        }
        else if (start.kind() == Token.Kind.WORD && ColumnFunction.find(start.value()) != null
                && tokens.peek(1).isSymbol("(") && tokens.peek(2).isIdentifier() && tokens.peek(3).isSymbol(")")) {
            tokens.next();
            tokens.next();
            String column = tokens.identifier();
            tokens.next();
            item = new SelectItem(tokens.textFrom(start), false, false, column, null,
                    ColumnFunction.find(start.value()));
        }
        else {
            Constants.Expression constant = Constants.parse(tokens);
            if (constant instanceof Constants.ColumnReference column) {
                item = new SelectItem(column.name(), false, false, column.name(), null, null);
            }
            else {
                item = new SelectItem(tokens.textFrom(start), false, false, null, constant, null);
            }
        }
        if (tokens.accept("AS") || (tokens.peek().isIdentifier() && !tokens.isWord("FROM"))) {
            Token alias = tokens.next();
            if (!alias.isIdentifier() && alias.kind() != Token.Kind.STRING) {
                throw tokens.unsupported();
            }
            return new SelectItem(alias.value(), item.star(), item.countStar(), item.column(), item.constant(),
                    item.function());
        }
        return item;
    }

    /** Whether {@code COUNT(x)} counts every row: {@code *} or a literal other than NULL. */
    private static boolean countsEveryRow(Token argument) {
        return argument.isSymbol("*") || argument.kind() == Token.Kind.NUMBER
                || argument.kind() == Token.Kind.STRING;
    }

    private RowSource source(Session session, Tokens tokens) {
        String first = tokens.identifier();
        String database;
        String name;
        if (tokens.acceptSymbol(".")) {
            database = first;
            name = tokens.identifier();
        }
        else {
            database = session.database();
            name = first;
        }
        if (!tokens.atEnd() && !tokens.isWord("WHERE") && !tokens.isWord("ORDER") && !tokens.isWord("LIMIT")) {
            // joins, GROUP BY, aliases...: refused before any name is resolved
            throw tokens.unsupported();
        }
        if (database.equalsIgnoreCase(InformationSchema.DATABASE)) {
            return this.informationSchema.table(name, tokens);
        }
        if (database.isEmpty()) {
            throw SqlError.noDatabaseSelected();
        }
        if (!this.catalog.hasDatabase(database)) {
            throw SqlError.unknownDatabaseInAnalysis(database);
        }
        Optional<TableContents> contents = this.catalog.contents(database, name);
        if (contents.isEmpty()) {
            if (this.catalog.exists(database, name)) {
                // a view or materialized view: its rows would need the query engine
                throw tokens.unsupported();
            }
            throw SqlError.unknownTable(database + "." + name);
        }
        return RowSource.of(contents.get());
    }

    private static List<Condition> where(Tokens tokens, RowSource source) {
        List<Condition> conditions = new ArrayList<>();
        if (!tokens.accept("WHERE")) {
            return conditions;
        }
        do {
            Token first = tokens.peek();
            if ((first.kind() == Token.Kind.STRING || first.kind() == Token.Kind.NUMBER)
                    && tokens.peek(1).isWord("IS")) {
                // a literal IS [NOT] NULL: the same for every row (a quoted 'name' is a string, not a column)
                tokens.next();
                tokens.next();
                boolean not = tokens.accept("NOT");
                tokens.expect("NULL");
                conditions.add(new Condition(-1, not ? Condition.Kind.ALWAYS : Condition.Kind.NEVER, List.of()));
                continue;
            }
            int column = source.column(tokens.identifier(), "where clause");
            if (tokens.accept("IS")) {
                boolean not = tokens.accept("NOT");
                tokens.expect("NULL");
                conditions.add(new Condition(column, not ? Condition.Kind.IS_NOT_NULL : Condition.Kind.IS_NULL,
                        List.of()));
            }
            else if (tokens.acceptSymbol("=")) {
                conditions.add(new Condition(column, Condition.Kind.EQUALS, List.of(source.stored(column,
                        literal(tokens)))));
            }
            else if (comparison(tokens.peek()) != null) {
                Condition.Kind kind = comparison(tokens.next());
                String value = source.stored(column, literal(tokens));
                if (value == null || value.startsWith("\u0000")) {
                    // NULL or a literal of another type: the FE would cast it; not implemented here
                    throw tokens.unsupported();
                }
                conditions.add(new Condition(column, kind, List.of(value)));
            }
            else if (tokens.accept("IN")) {
                tokens.expectSymbol("(");
                List<String> values = new ArrayList<>();
                do {
                    values.add(source.stored(column, literal(tokens)));
                }
                while (tokens.acceptSymbol(","));
                tokens.expectSymbol(")");
                conditions.add(new Condition(column, Condition.Kind.IN, values));
            }
            else {
                throw tokens.unsupported();
            }
        }
        while (tokens.accept("AND"));
        return conditions;
    }

    /** The comparison a symbol stands for ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code !=}, {@code <>}). */
    private static Condition.Kind comparison(Token token) {
        if (token.kind() != Token.Kind.SYMBOL) {
            return null;
        }
        return switch (token.value()) {
            case "<" -> Condition.Kind.LESS;
            case "<=" -> Condition.Kind.LESS_OR_EQUAL;
            case ">" -> Condition.Kind.GREATER;
            case ">=" -> Condition.Kind.GREATER_OR_EQUAL;
            case "!=", "<>" -> Condition.Kind.NOT_EQUAL;
            default -> null;
        };
    }

    /** A literal's text, {@code null} for NULL. */
    static String literal(Tokens tokens) {
        boolean negative = tokens.acceptSymbol("-");
        Token token = tokens.next();
        return switch (token.kind()) {
            case NUMBER -> negative ? "-" + token.value() : token.value();
            case STRING -> {
                if (negative) {
                    throw tokens.unsupported();
                }
                yield token.value();
            }
            case WORD -> {
                if (token.isWord("NULL") && !negative) {
                    yield null;
                }
                if ((token.isWord("TRUE") || token.isWord("FALSE")) && !negative) {
                    yield token.value().toLowerCase(Locale.ROOT);
                }
                throw tokens.unsupported();
            }
            default -> throw tokens.unsupported();
        };
    }

    private static boolean matches(List<String> row, List<Condition> conditions, RowSource source) {
        for (Condition condition : conditions) {
            String value = (condition.column() >= 0) ? row.get(condition.column()) : null;
            boolean match = switch (condition.kind()) {
                case ALWAYS -> true;
                case NEVER -> false;
                case IS_NULL -> value == null;
                case IS_NOT_NULL -> value != null;
                // comparisons with NULL are never true
                case EQUALS, IN -> value != null && condition.values().contains(value);
                case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, NOT_EQUAL -> value != null
                        && condition.kind().holds(source.compare(condition.column(), value,
                                condition.values().get(0)));
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    // ---- INSERT, UPDATE, DELETE ----

    StatementResult modify(Session session, Tokens tokens) {
        if (tokens.accept("INSERT")) {
            tokens.expect("INTO");
            return insert(session, tokens);
        }
        if (tokens.accept("UPDATE")) {
            return update(session, tokens);
        }
        tokens.expect("DELETE");
        tokens.expect("FROM");
        return delete(session, tokens);
    }

    private TableContents target(Session session, Tokens tokens) {
        SqlFrontend.QualifiedName name = SqlFrontend.QualifiedName.parse(tokens, session);
        if (!this.catalog.hasDatabase(name.database())) {
            throw SqlError.unknownDatabaseInAnalysis(name.database());
        }
        return this.catalog.contents(name.database(), name.name())
            .orElseThrow(() -> SqlError.unknownTable(name.display()));
    }

    private StatementResult insert(Session session, Tokens tokens) {
        TableContents table = target(session, tokens);
        // StarRocks.g4 insertStatement: INSERT INTO name [PARTITION (...)] [WITH LABEL label] [(columns)] VALUES ...
        String label = tokens.accept("WITH", "LABEL") ? tokens.identifier() : null;
        List<String> columns = new ArrayList<>();
        if (tokens.acceptSymbol("(")) {
            do {
                String column = tokens.identifier();
                if (table.table().column(column).isEmpty()) {
                    // recorded: sql/sqltests/CASE_173 (insert naming a column the table lacks)
                    throw SqlError.analysis("Unknown column '" + column + "' in '" + table.table().name() + "'.");
                }
                columns.add(column);
            }
            while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
        }
        else {
            table.table().columns().forEach((column) -> columns.add(column.name()));
        }
        String mergeCondition = insertProperties(tokens, table);
        if (!tokens.accept("VALUES") && !tokens.accept("VALUE")) {
            throw tokens.unsupported();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        do {
            tokens.expectSymbol("(");
            List<String> values = new ArrayList<>();
            do {
                if (tokens.accept("DEFAULT")) {
                    // StarRocks.g4 expressionsWithDefault: the column's default, a new id for AUTO_INCREMENT (past
                    // the last column, only the count matters: it is refused below)
                    values.add((values.size() < columns.size()) ? table.defaultValue(columns.get(values.size()))
                            : null);
                }
                else {
                    values.add(literal(tokens));
                }
            }
            while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
            if (values.size() != columns.size()) {
                // recorded: sql/sqltests/CASE_103 (code 5604)
                throw new SqlError(5604, "42601", SqlError.ANALYZING + "Inserted target column count: "
                        + columns.size() + " doesn't match select/value column count: " + values.size() + ".");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(columns.get(i), values.get(i));
            }
            rows.add(row);
        }
        while (tokens.acceptSymbol(","));
        tokens.requireEnd();
        if (label == null) {
            write(tokens, table, rows, List.of(), mergeCondition);
        }
        else if (!this.catalog.stub().writeUnderLabel(table.table().database(), label, table,
                () -> write(tokens, table, rows, List.of(), mergeCondition))) {
            throw SqlError.labelAlreadyUsed(label);
        }
        return StatementResult.ok(rows.size());
    }

    /**
     * The {@code PROPERTIES (...)} of an INSERT before its rows (StarRocks.g4 {@code insertStatement}): the
     * {@code merge_condition} column, which decides as in a Stream Load whether a row replaces the stored one of
     * its key ({@code null} without it). Other properties are not implemented.
     */
    private static String insertProperties(Tokens tokens, TableContents table) {
        if (!tokens.accept("PROPERTIES")) {
            return null;
        }
        tokens.expectSymbol("(");
        String mergeCondition = null;
        do {
            String key = tokens.next().value();
            tokens.expectSymbol("=");
            String value = tokens.next().value();
            if (!key.equalsIgnoreCase("merge_condition")) {
                throw tokens.unsupported();
            }
            if (table.table().column(value).isEmpty()) {
                throw SqlError.analysis("Unknown column '" + value + "' in '" + table.table().name() + "'.");
            }
            mergeCondition = value;
        }
        while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        return mergeCondition;
    }

    private StatementResult update(Session session, Tokens tokens) {
        TableContents table = target(session, tokens);
        requirePrimaryKey(tokens, table);
        tokens.expect("SET");
        Map<String, String> assignments = new LinkedHashMap<>();
        do {
            String column = tokens.identifier();
            if (table.table().column(column).isEmpty()) {
                throw SqlError.analysis("Unknown column '" + column + "' in '" + table.table().name() + "'.");
            }
            tokens.expectSymbol("=");
            assignments.put(column, literal(tokens));
        }
        while (tokens.acceptSymbol(","));
        RowSource source = RowSource.of(table);
        boolean filtered = tokens.isWord("WHERE");
        List<Condition> conditions = where(tokens, source);
        tokens.requireEnd();
        if (!filtered && !updatesByColumn(session, assignments.size(), table.table().columns().size())) {
            throw SqlError.analysis("must specify where clause to prevent full table update.");
        }
        List<Map<String, String>> upserts = new ArrayList<>();
        for (List<String> row : source.rows()) {
            if (matches(row, conditions, source)) {
                Map<String, String> updated = new LinkedHashMap<>();
                for (int i = 0; i < table.table().keyColumns().size(); i++) {
                    updated.put(table.table().keyColumns().get(i), row.get(i));
                }
                updated.putAll(assignments);
                upserts.add(updated);
            }
        }
        write(tokens, table, upserts, List.of(), null);
        return StatementResult.ok(upserts.size());
    }

    /**
     * Whether an UPDATE without WHERE runs as a partial update by column, which {@code UpdateAnalyzer} lets update
     * the whole table: always with {@code partial_update_mode = column}; with {@code auto} when it assigns at most
     * three columns and fewer than 30% of the table's ({@code checkIfUsePartialUpdate}); never with {@code row}.
     */
    private static boolean updatesByColumn(Session session, int assigned, int columns) {
        String mode = session.value(session.variables().find("partial_update_mode"));
        if (mode.equalsIgnoreCase("column")) {
            return true;
        }
        return mode.equalsIgnoreCase("auto") && assigned <= 3 && assigned < columns * 0.3;
    }

    /**
     * DELETE ... WHERE on a PRIMARY KEY table (the matching keys are deleted) or a DUPLICATE KEY table (the matching
     * rows are removed, as {@code DeleteHandler} does with the WHERE's column predicates). Without WHERE both are
     * refused with {@code DeleteAnalyzer}'s messages.
     */
    private StatementResult delete(Session session, Tokens tokens) {
        TableContents table = target(session, tokens);
        KeyModel model = table.table().keyModel();
        if (model != KeyModel.PRIMARY && model != KeyModel.DUPLICATE) {
            throw tokens.unsupported();
        }
        RowSource source = RowSource.of(table);
        boolean filtered = tokens.isWord("WHERE");
        List<Condition> conditions = where(tokens, source);
        tokens.requireEnd();
        if (!filtered) {
            throw SqlError.analysis((model == KeyModel.PRIMARY)
                    ? "Delete must specify where clause to prevent full table delete." : "Where clause is not set.");
        }
        if (model == KeyModel.DUPLICATE) {
            List<String> names = source.columns();
            int deleted = table.removeRows((row) -> matches(names.stream().map(row::get).toList(), conditions,
                    source));
            return StatementResult.ok(deleted);
        }
        List<List<String>> keys = new ArrayList<>();
        for (List<String> row : source.rows()) {
            if (matches(row, conditions, source)) {
                keys.add(row.subList(0, table.table().keyColumns().size()));
            }
        }
        write(tokens, table, List.of(), keys, null);
        return StatementResult.ok(keys.size());
    }

    /** UPDATE and DELETE by arbitrary conditions are implemented for PRIMARY KEY tables only. */
    private static void requirePrimaryKey(Tokens tokens, TableContents table) {
        if (table.table().keyModel() != KeyModel.PRIMARY) {
            throw tokens.unsupported();
        }
    }

    private static void write(Tokens tokens, TableContents table, List<Map<String, String>> upserts,
            List<List<String>> deletes, String mergeCondition) {
        try {
            table.writeRows(upserts, deletes, mergeCondition);
        }
        catch (IllegalArgumentException ex) {
            // StarRocks' INSERT casts and filters values (strict mode); the embedded server refuses instead
            throw SqlError.analysis(ex.getMessage());
        }
    }

    /** {@code LIKE} pattern to regular expression ({@code %}, {@code _}, backslash escapes), case-insensitive. */
    static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            }
            else if (c == '%') {
                regex.append(".*");
            }
            else if (c == '_') {
                regex.append('.');
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** One item of a select list: {@code *}, a count, a column (perhaps through a function) or a constant. */
    private record SelectItem(String label, boolean star, boolean countStar, String column,
            Constants.Expression constant, ColumnFunction function) {
    }

    /** One WHERE predicate on a column ({@code column} -1 for a predicate on constants). */
    private record Condition(int column, Kind kind, List<String> values) {

        enum Kind {

            EQUALS, IN, IS_NULL, IS_NOT_NULL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, NOT_EQUAL,
            /** A predicate on constants only, true for every row. */
            ALWAYS,
            /** A predicate on constants only, false for every row. */
            NEVER;

            /** Whether a comparison holds, given how the row's value compares with the literal. */
            boolean holds(int comparison) {
                return switch (this) {
                    case LESS -> comparison < 0;
                    case LESS_OR_EQUAL -> comparison <= 0;
                    case GREATER -> comparison > 0;
                    case GREATER_OR_EQUAL -> comparison >= 0;
                    case NOT_EQUAL -> comparison != 0;
                    default -> throw new IllegalStateException(name() + " is no comparison");
                };
            }

        }

    }

    /** One ORDER BY key. */
    record Order(int column, boolean descending) {
    }

    /**
     * Rows to query: column names, rows of text cells, and how to compare and convert values of each column.
     */
    interface RowSource {

        List<String> columns();

        List<List<String>> rows();

        /** A literal as the column stores it, for equality with stored values. */
        String stored(int column, String literal);

        Comparator<List<String>> ordering(List<Order> order);

        /** How two non-NULL values of a column compare (by the column's type). */
        int compare(int column, String left, String right);

        /** The MySQL type of a column's cells. */
        int type(int column);

        /** The index of a column by name (any case). */
        default int column(String name, String clause) {
            for (int i = 0; i < columns().size(); i++) {
                if (columns().get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            throw SqlError.analysis("Column '" + name + "' cannot be resolved.");
        }

        /** The rows of a stub table: values compared by column type. */
        static RowSource of(TableContents contents) {
            List<String> names = contents.table().columns().stream().map(StubColumn::name).toList();
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, String> row : contents.rows()) {
                rows.add(new ArrayList<>(row.values()));
            }
            return new RowSource() {

                @Override
                public List<String> columns() {
                    return names;
                }

                @Override
                public List<List<String>> rows() {
                    return rows;
                }

                @Override
                public int type(int column) {
                    return MysqlProtocol.columnType(contents.table().columns().get(column).type());
                }

                @Override
                public String stored(int column, String literal) {
                    if (literal == null) {
                        return null;
                    }
                    try {
                        return contents.storedValue(names.get(column), literal);
                    }
                    catch (IllegalArgumentException ex) {
                        // a literal the column cannot hold equals no stored value
                        return "\u0000" + literal;
                    }
                }

                @Override
                public int compare(int column, String left, String right) {
                    return contents.compareValues(names.get(column), left, right);
                }

                @Override
                public Comparator<List<String>> ordering(List<Order> order) {
                    Comparator<List<String>> comparator = (left, right) -> 0;
                    for (Order key : order) {
                        Comparator<List<String>> byColumn = (left, right) -> contents.compareValues(
                                names.get(key.column()), left.get(key.column()), right.get(key.column()));
                        comparator = comparator.thenComparing(key.descending() ? byColumn.reversed() : byColumn);
                    }
                    return comparator;
                }

            };
        }

        /** Rows of text (information_schema): compared as text, NULL first. */
        static RowSource ofText(List<String> columns, List<List<String>> rows) {
            return new RowSource() {

                @Override
                public List<String> columns() {
                    return columns;
                }

                @Override
                public List<List<String>> rows() {
                    return rows;
                }

                @Override
                public int type(int column) {
                    return MysqlProtocol.TYPE_STRING;
                }

                @Override
                public String stored(int column, String literal) {
                    return literal;
                }

                @Override
                public int compare(int column, String left, String right) {
                    return left.compareTo(right);
                }

                @Override
                public Comparator<List<String>> ordering(List<Order> order) {
                    Comparator<List<String>> comparator = (left, right) -> 0;
                    for (Order key : order) {
                        Comparator<List<String>> byColumn = Comparator.comparing((row) -> row.get(key.column()),
                                Comparator.nullsFirst(Comparator.<String>naturalOrder()));
                        comparator = comparator.thenComparing(key.descending() ? byColumn.reversed() : byColumn);
                    }
                    return comparator;
                }

            };
        }

    }

}
