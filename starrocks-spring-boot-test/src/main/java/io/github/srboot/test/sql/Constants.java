package io.github.srboot.test.sql;

import io.github.srboot.ddl.Token;

/**
 * The expressions of a SELECT without FROM the embedded FE evaluates: system variables ({@code @@name},
 * {@code @@session.name}, {@code @@global.name}), literals, and the information functions of StarRocks'
 * {@code ExpressionAnalyzer.visitInformationFunction} ({@code DATABASE()}, {@code SCHEMA()}, {@code USER()},
 * {@code CURRENT_USER()}, {@code CONNECTION_ID()}) plus {@code VERSION()} and {@code CURRENT_VERSION()}.
 */
final class Constants {

    private Constants() {
    }

    /** A parsed select expression. */
    sealed interface Expression permits Variable, Function, Literal, ColumnReference {
    }

    /** {@code @@[scope.]name}. */
    record Variable(String name, boolean global) implements Expression {
    }

    /** {@code name()} without arguments. */
    record Function(String name) implements Expression {
    }

    /** A literal; {@code null} text for NULL. */
    record Literal(String text) implements Expression {
    }

    /** A bare identifier: a column of the FROM table. */
    record ColumnReference(String name) implements Expression {
    }

    static Expression parse(Tokens tokens) {
        Token token = tokens.peek();
        if (token.isSymbol("@")) {
            tokens.next();
            tokens.expectSymbol("@");
            boolean global = false;
            if (tokens.peek(1).isSymbol(".")
                    && (tokens.isWord("session") || tokens.isWord("local") || tokens.isWord("global"))) {
                global = tokens.next().isWord("global");
                tokens.next();
            }
            return new Variable(tokens.identifier(), global);
        }
        if (token.kind() == Token.Kind.WORD && tokens.peek(1).isSymbol("(")) {
            tokens.next();
            tokens.next();
            tokens.expectSymbol(")");
            return new Function(token.value());
        }
        if (token.isIdentifier() && !token.isWord("NULL") && !token.isWord("TRUE") && !token.isWord("FALSE")) {
            tokens.next();
            return new ColumnReference(token.value());
        }
        return new Literal(TableQueries.literal(tokens));
    }

    /** The text the FE answers for an expression. */
    static String evaluate(Session session, Expression expression, Tokens tokens) {
        if (expression instanceof Variable variable) {
            // VariableMgr.getValue: an unknown name is ERR_UNKNOWN_SYSTEM_VARIABLE
            Variables.Definition definition = session.variables().find(variable.name());
            if (definition == null) {
                throw SqlError.unknownVariable(variable.name());
            }
            String value = variable.global() ? definition.defaultValue() : session.value(definition);
            return Variables.selectText(definition, value);
        }
        if (expression instanceof Literal literal) {
            return literal.text();
        }
        if (expression instanceof Function function) {
            return switch (function.name().toUpperCase(java.util.Locale.ROOT)) {
                // ExpressionAnalyzer.visitInformationFunction
                case "DATABASE", "SCHEMA" -> session.database();
                case "USER" -> userIdentity(session.user(), session.remoteAddress());
                case "CURRENT_USER" -> userIdentity(session.user(), "%");
                case "CONNECTION_ID" -> Integer.toString(session.connectionId());
                // version(): Config.mysql_server_version, like @@version
                case "VERSION" -> session.value(session.variables().find("version"));
                // be/src/exprs/utility_functions.cpp: "<version> <commit>", run on a BE
                case "CURRENT_VERSION" -> session.currentVersion();
                default -> throw tokens.unsupported();
            };
        }
        throw tokens.unsupported();
    }

    /** {@code UserIdentity.toString()}: {@code 'user'@'host'}. */
    private static String userIdentity(String user, String host) {
        return "'" + user + "'@'" + host + "'";
    }

}
