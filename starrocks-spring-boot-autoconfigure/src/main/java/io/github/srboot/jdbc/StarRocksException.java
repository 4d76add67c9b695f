package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.lang.Nullable;

/**
 * A failure reported by StarRocks, keeping the statement, the server's error code and the server's own message.
 *
 * <p>Subtypes name the failures callers act on (object exists / not found, schema change in progress, unsupported
 * ALTER, access denied, syntax, ALTER job cancelled or timed out); anything else StarRocks refuses is a plain
 * {@code StarRocksException}. Produced by {@link StarRocksSqlExceptionTranslator}, so a {@code JdbcTemplate} using
 * that translator throws them too. Statements are redacted ({@link SqlRedaction}) before they are kept.
 */
public class StarRocksException extends NonTransientDataAccessException {

    @Nullable
    private final String sql;

    @Nullable
    private final Integer errorCode;

    @Nullable
    private final String sqlState;

    @Nullable
    private final String serverMessage;

    /**
     * Wraps an error the server returned for a statement.
     * @param task what was being done, e.g. {@code "StarRocksTemplate.execute"}
     * @param sql the statement (redacted before it is kept), or {@code null} when unknown
     * @param cause the driver's exception carrying the server's code, SQL state and message
     */
    public StarRocksException(String task, @Nullable String sql, SQLException cause) {
        this(task, sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage(), null, cause);
    }

    /**
     * Describes a failure with explicit parts; {@code errorCode} is {@code null} when the server raised no error
     * (for example an ALTER job that was cancelled or did not finish in time).
     */
    protected StarRocksException(String task, @Nullable String sql, @Nullable Integer errorCode,
            @Nullable String sqlState, @Nullable String serverMessage, @Nullable String hint,
            @Nullable Throwable cause) {
        super(describe(task, SqlRedaction.redact(sql), errorCode, sqlState, serverMessage, hint), cause);
        this.sql = SqlRedaction.redact(sql);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    /**
     * The statement that failed (secrets redacted), or {@code null} when unknown.
     */
    @Nullable
    public String getSql() {
        return this.sql;
    }

    /**
     * The server's error code (MySQL protocol, e.g. 1050 or StarRocks' own 5xxx codes), or {@code null} when the
     * failure was not an error returned by the server.
     */
    @Nullable
    public Integer getErrorCode() {
        return this.errorCode;
    }

    /**
     * The SQL state the server returned, or {@code null}.
     */
    @Nullable
    public String getSqlState() {
        return this.sqlState;
    }

    /**
     * The server's message exactly as it was returned (for ALTER jobs: the job's {@code Msg}), or {@code null}.
     */
    @Nullable
    public String getServerMessage() {
        return this.serverMessage;
    }

    private static String describe(String task, @Nullable String sql, @Nullable Integer errorCode,
            @Nullable String sqlState, @Nullable String serverMessage, @Nullable String hint) {
        StringBuilder message = new StringBuilder(task).append(": ");
        message.append((serverMessage != null && !serverMessage.isBlank()) ? serverMessage : "(no server message)");
        if (errorCode != null) {
            message.append(" [StarRocks error ").append(errorCode);
            if (sqlState != null) {
                message.append(", SQL state ").append(sqlState);
            }
            message.append(']');
        }
        if (hint != null) {
            message.append(". ").append(hint);
        }
        if (sql != null) {
            message.append("; SQL [").append(sql).append(']');
        }
        return message.toString();
    }

}
