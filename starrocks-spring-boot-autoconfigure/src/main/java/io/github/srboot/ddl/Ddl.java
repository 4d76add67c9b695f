package io.github.srboot.ddl;

import java.util.List;
import java.util.StringJoiner;

/**
 * The entry points of the ddl package: render schema objects and statements to StarRocks SQL, and quote names and
 * values for the other packages. All SQL text with a user-supplied name or value is produced here.
 */
public final class Ddl {

    private Ddl() {
    }

    /**
     * The {@code CREATE} statement of a schema object, unqualified, without trailing {@code ;}.
     * @param object the table, view or materialized view
     * @return the statement
     */
    public static String render(SchemaObject object) {
        return DdlPrinter.create(object);
    }

    /**
     * Parses a script of {@code CREATE TABLE}, {@code CREATE VIEW} and {@code CREATE MATERIALIZED VIEW} statements,
     * as users write them or as {@code SHOW CREATE} prints them.
     * @param sql the script (statements separated by {@code ;}, comments allowed)
     * @return the schema objects in script order
     * @throws DdlSyntaxException when the text is not valid DDL, naming line, column and token
     * @throws DdlValidationException when a statement breaks a semantic rule
     */
    public static java.util.List<SchemaObject> parse(String sql) {
        return DdlParser.parse(sql);
    }

    /**
     * Parses {@code CREATE TABLE}, {@code CREATE VIEW} and {@code CREATE MATERIALIZED VIEW} statements like
     * {@link #parse(String)}, keeping what {@code parse} leaves out: each statement's database qualifier
     * ({@code CREATE TABLE db.t}), {@code IF NOT EXISTS} and {@code OR REPLACE}.
     * @param sql the script
     * @return the statements in script order
     * @throws DdlSyntaxException when the text is not valid DDL of the supported statements
     * @throws DdlValidationException when a statement breaks a semantic rule of the model
     */
    public static List<CreateObject> parseStatements(String sql) {
        return DdlParser.parseCreate(sql);
    }

    /**
     * Any DDL statement of the model, without trailing {@code ;}.
     * @param statement the statement
     * @return the statement text
     */
    public static String render(DdlStatement statement) {
        return DdlPrinter.statement(statement);
    }

    /**
     * A script of statements, each ended by {@code ;} and a newline, separated by a blank line; ready for a migration
     * file or a multi-statement execution.
     * @param statements the statements in order
     * @return the script, empty for no statements
     */
    public static String renderScript(List<? extends DdlStatement> statements) {
        StringJoiner script = new StringJoiner("\n");
        for (DdlStatement statement : statements) {
            script.add(render(statement) + ";\n");
        }
        return script.toString();
    }

    /**
     * A column type as SQL, e.g. {@code ARRAY<VARCHAR(20)>}.
     * @param type the type
     * @return the type text
     */
    public static String render(DataType type) {
        return DdlPrinter.type(type);
    }

    /**
     * A backquoted identifier ({@code `na``me`}), safe to splice into SQL.
     * @param name the identifier
     * @return the quoted identifier
     * @throws DdlValidationException when the name is empty or contains control characters
     */
    public static String quoteIdentifier(String name) {
        return DdlPrinter.identifier(name);
    }

    /**
     * A double-quoted, backslash-escaped string literal, safe to splice into SQL.
     * @param value the value
     * @return the literal
     */
    public static String quoteString(String value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot quote a null string; render SQL NULL explicitly");
        }
        return DdlPrinter.string(value);
    }

}
