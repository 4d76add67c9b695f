package io.github.srboot.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.lang.Nullable;

/**
 * Spring {@link SQLExceptionTranslator} that turns errors returned by StarRocks into {@link StarRocksException} and
 * its subtypes.
 *
 * <p>Set it on a {@code JdbcTemplate} ({@code setExceptionTranslator}) to get the same exceptions as
 * {@link StarRocksTemplate}. Failures the server did not report (lost connections, timeouts, driver errors without
 * a vendor code) go to the fallback translator, so they keep Spring's usual meaning
 * ({@code DataAccessResourceFailureException}, {@code QueryTimeoutException}, ...).
 *
 * <p>Created {@linkplain #StarRocksSqlExceptionTranslator(DataSource) for a DataSource} (as the auto-configuration
 * does for the application's {@code JdbcTemplate}), it first checks once that the DataSource really is StarRocks
 * ({@code @@version_comment} names StarRocks), and leaves every error of another database to the fallback, so that
 * an application whose own DataSource is not StarRocks keeps Spring's translation.
 */
public final class StarRocksSqlExceptionTranslator implements SQLExceptionTranslator {

    private static final Log logger = LogFactory.getLog(StarRocksSqlExceptionTranslator.class);

    static final String VERSION_COMMENT_QUERY = "SELECT @@version_comment";

    private final SQLExceptionTranslator fallback;

    @Nullable
    private final DataSource dataSource;

    /** Whether {@link #dataSource} is StarRocks; {@code null} until known. */
    @Nullable
    private volatile Boolean starRocks;

    /**
     * Translates every server error; for JDBC access known to reach StarRocks. Uses Spring's
     * {@link SQLExceptionSubclassTranslator} for failures StarRocks did not report.
     */
    public StarRocksSqlExceptionTranslator() {
        this(new SQLExceptionSubclassTranslator());
    }

    /**
     * Translates every server error; for JDBC access known to reach StarRocks.
     * @param fallback translates failures that carry no StarRocks error code
     */
    public StarRocksSqlExceptionTranslator(SQLExceptionTranslator fallback) {
        this.fallback = fallback;
        this.dataSource = null;
        this.starRocks = Boolean.TRUE;
    }

    /**
     * Translates server errors only once {@code dataSource} has been found to be StarRocks; errors of any other
     * database go to Spring's {@link SQLExceptionSubclassTranslator}.
     */
    public StarRocksSqlExceptionTranslator(DataSource dataSource) {
        this.fallback = new SQLExceptionSubclassTranslator();
        this.dataSource = dataSource;
    }

    @Override
    @Nullable
    public DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        SQLException serverError = findServerError(ex);
        if (serverError == null || !isStarRocks()) {
            return this.fallback.translate(task, sql, ex);
        }
        return StarRocksErrorKind.classify(serverError.getErrorCode(), serverError.getMessage())
            .toException(task, sql, serverError);
    }

    /**
     * Whether the DataSource is StarRocks, asked once; while the question cannot be answered (connection
     * failure), errors go to the fallback and it is asked again next time.
     */
    private boolean isStarRocks() {
        Boolean known = this.starRocks;
        if (known != null) {
            return known;
        }
        Connection connection = null;
        try {
            connection = DataSourceUtils.getConnection(this.dataSource);
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(VERSION_COMMENT_QUERY)) {
                String versionComment = result.next() ? result.getString(1) : null;
                boolean isStarRocks = versionComment != null && versionComment.contains("StarRocks");
                if (!isStarRocks) {
                    logger.debug("The DataSource is not StarRocks (@@version_comment: " + versionComment
                            + "): its errors keep Spring's translation");
                }
                this.starRocks = isStarRocks;
                return isStarRocks;
            }
        }
        catch (SQLException | RuntimeException ex) {
            logger.debug("Could not tell whether the DataSource is StarRocks: " + ex.getMessage());
            return false;
        }
        finally {
            DataSourceUtils.releaseConnection(connection, this.dataSource);
        }
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
