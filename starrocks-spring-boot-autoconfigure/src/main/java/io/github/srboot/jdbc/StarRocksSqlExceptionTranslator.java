package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.lang.Nullable;

/**
 * Spring {@link SQLExceptionTranslator} that turns errors returned by StarRocks into {@link StarRocksException} and
 * its subtypes.
 *
 * <p>Set it on a {@code JdbcTemplate} ({@code setExceptionTranslator}) to get the same exceptions as
 * {@link StarRocksTemplate}; the auto-configuration exposes it as a bean, which Spring Boot applies to its own
 * {@code JdbcTemplate} when StarRocks is the application's DataSource. Failures the server did not report (lost
 * connections, timeouts, driver errors without a vendor code) go to the fallback translator, so they keep Spring's
 * usual meaning ({@code DataAccessResourceFailureException}, {@code QueryTimeoutException}, ...).
 */
public final class StarRocksSqlExceptionTranslator implements SQLExceptionTranslator {

    private final SQLExceptionTranslator fallback;

    /**
     * Uses Spring's {@link SQLExceptionSubclassTranslator} for failures StarRocks did not report.
     */
    public StarRocksSqlExceptionTranslator() {
        this(new SQLExceptionSubclassTranslator());
    }

    /**
     * @param fallback translates failures that carry no StarRocks error code
     */
    public StarRocksSqlExceptionTranslator(SQLExceptionTranslator fallback) {
        this.fallback = fallback;
    }

    @Override
    @Nullable
    public DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        SQLException serverError = findServerError(ex);
        if (serverError == null) {
            return this.fallback.translate(task, sql, ex);
        }
        return StarRocksErrorKind.classify(serverError.getErrorCode(), serverError.getMessage())
                .toException(task, sql, serverError);
    }

    /**
     * The first exception in the chain that the server raised: a vendor code is set and the SQL state is not a
     * connection failure (class 08), which the driver also reports with codes.
     */
    @Nullable
    private static SQLException findServerError(SQLException ex) {
        for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                String state = sql.getSQLState();
                return (state != null && state.startsWith("08")) ? null : sql;
            }
        }
        return null;
    }

}
