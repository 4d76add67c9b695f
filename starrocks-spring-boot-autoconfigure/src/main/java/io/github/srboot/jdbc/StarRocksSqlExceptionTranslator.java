package io.github.srboot.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.lang.Nullable;

/**
 * Spring {@link SQLExceptionTranslator} for StarRocks: errors it recognises become exceptions of Spring's own
 * hierarchy carrying the StarRocks detail ({@link StarRocksError}); everything else keeps Spring's translation.
 *
 * <ul>
 * <li>syntax errors, unknown or existing objects and ALTERs StarRocks cannot apply: {@code BadSqlGrammarException}
 * subclasses ({@link StarRocksSyntaxException}, {@link StarRocksObjectNotFoundException},
 * {@link StarRocksObjectExistsException}, {@link StarRocksUnsupportedAlterException});</li>
 * <li>access denied: {@link StarRocksAccessDeniedException}, a {@code PermissionDeniedDataAccessException};</li>
 * <li>a schema change in progress and other states that pass: {@link StarRocksSchemaChangeInProgressException} and
 * {@link StarRocksBusyException}, {@code TransientDataAccessException}s;</li>
 * <li>any other server error, and failures the server did not report (lost connections, timeouts, driver errors
 * without a vendor code): the fallback translator's result, unchanged.</li>
 * </ul>
 *
 * <p>Created {@linkplain #StarRocksSqlExceptionTranslator(DataSource) for a DataSource} (as the auto-configuration
 * does for the application's {@code JdbcTemplate}), it checks once that the DataSource really is StarRocks
 * ({@link StarRocksDetection}) and otherwise hands every error to the translator a
 * {@code JdbcTemplate} on that DataSource uses by default, so an application whose DataSource is not StarRocks keeps
 * exactly Spring's translation.
 */
public final class StarRocksSqlExceptionTranslator implements SQLExceptionTranslator {

    private static final Log logger = LogFactory.getLog(StarRocksSqlExceptionTranslator.class);

    private final SQLExceptionTranslator fallback;

    @Nullable
    private final DataSource dataSource;

    /** Where {@link #dataSource} points, for the one log line saying it could not be asked; may be {@code null}. */
    @Nullable
    private final String url;

    /** Whether {@link #dataSource} is StarRocks; {@code null} until known. */
    @Nullable
    private volatile Boolean starRocks;

    /** Whether the log has said once that the DataSource could not be asked. */
    private final AtomicBoolean saidUnknown = new AtomicBoolean();

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
        this.url = null;
        this.starRocks = Boolean.TRUE;
    }

    /**
     * Translates server errors only once {@code dataSource} has been found to be StarRocks; errors of any other
     * database go to Spring's default translator for that DataSource.
     */
    public StarRocksSqlExceptionTranslator(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * Translates server errors only once {@code dataSource} has been found to be StarRocks, like
     * {@link #StarRocksSqlExceptionTranslator(DataSource)}.
     * @param url the JDBC URL of {@code dataSource}, named in the one log line saying it could not be asked
     */
    public StarRocksSqlExceptionTranslator(DataSource dataSource, @Nullable String url) {
        // JdbcTemplate picks Spring's default for a DataSource (error codes when the application provides an
        // sql-error-codes.xml, SQLException subclasses otherwise): ask it rather than repeat its rule.
        this.fallback = new JdbcTemplate(dataSource).getExceptionTranslator();
        this.dataSource = dataSource;
        this.url = url;
    }

    @Override
    @Nullable
    public DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        SQLException serverError = findServerError(ex);
        if (serverError != null && isStarRocks()) {
            DataAccessException translated = StarRocksErrorKind
                .classify(serverError.getErrorCode(), serverError.getMessage())
                .toException(task, sql, serverError);
            if (translated != null) {
                return translated;
            }
            // Spring's exceptions print the statement: hand them the redacted one.
            return this.fallback.translate(task, SqlRedaction.redact(sql), ex);
        }
        // A failure without a server error (a lost connection) of a DataSource already known to be StarRocks still
        // prints the statement: redact it too. Of other databases the statement is left as Spring shows it.
        String shown = Boolean.TRUE.equals(this.starRocks) ? SqlRedaction.redact(sql) : sql;
        return this.fallback.translate(task, shown, ex);
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
            StarRocksDetection.Server server = StarRocksDetection.detect(connection);
            boolean isStarRocks = server.starRocks();
            if (!isStarRocks) {
                logger.debug("The DataSource is not StarRocks (@@version_comment: " + server.versionComment()
                        + "): its errors keep Spring's translation");
            }
            this.starRocks = isStarRocks;
            return isStarRocks;
        }
        catch (SQLException | RuntimeException ex) {
            if (this.saidUnknown.compareAndSet(false, true)) {
                logger.info("Could not tell whether the DataSource" + ((this.url != null) ? " " + this.url : "")
                        + " is StarRocks (" + ex.getMessage() + "); its errors keep Spring's translation until it "
                        + "can be asked");
            }
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
