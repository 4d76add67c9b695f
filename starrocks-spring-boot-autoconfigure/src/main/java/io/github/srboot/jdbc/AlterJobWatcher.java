package io.github.srboot.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.lang.Nullable;

/**
 * Polls {@code SHOW ALTER TABLE COLUMN | OPTIMIZE | ROLLUP} until a table's newest jobs end, and retries statements
 * StarRocks refused because a schema change was running.
 */
final class AlterJobWatcher {

    private static final Log logger = LogFactory.getLog(StarRocksTemplate.class);

    /**
     * The table named in "being altered" refusals, in the spellings StarRocks versions use: quoted up to 3.4
     * ({@code on the table "t". Please wait}), bare since 3.5 ({@code on the table t. Please wait}; the name ends
     * at the dot before the blank), and the older {@code Table[t]'s state is not NORMAL}.
     */
    private static final Pattern REFUSED_TABLE = Pattern.compile(
            "on the table (?:\"([^\"]+)\"|(\\S+?))\\.(?:\\s|$)|The table (?:\"([^\"]+)\"|(\\S+)) is being altered"
                    + "|Table\\[([^\\]]+)\\]'s state|state is not NORMAL: '([^']+)'");

    private final JdbcOperations jdbc;

    private final AlterJobPolling polling;

    private final PollTimer timer;

    AlterJobWatcher(JdbcOperations jdbc, AlterJobPolling polling, PollTimer timer) {
        this.jdbc = jdbc;
        this.polling = polling;
        this.timer = timer;
    }

    AlterJobPolling polling() {
        return this.polling;
    }

    /**
     * The newest job of a kind on a table, if there is one. A server too old to know {@code SHOW ALTER TABLE
     * OPTIMIZE} (it refuses the syntax) cannot have such jobs: none is reported.
     */
    Optional<AlterJob> newestJob(AlterJobType type, @Nullable String database, String table) {
        String sql = ShowStatements.showAlterJobs(type, database, table);
        List<Map<String, Object>> rows;
        try {
            rows = this.jdbc.queryForList(sql);
        }
        catch (StarRocksSyntaxException ex) {
            if (type != AlterJobType.OPTIMIZE) {
                throw ex;
            }
            logger.debug("This StarRocks version has no SHOW ALTER TABLE OPTIMIZE; no OPTIMIZE job can be running");
            return Optional.empty();
        }
        return newestOn(type, table, rows);
    }

    /**
     * The job with the highest {@code JobId} among the rows naming {@code table}. The rows may hold other tables'
     * jobs ({@code SHOW ALTER TABLE ROLLUP} lists the whole database) in any order.
     */
    static Optional<AlterJob> newestOn(AlterJobType type, String table, List<? extends Map<String, ?>> rows) {
        AlterJob newest = null;
        for (Map<String, ?> row : rows) {
            AlterJob job = AlterJob.fromRow(type, row);
            if (job.tableName().equals(table) && (newest == null || job.jobNumber() > newest.jobNumber())) {
                newest = job;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * The newest job of every kind on a table, to tell jobs a statement starts from earlier ones.
     */
    Map<AlterJobType, AlterJob> newestJobs(String database, String table) {
        Map<AlterJobType, AlterJob> jobs = new EnumMap<>(AlterJobType.class);
        for (AlterJobType type : AlterJobType.values()) {
            newestJob(type, database, table).ifPresent((job) -> jobs.put(type, job));
        }
        return jobs;
    }

    /**
     * Waits until the newest job of every kind on the table has ended, ignoring jobs listed in {@code earlier}
     * (the same job id means no new job was started).
     * @param failOnCancelled whether a cancelled job raises {@link StarRocksAlterJobCancelledException}
     * @return the ended jobs, one per kind that had a (new) job
     * @throws StarRocksAlterJobTimeoutException when a job is still running at the deadline
     */
    List<AlterJob> await(@Nullable String database, String table, Duration timeout,
            Map<AlterJobType, AlterJob> earlier, boolean failOnCancelled) {
        long deadline = this.timer.nanoTime() + timeout.toNanos();
        List<AlterJob> ended = new ArrayList<>();
        for (AlterJobType type : AlterJobType.values()) {
            awaitOne(type, database, table, deadline, timeout, earlier.get(type), failOnCancelled).ifPresent(ended::add);
        }
        return ended;
    }

    /**
     * Waits until the newest job of one kind on the table has ended, unless it is {@code earlierJob} (the same job
     * id means the statement in between started none).
     * @return the job that ended, or empty when there is no new job of that kind
     */
    Optional<AlterJob> awaitOne(AlterJobType type, @Nullable String database, String table, long deadline,
            Duration timeout, @Nullable AlterJob earlierJob, boolean failOnCancelled) {
        while (true) {
            Optional<AlterJob> newest = newestJob(type, database, table);
            if (newest.isEmpty() || (earlierJob != null && earlierJob.jobId().equals(newest.get().jobId()))) {
                return Optional.empty();
            }
            AlterJob job = newest.get();
            if (job.isCancelled() && failOnCancelled) {
                throw new StarRocksAlterJobCancelledException(ShowStatements.showAlterJobs(type, database, table),
                        job);
            }
            if (job.isDone()) {
                logger.debug("ALTER job ended: " + job);
                return Optional.of(job);
            }
            long remaining = deadline - this.timer.nanoTime();
            if (remaining <= 0) {
                throw new StarRocksAlterJobTimeoutException("ALTER job " + job.jobId() + " on table '" + table + "'",
                        ShowStatements.showAlterJobs(type, database, table), job, timeout, null);
            }
            logger.debug("Waiting for " + job);
            pause(Duration.ofNanos(Math.min(remaining, this.polling.pollInterval().toNanos())), table, job, timeout);
        }
    }

    /**
     * {@link #awaitOne} with a deadline {@code timeout} from now.
     */
    Optional<AlterJob> awaitOne(AlterJobType type, @Nullable String database, String table, Duration timeout,
            @Nullable AlterJob earlierJob) {
        return awaitOne(type, database, table, this.timer.nanoTime() + timeout.toNanos(), timeout, earlierJob, true);
    }

    /**
     * Runs a statement, and when StarRocks refuses it because a schema change is running on the table, waits for
     * that job and runs it again, until {@link AlterJobPolling#timeout()} has passed.
     * @param database the table's database, or {@code null} for the connection's current database
     * @param table the table the statement changes, or {@code null} to take it from the server's message
     */
    void runRetryingWhileSchemaChangeRuns(@Nullable String database, @Nullable String table, Runnable statement) {
        Duration timeout = this.polling.timeout();
        long deadline = this.timer.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                statement.run();
                return;
            }
            catch (StarRocksSchemaChangeInProgressException refused) {
                long remaining = deadline - this.timer.nanoTime();
                String blockedTable = (table != null) ? table : tableNamedIn(refused.getServerMessage());
                String blocked = "The ALTER job blocking this statement on "
                        + ((blockedTable != null) ? "table '" + blockedTable + "'" : "its table");
                if (remaining <= 0) {
                    throw new StarRocksAlterJobTimeoutException(blocked, refused.getSql(), null, timeout, refused);
                }
                logger.debug(blocked + " is running; waiting before retrying: " + refused.getServerMessage());
                if (blockedTable != null) {
                    String blockedDatabase = (database != null) ? database : currentDatabase();
                    if (blockedDatabase != null) {
                        try {
                            await(blockedDatabase, blockedTable, Duration.ofNanos(remaining), Map.of(), false);
                        }
                        catch (StarRocksAlterJobTimeoutException ex) {
                            throw new StarRocksAlterJobTimeoutException(blocked, refused.getSql(),
                                    ex.getLastObserved(), timeout, refused);
                        }
                    }
                }
                // Also pause once: the table may stay refused for a moment after its job has ended.
                remaining = deadline - this.timer.nanoTime();
                pause(Duration.ofNanos(Math.max(0, Math.min(remaining, this.polling.pollInterval().toNanos()))),
                        blockedTable, null, timeout);
            }
        }
    }

    /**
     * The connection's current database, or {@code null} without one (StarRocks answers {@code DATABASE()} with
     * an empty string then).
     */
    @Nullable
    private String currentDatabase() {
        String database = this.jdbc.queryForObject(CatalogQueries.CURRENT_DATABASE, String.class);
        return (database == null || database.isEmpty()) ? null : database;
    }

    @Nullable
    static String tableNamedIn(@Nullable String serverMessage) {
        if (serverMessage == null) {
            return null;
        }
        Matcher matcher = REFUSED_TABLE.matcher(serverMessage);
        if (!matcher.find()) {
            return null;
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return null;
    }

    private void pause(Duration duration, @Nullable String table, @Nullable AlterJob job, Duration timeout) {
        try {
            this.timer.pause(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StarRocksAlterJobTimeoutException("Interrupted while waiting: the ALTER job on table '" + table
                    + "'", null, job, timeout, ex);
        }
    }

}
