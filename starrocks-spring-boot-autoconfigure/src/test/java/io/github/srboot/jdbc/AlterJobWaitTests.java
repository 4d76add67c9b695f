package io.github.srboot.jdbc;

import java.time.Duration;
import java.util.List;

import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ScriptedJdbc.UpdateCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static io.github.srboot.support.ShowAlterAnswers.COLUMN_TITLES;
import static io.github.srboot.support.ShowAlterAnswers.OPTIMIZE_TITLES;
import static io.github.srboot.support.ShowAlterAnswers.ROLLUP_TITLES;
import static io.github.srboot.support.ShowAlterAnswers.columnAnswer;
import static io.github.srboot.support.ShowAlterAnswers.rollupJob;
import static io.github.srboot.support.ShowAlterAnswers.rows;
import static io.github.srboot.support.ShowAlterAnswers.schemaChangeRunning;
import static io.github.srboot.support.ShowAlterAnswers.schemaChangeRunningQuoted;

/**
 * Waiting for asynchronous ALTER jobs and retrying refused statements, against {@code SHOW ALTER TABLE} answers
 * shaped as StarRocks' FE gives them ({@link io.github.srboot.support.ShowAlterAnswers} names the FE files).
 */
class AlterJobWaitTests {

    private static final Rows NO_JOBS = rows(COLUMN_TITLES);

    private static final Rows NO_ROLLUP_JOBS = rows(ROLLUP_TITLES);

    private static final Duration POLL = Duration.ofMillis(500);

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final FakePollTimer timer = new FakePollTimer();

    private final StarRocksTemplate template = new StarRocksTemplate(jdbcTemplate(),
            new AlterJobPolling(POLL, Duration.ofSeconds(10)), this.timer);

    private JdbcTemplate jdbcTemplate() {
        JdbcTemplate jdbcTemplate = new JdbcTemplate(this.server.dataSource());
        jdbcTemplate.setExceptionTranslator(new StarRocksSqlExceptionTranslator());
        return jdbcTemplate;
    }

    private static Rows columnJob(String id, String state, String progress, String msg) {
        return columnAnswer(Long.parseLong(id), "events", state, progress, msg);
    }

    /** What {@code SHOW ALTER TABLE COLUMN} is sent as: filtered by the server, newest JobId first. */
    private static final String SHOW_COLUMN_JOBS = "SHOW ALTER TABLE COLUMN FROM `shop` WHERE TableName = \"events\" "
            + "ORDER BY JobId DESC LIMIT 1";

    @Test
    void pollsUntilTheNewestJobFinishes() {
        this.server.onSequence("SHOW ALTER TABLE COLUMN", columnJob("100", "PENDING", null, ""),
                columnJob("100", "RUNNING", "3/8", ""), columnJob("100", "FINISHED", null, ""));
        this.server.on("SHOW ALTER TABLE OPTIMIZE", rows(OPTIMIZE_TITLES));
        this.server.on("SHOW ALTER TABLE ROLLUP", NO_ROLLUP_JOBS);

        List<AlterJob> jobs = this.template.awaitAlterJobs("shop", "events", Duration.ofSeconds(5));

        assertThat(jobs).singleElement().satisfies((job) -> {
            assertThat(job.type()).isEqualTo(AlterJobType.COLUMN);
            assertThat(job.jobId()).isEqualTo("100");
            assertThat(job.isFinished()).isTrue();
            assertThat(job.finishTime()).isEqualTo("2026-01-01 10:00:09");
        });
        assertThat(this.timer.pauses()).containsExactly(POLL, POLL);
        assertThat(this.server.executedSql()).containsExactly(SHOW_COLUMN_JOBS, SHOW_COLUMN_JOBS, SHOW_COLUMN_JOBS,
                "SHOW ALTER TABLE OPTIMIZE FROM `shop` WHERE TableName = \"events\" ORDER BY JobId DESC LIMIT 1",
                // ROLLUP ignores WHERE, ORDER BY and LIMIT (FE qe/ShowExecutor.java visitShowAlterStatement):
                // asked plainly, filtered here.
                "SHOW ALTER TABLE ROLLUP FROM `shop`");
    }

    @Test
    void waitsForRollupJobsToo() {
        this.server.on("SHOW ALTER TABLE (COLUMN|OPTIMIZE)", NO_JOBS);
        this.server.onSequence("SHOW ALTER TABLE ROLLUP",
                rows(ROLLUP_TITLES, rollupJob(7, "events", "r1", "WAITING_TXN", "")),
                rows(ROLLUP_TITLES, rollupJob(7, "events", "r1", "FINISHED", "")));

        assertThat(this.template.awaitAlterJobs("shop", "events")).extracting(AlterJob::type, AlterJob::state,
                AlterJob::finishTime)
            .containsExactly(tuple(AlterJobType.ROLLUP, "FINISHED", "2026-01-01 10:00:09"));
    }

    /**
     * {@code SHOW ALTER TABLE ROLLUP} answers every rollup and synchronous MV job of the database, oldest JobId first
     * ({@code MaterializedViewHandler.getAlterJobInfosByDb}, unfiltered: FE {@code qe/ShowExecutor.java}). The wait
     * takes the table's newest job: not another table's, not an older one of the same table.
     */
    @Test
    void rollupJobsOfTheWholeDatabaseAreFilteredByTableAndTheNewestJobIdWins() {
        this.server.on("SHOW ALTER TABLE (COLUMN|OPTIMIZE)", NO_JOBS);
        this.server.onSequence("SHOW ALTER TABLE ROLLUP",
                rows(ROLLUP_TITLES, rollupJob(9, "events", "by_day", "FINISHED", ""),
                        rollupJob(12, "orders", "by_customer", "CANCELLED", "an old failure of another table"),
                        rollupJob(15, "events", "by_site", "RUNNING", "")),
                rows(ROLLUP_TITLES, rollupJob(9, "events", "by_day", "FINISHED", ""),
                        rollupJob(12, "orders", "by_customer", "CANCELLED", "an old failure of another table"),
                        rollupJob(15, "events", "by_site", "FINISHED", "")));

        List<AlterJob> jobs = this.template.awaitAlterJobs("shop", "events");

        assertThat(jobs).extracting(AlterJob::jobId, AlterJob::state).containsExactly(tuple("15", "FINISHED"));
        assertThat(this.timer.pauses()).containsExactly(POLL);
    }

    /** JobIds are compared as numbers: "10" is newer than "9" though it sorts before it as text. */
    @Test
    void newestJobIsTheHighestJobIdAsANumber() {
        List<Object> older = rollupJob(9, "events", "by_day", "CANCELLED", "an older attempt");
        List<Object> newer = rollupJob(10, "events", "by_day", "FINISHED", "");

        assertThat(AlterJobWatcher.newestOn(AlterJobType.ROLLUP, "events",
                List.of(asRow(ROLLUP_TITLES, newer), asRow(ROLLUP_TITLES, older))))
            .get().extracting(AlterJob::jobId).isEqualTo("10");
        assertThat(AlterJobWatcher.newestOn(AlterJobType.ROLLUP, "events",
                List.of(asRow(ROLLUP_TITLES, older), asRow(ROLLUP_TITLES, newer))))
            .get().extracting(AlterJob::jobId).isEqualTo("10");
        assertThat(AlterJobWatcher.newestOn(AlterJobType.ROLLUP, "clicks", List.of(asRow(ROLLUP_TITLES, newer))))
            .isEmpty();
    }

    private static java.util.Map<String, Object> asRow(List<String> titles, List<Object> values) {
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < titles.size(); i++) {
            row.put(titles.get(i), values.get(i));
        }
        return row;
    }

    @Test
    void noJobsMeansNothingToWaitFor() {
        this.server.on("SHOW ALTER TABLE", NO_JOBS);
        assertThat(this.template.awaitAlterJobs("shop", "events")).isEmpty();
        assertThat(this.server.executedSql()).hasSize(3);
        assertThat(this.timer.pauses()).isEmpty();
    }

    @Test
    void cancelledJobRaisesWithItsMessage() {
        this.server.on("SHOW ALTER TABLE COLUMN",
                columnJob("100", "CANCELLED", null, "type change from BIGINT to INT is not supported"));
        assertThatExceptionOfType(StarRocksAlterJobCancelledException.class)
            .isThrownBy(() -> this.template.awaitAlterJobs("shop", "events"))
            .satisfies((ex) -> {
                assertThat(ex.getServerMessage()).isEqualTo("type change from BIGINT to INT is not supported");
                assertThat(ex.getJob().jobId()).isEqualTo("100");
                assertThat(ex.getMessage()).contains("cancelled", "type change from BIGINT to INT is not supported");
            });
    }

    @Test
    void timeoutRaisesWithLastStateAndProgress() {
        // A running COLUMN job's progress is finished/total tablets (SchemaChangeJobV2), not a percentage.
        this.server.on("SHOW ALTER TABLE COLUMN", columnJob("100", "RUNNING", "5/8", ""));
        assertThatExceptionOfType(StarRocksAlterJobTimeoutException.class)
            .isThrownBy(() -> this.template.awaitAlterJobs("shop", "events", Duration.ofSeconds(2)))
            .satisfies((ex) -> {
                assertThat(ex.getLastObserved().state()).isEqualTo("RUNNING");
                assertThat(ex.getLastObserved().progress()).isEqualTo("5/8");
                assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(ex.getMessage()).contains("RUNNING", "5/8", "PT2S");
            });
        assertThat(this.timer.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void serversWithoutOptimizeJobsAreTolerated() {
        this.server.on("SHOW ALTER TABLE OPTIMIZE",
                new Failure(1064, "42000", "Getting syntax error at line 1, column 17. Detail message: Unexpected "
                        + "input 'OPTIMIZE'"));
        this.server.on("SHOW ALTER TABLE", NO_JOBS);
        assertThat(this.template.awaitAlterJobs("shop", "events")).isEmpty();
    }

    /** Every SHOW ALTER the wait sends is StarRocks' grammar, ROLLUP's without the filter it would ignore. */
    @Test
    void showAlterStatementsParse() {
        for (AlterJobType type : AlterJobType.values()) {
            String sql = ShowStatements.showAlterJobs(type, "shop", "events");
            assertThat(io.github.srboot.support.StarRocksGrammar.parseSingle(sql)).as(sql).isNotNull();
        }
        assertThat(ShowStatements.showAlterJobs(AlterJobType.ROLLUP, "shop", "events"))
            .isEqualTo("SHOW ALTER TABLE ROLLUP FROM `shop`");
    }

    @Test
    void namesAreQuotedInShowStatements() {
        this.server.on("SHOW ALTER TABLE", NO_JOBS);
        this.template.awaitAlterJobs("we`ird", "ta\"ble\\x");
        assertThat(this.server.executedSql().get(0)).isEqualTo(
                "SHOW ALTER TABLE COLUMN FROM `we``ird` WHERE TableName = \"ta\\\"ble\\\\x\" ORDER BY JobId DESC "
                        + "LIMIT 1");
    }

    /**
     * The refusal names the table bare since 3.5 and quoted before; either way the wait finds the table and waits
     * on its job before retrying, rather than retrying blindly.
     */
    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void statementRefusedDuringSchemaChangeIsRetriedAfterTheJobEnds(boolean quoted) {
        Failure refused = quoted ? schemaChangeRunningQuoted("events") : schemaChangeRunning("events");
        this.server.onSequence("^ALTER TABLE", refused, new UpdateCount(0));
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of("shop"))));
        this.server.onSequence("SHOW ALTER TABLE COLUMN", columnJob("100", "RUNNING", "1/8", ""),
                columnJob("100", "FINISHED", null, ""));
        this.server.on("SHOW ALTER TABLE OPTIMIZE", rows(OPTIMIZE_TITLES));
        this.server.on("SHOW ALTER TABLE ROLLUP", NO_ROLLUP_JOBS);

        this.template.execute("ALTER TABLE events ADD COLUMN c INT");

        assertThat(this.server.executedSql()).filteredOn((sql) -> sql.startsWith("ALTER TABLE")).hasSize(2);
        assertThat(this.server.executedSql()).filteredOn(SHOW_COLUMN_JOBS::equals).hasSize(2);
    }

    /**
     * Without a current database StarRocks answers {@code DATABASE()} with "" (FE {@code qe/ConnectContext.java}:
     * {@code currentDb} starts as ""): no database to look the job up in, so the statement is retried after a pause
     * without a {@code SHOW ALTER} naming a database called "".
     */
    @Test
    void emptyCurrentDatabaseMeansNoneAndTheStatementIsRetriedAfterAPause() {
        this.server.onSequence("^ALTER TABLE", schemaChangeRunning("events"), new UpdateCount(0));
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of(""))));

        this.template.execute("ALTER TABLE events ADD COLUMN c INT");

        assertThat(this.server.executedSql()).noneMatch((sql) -> sql.startsWith("SHOW ALTER"));
        assertThat(this.timer.pauses()).containsExactly(POLL);
    }

    @Test
    void olderNotNormalRefusalIsRetriedToo() {
        Failure refused = new Failure(1064, "HY000", "Table[events]'s state is not NORMAL. Do not allow doing ALTER "
                + "ops");
        this.server.onSequence("^ALTER TABLE", refused, refused, new UpdateCount(0));
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of("shop"))));
        this.server.on("SHOW ALTER TABLE", NO_JOBS);

        this.template.execute("ALTER TABLE events ADD COLUMN c INT");

        assertThat(this.server.executedSql()).filteredOn((sql) -> sql.startsWith("ALTER TABLE")).hasSize(3);
        assertThat(this.timer.pauses()).containsExactly(POLL, POLL);
    }

    @Test
    void refusalThatOutlastsTheTimeoutFails() {
        this.server.on("^ALTER TABLE", schemaChangeRunning("events"));
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of("shop"))));
        this.server.on("SHOW ALTER TABLE", NO_JOBS);

        assertThatExceptionOfType(StarRocksAlterJobTimeoutException.class)
            .isThrownBy(() -> this.template.execute("ALTER TABLE events ADD COLUMN c INT"))
            .satisfies((ex) -> {
                assertThat(ex.getCause()).isInstanceOf(StarRocksSchemaChangeInProgressException.class);
                assertThat(ex.getSql()).isEqualTo("ALTER TABLE events ADD COLUMN c INT");
            });
        assertThat(this.timer.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jobThatOutlastsTheTimeoutFailsWithTheRefusedStatementAndTheJob() {
        this.server.on("^ALTER TABLE", schemaChangeRunningQuoted("events"));
        this.server.on("SHOW ALTER TABLE COLUMN", columnJob("100", "RUNNING", "3/8", ""));
        this.server.on("SHOW ALTER TABLE", NO_JOBS);

        assertThatExceptionOfType(StarRocksAlterJobTimeoutException.class)
            .isThrownBy(() -> this.template.execute(new AlterTable(ObjectName.of("shop", "events"),
                    List.of(new AlterClause.DropColumn("c")))))
            .satisfies((ex) -> {
                assertThat(ex.getCause()).isInstanceOf(StarRocksSchemaChangeInProgressException.class);
                assertThat(ex.getSql()).isEqualTo("ALTER TABLE `shop`.`events` DROP COLUMN `c`");
                assertThat(ex.getLastObserved().progress()).isEqualTo("3/8");
                assertThat(ex.getMessage()).contains("table 'events'", "3/8");
            });
        assertThat(this.server.executedSql()).doesNotContain("SELECT DATABASE()");
    }

    @Test
    void otherFailuresAreNotRetried() {
        this.server.on("^ALTER TABLE", new Failure(1064, "HY000", "Getting analyzing error. Detail message: Can not "
                + "change column type from BIGINT to INT."));
        assertThatExceptionOfType(StarRocksUnsupportedAlterException.class)
            .isThrownBy(() -> this.template.execute("ALTER TABLE events MODIFY COLUMN c INT"));
        assertThat(this.server.executedSql()).hasSize(1);
    }

    @Test
    void pollingNeedsAPositiveIntervalAndANonNegativeTimeout() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> new AlterJobPolling(Duration.ZERO, Duration.ofSeconds(1)))
            .withMessageContaining("pollInterval");
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> new AlterJobPolling(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
            .withMessageContaining("timeout");
        assertThat(AlterJobPolling.defaults())
            .isEqualTo(new AlterJobPolling(Duration.ofSeconds(1), Duration.ofMinutes(30)));
    }

    /**
     * The refusals of {@code fe/fe-core/src/main/java/com/starrocks/common/InvalidOlapTableStateException.java}:
     * the name quoted up to 3.4, bare since 3.5 (see {@link io.github.srboot.support.ShowAlterAnswers}).
     */
    @Test
    void tableIsReadFromTheRefusalMessage() {
        assertThat(AlterJobWatcher.tableNamedIn(schemaChangeRunning("t_1").message())).isEqualTo("t_1");
        assertThat(AlterJobWatcher.tableNamedIn(schemaChangeRunningQuoted("t_1").message())).isEqualTo("t_1");
        assertThat(AlterJobWatcher.tableNamedIn(schemaChangeRunning("events.v2").message())).isEqualTo("events.v2");
        assertThat(AlterJobWatcher.tableNamedIn("A materialized view or rollup index is being created on the table "
                + "t_4. Please wait until the current operation completes. To check the status")).isEqualTo("t_4");
        assertThat(AlterJobWatcher.tableNamedIn("The table t_5 is being altered or having a materialized view "
                + "built on it.")).isEqualTo("t_5");
        assertThat(AlterJobWatcher.tableNamedIn("Table[t_2]'s state is not NORMAL")).isEqualTo("t_2");
        assertThat(AlterJobWatcher.tableNamedIn("A materialized view or rollup index is being created on the table "
                + "\"t_4\". Please wait")).isEqualTo("t_4");
        assertThat(AlterJobWatcher.tableNamedIn("The table \"t_5\" is being altered or having a materialized view "
                + "built on it.")).isEqualTo("t_5");
        assertThat(AlterJobWatcher.tableNamedIn("Table state is not NORMAL: 't_3'")).isEqualTo("t_3");
        assertThat(AlterJobWatcher.tableNamedIn("something else")).isNull();
    }

}
