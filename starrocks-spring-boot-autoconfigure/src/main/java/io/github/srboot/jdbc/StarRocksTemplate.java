package io.github.srboot.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * The one object to inject for StarRocks DDL over JDBC: executes statements from the {@code ddl} model, reflects a
 * database back into that model, and waits for StarRocks' asynchronous ALTER jobs. Thread-safe; create it once.
 *
 * <p>Every statement is logged at DEBUG (secrets redacted) and failures are {@link StarRocksException}s. A
 * statement refused because a schema change is running on its table is retried after that job ends, up to
 * {@link AlterJobPolling#timeout()}.
 */
public final class StarRocksTemplate {

    private static final Log logger = LogFactory.getLog(StarRocksTemplate.class);

    private final JdbcTemplate jdbcTemplate;

    private final AlterJobWatcher alterJobs;

    /**
     * A template over a StarRocks DataSource, with the default ALTER job polling.
     */
    public StarRocksTemplate(DataSource dataSource) {
        this(dataSource, AlterJobPolling.defaults());
    }

    /**
     * A template over a StarRocks DataSource.
     * @param polling how to wait for asynchronous ALTER jobs
     */
    public StarRocksTemplate(DataSource dataSource, AlterJobPolling polling) {
        this(createJdbcTemplate(dataSource), polling, PollTimer.system());
    }

    StarRocksTemplate(JdbcTemplate jdbcTemplate, AlterJobPolling polling, PollTimer timer) {
        Assert.notNull(jdbcTemplate, "jdbcTemplate must not be null");
        Assert.notNull(polling, "polling must not be null");
        this.jdbcTemplate = jdbcTemplate;
        this.alterJobs = new AlterJobWatcher(jdbcTemplate, polling, timer);
    }

    private static JdbcTemplate createJdbcTemplate(DataSource dataSource) {
        Assert.notNull(dataSource, "dataSource must not be null");
        JdbcTemplate jdbcTemplate = new JdbcTemplate(dataSource);
        jdbcTemplate.setExceptionTranslator(new StarRocksSqlExceptionTranslator());
        return jdbcTemplate;
    }

    /**
     * The {@code JdbcOperations} this template runs on; its exceptions are translated to
     * {@link StarRocksException}s as well.
     */
    public JdbcOperations getJdbcOperations() {
        return this.jdbcTemplate;
    }

    /**
     * How this template waits for ALTER jobs.
     */
    public AlterJobPolling getAlterJobPolling() {
        return this.alterJobs.polling();
    }

    /**
     * Executes a statement as written (for statements the {@code ddl} model does not cover). A statement refused
     * because a schema change runs on the table named in the server's message is retried once that job ends.
     * @throws StarRocksException when StarRocks refuses it
     */
    public void execute(String sql) {
        Assert.hasText(sql, "sql must not be empty");
        run(null, null, sql);
    }

    /**
     * Waits until the newest {@code COLUMN}, {@code OPTIMIZE} and {@code ROLLUP} jobs on a table have ended,
     * polling every {@link AlterJobPolling#pollInterval()}.
     * @return the jobs that ended (at most one per kind; empty when the table never had an ALTER job)
     * @throws StarRocksAlterJobCancelledException when the newest job was cancelled (carries its {@code Msg})
     * @throws StarRocksAlterJobTimeoutException when a job still runs after {@code timeout} (carries its last
     * state and progress)
     */
    public List<AlterJob> awaitAlterJobs(String database, String table, Duration timeout) {
        Assert.hasText(database, "database must not be empty");
        Assert.hasText(table, "table must not be empty");
        Assert.isTrue(timeout != null && !timeout.isNegative(), "timeout must be zero or positive");
        return this.alterJobs.await(database, table, timeout, Map.of(), true);
    }

    /**
     * {@link #awaitAlterJobs(String, String, Duration)} with {@link AlterJobPolling#timeout()}.
     */
    public List<AlterJob> awaitAlterJobs(String database, String table) {
        return awaitAlterJobs(database, table, this.alterJobs.polling().timeout());
    }

    /**
     * Runs one statement: logs it, retries it while a schema change blocks it.
     */
    private void run(@Nullable String database, @Nullable String table, String sql) {
        if (logger.isDebugEnabled()) {
            logger.debug("Executing StarRocks statement: " + SqlRedaction.redact(sql));
        }
        this.alterJobs.runRetryingWhileSchemaChangeRuns(database, table, () -> this.jdbcTemplate.execute(sql));
    }

}
