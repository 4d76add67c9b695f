package io.github.srboot.jdbc;

import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * Removes secrets from SQL text before it reaches a log line or an exception message.
 *
 * <p>StarRocks statements can carry credentials: {@code CREATE USER ... IDENTIFIED BY 'x'}, {@code SET PASSWORD},
 * and catalog or resource properties such as {@code "jdbc.password" = "x"} or {@code "aws.s3.secret_key" = "x"}.
 * Their values are replaced by {@code ******}; the rest of the statement is kept so the message stays useful.
 */
final class SqlRedaction {

    static final String MASK = "******";

    /** A quoted property whose key names a secret, e.g. {@code "jdbc.password" = "x"}. */
    private static final Pattern SECRET_PROPERTY = Pattern.compile(
            "([\"'`][^\"'`]*(?:password|passwd|secret|token|credential|access[._-]?key)[^\"'`]*[\"'`]\\s*=\\s*)"
                    + "(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')",
            Pattern.CASE_INSENSITIVE);

    /** {@code IDENTIFIED BY [PASSWORD] 'x'}, {@code PASSWORD('x')} and {@code SET PASSWORD ... = 'x'}. */
    private static final Pattern PASSWORD_CLAUSE = Pattern.compile(
            "((?:IDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?(?:BY|AS)\\s+(?:PASSWORD\\s+)?|PASSWORD\\s*\\(\\s*"
                    + "|SET\\s+PASSWORD\\b[^=]*=\\s*(?:PASSWORD\\s*\\(\\s*)?))"
                    + "(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')",
            Pattern.CASE_INSENSITIVE);

    private SqlRedaction() {
    }

    /**
     * The statement with secret values masked, or {@code null} for {@code null}.
     */
    @Nullable
    static String redact(@Nullable String sql) {
        if (sql == null) {
            return null;
        }
        String redacted = SECRET_PROPERTY.matcher(sql).replaceAll("$1\"" + MASK + "\"");
        return PASSWORD_CLAUSE.matcher(redacted).replaceAll("$1'" + MASK + "'");
    }

}
