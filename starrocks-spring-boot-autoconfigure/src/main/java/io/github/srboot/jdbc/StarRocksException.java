package io.github.srboot.jdbc;

import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.lang.Nullable;

/**
 * A failure this starter raises itself rather than translates from a server error: an asynchronous ALTER job that
 * was cancelled or did not finish in time, or a definition reflection could not read.
 *
 * <p>Errors the server returns for a statement are translated by {@link StarRocksSqlExceptionTranslator} into
 * exceptions of Spring's own hierarchy that implement {@link StarRocksError} as this one does. Statements are
 * redacted ({@link SqlRedaction}) before they are kept.
 */
public class StarRocksException extends NonTransientDataAccessException implements StarRocksError {

    private final StarRocksErrorDetail detail;

    /**
     * Describes a failure with explicit parts; {@code errorCode} is {@code null} when the server raised no error.
     * @param task what was being done, e.g. {@code "StarRocksTemplate.execute"}
     * @param sql the statement (redacted before it is kept), or {@code null} when unknown
     * @param hint what to do next, or {@code null}
     */
    protected StarRocksException(String task, @Nullable String sql, @Nullable Integer errorCode,
            @Nullable String sqlState, @Nullable String serverMessage, @Nullable String hint,
            @Nullable Throwable cause) {
        this(new StarRocksErrorDetail(sql, errorCode, sqlState, serverMessage), task, hint, cause);
    }

    private StarRocksException(StarRocksErrorDetail detail, String task, @Nullable String hint,
            @Nullable Throwable cause) {
        super(detail.describe(task, hint, true), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
