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

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Waiting for asynchronous ALTER jobs and retrying refused statements, against recorded {@code SHOW ALTER TABLE}
 * answers.
 */
class AlterJobWaitTests {

    private static final List<String> COLUMN_JOB_COLUMNS = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "IndexName", "IndexId", "OriginIndexId", "SchemaVersion", "TransactionId", "State", "Msg", "Progress",
            "Timeout");

    private static final List<String> ROLLUP_JOB_COLUMNS = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "BaseIndexName", "RollupIndexName", "RollupId", "TransactionId", "State", "Msg", "Progress", "Timeout");

    private static final Rows NO_JOBS = new Rows(COLUMN_JOB_COLUMNS, List.of());

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
        return new Rows(COLUMN_JOB_COLUMNS, List.of(List.of(id, "events", "2026-01-01 10:00:00",
                state.equals("FINISHED") || state.equals("CANCELLED") ? "2026-01-01 10:00:09" : "NULL", "events",
                "10011", "10002", "1:0", "42", state, msg, progress, "86400")));
    }

    @Test
    void pollsUntilTheNewestJobFinishes() {
        this.server.onSequence("SHOW ALTER TABLE COLUMN", columnJob("100", "PENDING", "NULL", ""),
                columnJob("100", "RUNNING", "40%", ""), columnJob("100", "FINISHED", "NULL", ""));
        this.server.on("SHOW ALTER TABLE (OPTIMIZE|ROLLUP)", NO_JOBS);

        List<AlterJob> jobs = this.template.awaitAlterJobs("shop", "events", Duration.ofSeconds(5));

        assertThat(jobs).singleElement().satisfies((job) -> {
            assertThat(job.type()).isEqualTo(AlterJobType.COLUMN);
            assertThat(job.jobId()).isEqualTo("100");
            assertThat(job.isFinished()).isTrue();
            assertThat(job.finishTime()).isEqualTo("2026-01-01 10:00:09");
        });
        assertThat(this.timer.pauses()).containsExactly(POLL, POLL);
        assertThat(this.server.executedSql()).containsExactly(
                "SHOW ALTER TABLE COLUMN FROM `shop` WHERE TableName = \"events\" ORDER BY CreateTime DESC LIMIT 1",
                "SHOW ALTER TABLE COLUMN FROM `shop` WHERE TableName = \"events\" ORDER BY CreateTime DESC LIMIT 1",
                "SHOW ALTER TABLE COLUMN FROM `shop` WHERE TableName = \"events\" ORDER BY CreateTime DESC LIMIT 1",
                "SHOW ALTER TABLE OPTIMIZE FROM `shop` WHERE TableName = \"events\" ORDER BY CreateTime DESC LIMIT 1",
                "SHOW ALTER TABLE ROLLUP FROM `shop` WHERE TableName = \"events\" ORDER BY CreateTime DESC LIMIT 1");
    }

    @Test
    void waitsForRollupJobsToo() {
        this.server.on("SHOW ALTER TABLE (COLUMN|OPTIMIZE)", NO_JOBS);
        this.server.onSequence("SHOW ALTER TABLE ROLLUP",
                new Rows(ROLLUP_JOB_COLUMNS, List.of(List.of("7", "events", "2026-01-01", "NULL", "events", "r1",
                        "8", "9", "WAITING_TXN", "", "NULL", "86400"))),
                new Rows(ROLLUP_JOB_COLUMNS, List.of(List.of("7", "events", "2026-01-01", "2026-01-02", "events", "r1",
                        "8", "9", "FINISHED", "", "NULL", "86400"))));

        assertThat(this.template.awaitAlterJobs("shop", "events")).extracting(AlterJob::type, AlterJob::state)
            .containsExactly(tuple(AlterJobType.ROLLUP, "FINISHED"));
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
                columnJob("100", "CANCELLED", "NULL", "type change from BIGINT to INT is not supported"));
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
        this.server.on("SHOW ALTER TABLE COLUMN", columnJob("100", "RUNNING", "65%", ""));
        assertThatExceptionOfType(StarRocksAlterJobTimeoutException.class)
            .isThrownBy(() -> this.template.awaitAlterJobs("shop", "events", Duration.ofSeconds(2)))
            .satisfies((ex) -> {
                assertThat(ex.getLastObserved().state()).isEqualTo("RUNNING");
                assertThat(ex.getLastObserved().progress()).isEqualTo("65%");
                assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(ex.getMessage()).contains("RUNNING", "65%", "PT2S");
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

    @Test
    void namesAreQuotedInShowStatements() {
        this.server.on("SHOW ALTER TABLE", NO_JOBS);
        this.template.awaitAlterJobs("we`ird", "ta\"ble\\x");
        assertThat(this.server.executedSql().get(0)).isEqualTo(
                "SHOW ALTER TABLE COLUMN FROM `we``ird` WHERE TableName = \"ta\\\"ble\\\\x\" ORDER BY CreateTime DESC "
                        + "LIMIT 1");
    }

    @Test
    void statementRefusedDuringSchemaChangeIsRetriedAfterTheJobEnds() {
        Failure refused = new Failure(1064, "HY000", "A schema change operation is in progress on the table "
                + "\"events\". Please wait until the current operation completes.");
        this.server.onSequence("^ALTER TABLE", refused, new UpdateCount(0));
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of("shop"))));
        this.server.onSequence("SHOW ALTER TABLE COLUMN", columnJob("100", "RUNNING", "10%", ""),
                columnJob("100", "FINISHED", "NULL", ""));
        this.server.on("SHOW ALTER TABLE", NO_JOBS);

        this.template.execute("ALTER TABLE events ADD COLUMN c INT");

        assertThat(this.server.executedSql()).filteredOn((sql) -> sql.startsWith("ALTER TABLE")).hasSize(2);
        assertThat(this.server.executedSql()).contains(
                "SHOW ALTER TABLE COLUMN FROM `shop` WHERE TableName = \"events\" ORDER BY CreateTime DESC LIMIT 1");
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
        this.server.on("^ALTER TABLE", new Failure(1064, "HY000", "A schema change operation is in progress on the "
                + "table \"events\". Please wait until the current operation completes."));
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
        this.server.on("^ALTER TABLE", new Failure(1064, "HY000", "A schema change operation is in progress on the "
                + "table \"events\". Please wait until the current operation completes."));
        this.server.on("SHOW ALTER TABLE COLUMN", columnJob("100", "RUNNING", "30%", ""));
        this.server.on("SHOW ALTER TABLE", NO_JOBS);

        assertThatExceptionOfType(StarRocksAlterJobTimeoutException.class)
            .isThrownBy(() -> this.template.execute(new AlterTable(ObjectName.of("shop", "events"),
                    List.of(new AlterClause.DropColumn("c")))))
            .satisfies((ex) -> {
                assertThat(ex.getCause()).isInstanceOf(StarRocksSchemaChangeInProgressException.class);
                assertThat(ex.getSql()).isEqualTo("ALTER TABLE `shop`.`events` DROP COLUMN `c`");
                assertThat(ex.getLastObserved().progress()).isEqualTo("30%");
                assertThat(ex.getMessage()).contains("table 'events'", "30%");
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

    @Test
    void tableIsReadFromTheRefusalMessage() {
        assertThat(AlterJobWatcher.tableNamedIn("A schema change operation is in progress on the table \"t_1\". "
                + "Please wait")).isEqualTo("t_1");
        assertThat(AlterJobWatcher.tableNamedIn("Table[t_2]'s state is not NORMAL")).isEqualTo("t_2");
        assertThat(AlterJobWatcher.tableNamedIn("A materialized view or rollup index is being created on the table "
                + "\"t_4\". Please wait")).isEqualTo("t_4");
        assertThat(AlterJobWatcher.tableNamedIn("The table \"t_5\" is being altered or having a materialized view "
                + "built on it.")).isEqualTo("t_5");
        assertThat(AlterJobWatcher.tableNamedIn("Table state is not NORMAL: 't_3'")).isEqualTo("t_3");
        assertThat(AlterJobWatcher.tableNamedIn("something else")).isNull();
    }

}
