package io.github.srboot.test.streamload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DdlLexer;
import io.github.srboot.ddl.DefaultValue;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.Token;

/**
 * Turns the starter's DDL model, or a script of StarRocks DDL, into stub tables.
 */
public final class DdlTables {

    private DdlTables() {
    }

    /**
     * The stub table for a {@code ddl} model table in the given database: same columns (type, nullability,
     * default, aggregation) and key model. Views, partitions, distribution and properties do not matter to loads.
     *
     * @throws IllegalArgumentException for what the stub cannot emulate (generated columns,
     * HLL/BITMAP/PERCENTILE unions, default expressions other than uuid() and uuid_numeric()), naming the column
     */
    public static StubTable from(String database, Table table) {
        StubTable.Builder builder = StubTable.builder(database, table.name());
        for (Column column : table.columns()) {
            builder.column(stubColumn(table, column));
        }
        if (table.keys() != null) {
            builder.key(KeyModel.valueOf(table.keys().type().name()),
                    table.keys().columns().toArray(new String[0]));
        }
        builder.sortKey(table.orderBy().toArray(String[]::new));
        return builder.build();
    }

    /**
     * The tables of a DDL script: {@code CREATE TABLE} statements, placed in the database named by the last
     * {@code CREATE DATABASE} or {@code USE} before them, or in {@code defaultDatabase}. Views and materialized
     * views are skipped: nothing is loaded into them.
     *
     * @throws IllegalArgumentException when a table has no database, or for what {@link #from} refuses
     * @throws io.github.srboot.ddl.DdlSyntaxException when the script is not valid StarRocks DDL
     */
    public static List<StubTable> fromScript(String script, String defaultDatabase) {
        List<StubTable> tables = new ArrayList<>();
        String database = defaultDatabase;
        for (String statement : statements(script)) {
            List<Token> tokens = DdlLexer.tokenize(statement);
            String named = databaseNamedBy(tokens);
            if (named != null) {
                database = named;
                continue;
            }
            if (tokens.isEmpty() || tokens.get(0).kind() == Token.Kind.END) {
                continue;
            }
            for (SchemaObject object : Ddl.parse(statement)) {
                if (object instanceof Table table) {
                    if (database == null) {
                        throw new IllegalArgumentException("Table '" + table.name()
                                + "' has no database: add a CREATE DATABASE or USE line before it, or --database");
                    }
                    tables.add(from(database, table));
                }
            }
        }
        return tables;
    }

    private static StubColumn stubColumn(Table table, Column column) {
        String where = "column '" + column.name() + "' of table '" + table.name() + "'";
        if (column.generatedAs() != null) {
            throw new IllegalArgumentException("The stub does not compute generated values: " + where);
        }
        StubColumn stub = StubColumn.of(column.name(), column.type().sql());
        if (column.autoIncrement()) {
            // an AUTO_INCREMENT column is a BIGINT NOT NULL without DEFAULT (the DDL model checks it)
            return stub.notNull().withDefault(StubColumn.AUTO_INCREMENT);
        }
        if (Boolean.FALSE.equals(column.nullable())) {
            stub = stub.notNull();
        }
        String defaultValue = stubDefault(column.defaultValue(), where);
        if (defaultValue != null) {
            stub = stub.withDefault(defaultValue);
        }
        boolean keyed = table.keys() != null && (table.keys().type() == io.github.srboot.ddl.KeysType.UNIQUE
                || table.keys().type() == io.github.srboot.ddl.KeysType.PRIMARY);
        if (keyed && column.aggregation() == io.github.srboot.ddl.AggregationType.REPLACE) {
            // REPLACE written on a UNIQUE / PRIMARY KEY value column is what those models do anyway: the FE takes it
            // and prints it without the REPLACE (show-create altered/1066, 1068)
            return stub;
        }
        if (column.aggregation() != null) {
            try {
                stub = stub.aggregate(AggregateType.valueOf(column.aggregation().name()));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("The stub does not implement " + column.aggregation() + ": "
                        + where, ex);
            }
        }
        return stub;
    }

    private static String stubDefault(DefaultValue value, String where) {
        if (value == null || value instanceof DefaultValue.Null) {
            return null;
        }
        if (value instanceof DefaultValue.Literal literal) {
            return literal.value();
        }
        if (value instanceof DefaultValue.CurrentTimestamp) {
            return StubColumn.CURRENT_TIMESTAMP;
        }
        String expression = ((DefaultValue.Expression) value).expression().replace(" ", "").toLowerCase(Locale.ROOT);
        return switch (expression) {
            case "uuid()" -> StubColumn.UUID;
            case "uuid_numeric()" -> StubColumn.UUID_NUMERIC;
            default -> throw new IllegalArgumentException("The stub cannot evaluate the default expression '"
                    + expression + "' of " + where);
        };
    }

    /** Splits a script at top-level semicolons (the lexer keeps quoted text and comments out of the way). */
    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        for (Token token : DdlLexer.tokenize(script)) {
            if (token.isSymbol(";")) {
                statements.add(script.substring(start, token.offset()));
                start = token.endOffset();
            }
        }
        statements.add(script.substring(start));
        return statements;
    }

    /** The database of {@code USE db} or {@code CREATE DATABASE [IF NOT EXISTS] db}, else {@code null}. */
    private static String databaseNamedBy(List<Token> tokens) {
        int i = 0;
        if (tokens.size() > 1 && tokens.get(0).isWord("USE") && tokens.get(1).isIdentifier()) {
            return tokens.get(1).value();
        }
        if (tokens.size() > 2 && tokens.get(0).isWord("CREATE")
                && (tokens.get(1).isWord("DATABASE") || tokens.get(1).isWord("SCHEMA"))) {
            i = 2;
            if (tokens.size() > i + 2 && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")
                    && tokens.get(i + 2).isWord("EXISTS")) {
                i += 3;
            }
            if (tokens.size() > i && tokens.get(i).isIdentifier()) {
                return tokens.get(i).value();
            }
        }
        return null;
    }

}
