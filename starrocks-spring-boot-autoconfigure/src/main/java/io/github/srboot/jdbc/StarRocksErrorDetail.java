package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.lang.Nullable;

/**
 * What StarRocks said about a failed statement: the statement (secrets redacted), the server's error code, SQL state
 * and message. Every exception this starter translates or raises carries one ({@link StarRocksError#getDetail()}).
 *
 * @param sql the statement, redacted by {@link SqlRedaction}, or {@code null} when unknown
 * @param errorCode the server's error code, or {@code null} when the server raised no error (an ALTER job that was
 * cancelled or did not finish in time)
 * @param sqlState the SQL state the server returned, or {@code null}
 * @param serverMessage the server's message as returned (for ALTER jobs: the job's {@code Msg}), or {@code null}
 */
public record StarRocksErrorDetail(@Nullable String sql, @Nullable Integer errorCode, @Nullable String sqlState,
        @Nullable String serverMessage) {

    /**
     * Redacts the statement, so that the record never holds a secret.
     */
    public StarRocksErrorDetail {
        sql = SqlRedaction.redact(sql);
    }

    /**
     * The detail of an error the driver reported for {@code sql}.
     */
    static StarRocksErrorDetail of(@Nullable String sql, SQLException cause) {
        return new StarRocksErrorDetail(sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage());
    }

    /**
     * A one-line description for an exception message: the task, the server's message and code, the hint, and the
     * statement when {@code withSql} (Spring's {@code BadSqlGrammarException} appends the statement itself).
     */
    String describe(String task, @Nullable String hint, boolean withSql) {
        StringBuilder message = new StringBuilder(task).append(": ");
        message.append((this.serverMessage != null && !this.serverMessage.isBlank()) ? this.serverMessage
                : "(no server message)");
        if (this.errorCode != null) {
            message.append(" [StarRocks error ").append(this.errorCode);
            if (this.sqlState != null) {
                message.append(", SQL state ").append(this.sqlState);
            }
            message.append(']');
        }
        if (hint != null) {
            message.append(". ").append(hint);
        }
        if (withSql && this.sql != null) {
            message.append("; SQL [").append(this.sql).append(']');
        }
        return message.toString();
    }

}
