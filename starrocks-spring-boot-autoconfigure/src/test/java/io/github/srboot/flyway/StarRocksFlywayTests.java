package io.github.srboot.flyway;

import java.time.Duration;
import java.util.List;

import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ScriptedStarRocks;
import io.github.srboot.support.ShowAlterAnswers;
import io.github.srboot.support.StarRocksGrammar;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Flyway's own commands run through the StarRocks database type against a scripted StarRocks that answers as
 * StarRocks 3.5 does and refuses what StarRocks refuses (locks, session variables, transactions). Run with the
 * Flyway version Spring Boot manages and, in a second Surefire execution, with the newest Flyway 11.x.
 */
class StarRocksFlywayTests {

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final ScriptedStarRocks starRocks;

    StarRocksFlywayTests() {
        // StarRocks refuses a schema change while the previous one on the table runs (ShowAlterAnswers names the
        // FE file of the refusal).
        this.server.on(ScriptedStarRocks.LEADING_COMMENTS + "ALTER TABLE",
                (statement) -> (jobRunning()) ? ShowAlterAnswers.schemaChangeRunning("events") : null);
        this.starRocks = new ScriptedStarRocks(this.server, "shop");
        this.server.on("SHOW ALTER TABLE COLUMN", (statement) -> newestColumnJob());
        this.server.on("SHOW ALTER TABLE OPTIMIZE", ShowAlterAnswers.rows(ShowAlterAnswers.OPTIMIZE_TITLES));
        this.server.on("SHOW ALTER TABLE ROLLUP", ShowAlterAnswers.rows(ShowAlterAnswers.ROLLUP_TITLES));
    }

    /** The statements the server received before the one it answers now, without their comments. */
    private List<String> earlierStatements() {
        List<String> sql = this.server.executedSql();
        return sql.subList(0, sql.size() - 1).stream().map(ScriptedStarRocks::withoutLeadingComments).toList();
    }

    private static int alters(List<String> sql) {
        return (int) sql.stream().filter((statement) -> statement.startsWith("ALTER TABLE")).count();
    }

    /** Polls of SHOW ALTER TABLE COLUMN since the last ALTER: the job runs until the second one. */
    private static int pollsSinceLastAlter(List<String> sql) {
        int polls = 0;
        for (int i = sql.size() - 1; i >= 0 && !sql.get(i).startsWith("ALTER TABLE"); i--) {
            polls += sql.get(i).startsWith("SHOW ALTER TABLE COLUMN") ? 1 : 0;
        }
        return polls;
    }

    /** Whether the last ALTER's job still runs: it has been polled fewer than two times. */
    private boolean jobRunning() {
        List<String> earlier = earlierStatements();
        return alters(earlier) > 0 && pollsSinceLastAlter(earlier) < 2;
    }

    /** This poll is the (n+1)th since the last ALTER: RUNNING at the first, FINISHED from the second on. */
    private Rows newestColumnJob() {
        List<String> earlier = earlierStatements();
        int jobs = alters(earlier);
        if (jobs == 0) {
            return ShowAlterAnswers.rows(ShowAlterAnswers.COLUMN_TITLES);
        }
        boolean running = pollsSinceLastAlter(earlier) < 1;
        return ShowAlterAnswers.columnAnswer(jobs, "events", running ? "RUNNING" : "FINISHED", running ? "4/8" : null,
                "");
    }

    private Flyway flyway(boolean waitForAlterJobs, boolean cleanDisabled) {
        var configuration = Flyway.configure()
            .dataSource(this.server.dataSource())
            .locations("classpath:flyway/scripted")
            .cleanDisabled(cleanDisabled);
        if (waitForAlterJobs) {
            configuration.callbacks(FlywayCallbacks.of(new AlterJobWaitCallback(
                    new AlterJobPolling(Duration.ofMillis(1), Duration.ofMinutes(1)))));
        }
        return configuration.load();
    }

    @Test
    void migratesWithTheStarRocksTypeAndWaitsBetweenTwoAltersOfOneTable() {
        MigrateResult result = flyway(true, true).migrate();

        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(result.targetSchemaVersion).isEqualTo("2");
        assertThat(this.starRocks.historyRows()).extracting((row) -> row.get("version"), (row) -> row.get("success"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("1", true),
                    org.assertj.core.groups.Tuple.tuple("2", true));
        assertThat(this.starRocks.objects()).containsEntry("events", "TABLE")
            .containsEntry("flyway_schema_history", "TABLE");
        List<String> sql = this.server.executedSql().stream().map(ScriptedStarRocks::withoutLeadingComments).toList();
        int first = sql.indexOf("ALTER TABLE events ADD COLUMN age INT");
        int second = sql.indexOf("ALTER TABLE events MODIFY COLUMN name STRING");
        assertThat(first).isNotNegative();
        assertThat(second).isGreaterThan(first);
        assertThat(sql.subList(first, second)).filteredOn((statement) -> statement.startsWith("SHOW ALTER TABLE COLUMN"))
            .hasSizeGreaterThanOrEqualTo(2);
        assertThat(sql).noneMatch((statement) -> statement.matches("(?is).*(GET_LOCK|FOR UPDATE|foreign_key_checks"
                + "|sql_safe_updates|^\\s*SET\\s|^\\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK)).*"));
    }

    /**
     * What the fake server lets through is what StarRocks' grammar accepts: SET and transaction statements parse (so
     * a test sees them if Flyway sent them), {@code SELECT ... FOR UPDATE} does not.
     */
    @Test
    void setAndTransactionStatementsParseOnlyForUpdateDoesNot() {
        for (String statement : List.of("BEGIN", "COMMIT", "ROLLBACK", "SET foreign_key_checks = 0")) {
            assertThat(StarRocksGrammar.parseSingle(statement)).as(statement).isNotNull();
        }
        assertThatExceptionOfType(RuntimeException.class)
            .isThrownBy(() -> StarRocksGrammar.parseSingle("SELECT * FROM t FOR UPDATE"));
    }

    @Test
    void withoutTheWaitTheSecondAlterMeetsARunningSchemaChange() {
        assertThatExceptionOfType(FlywayException.class).isThrownBy(() -> flyway(false, true).migrate())
            .withMessageContaining("schema change operation is in progress");
        assertThat(this.starRocks.historyRows()).extracting((row) -> row.get("success")).containsExactly(true, false);
    }

    @Test
    void createsTheHistoryTableAsAPrimaryKeyTableTheGrammarAccepts() {
        flyway(true, true).migrate();

        String create = this.server.executedSql().stream()
            .filter((statement) -> statement.contains("CREATE TABLE `shop`.`flyway_schema_history`"))
            .findFirst()
            .orElseThrow();
        assertThat(create).contains("PRIMARY KEY(`installed_rank`)").contains("DISTRIBUTED BY HASH(`installed_rank`)")
            .contains("`installed_on` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP")
            .doesNotContain("TIMESTAMP NOT NULL", "CONSTRAINT", "CREATE INDEX", "replication_num");
        assertThat(StarRocksGrammar.ruleOf(StarRocksGrammar.parseSingle(create))).isEqualTo("createTableStatement");
    }

    /**
     * A synchronous MV is listed in {@code information_schema.materialized_views} with REFRESH_TYPE ROLLUP: clean
     * must not take it for an asynchronous MV (it goes with its base table). Scripted: the embedded StarRocks does not
     * list synchronous MVs there yet, so over the wire this case would pass without showing anything.
     */
    @Test
    void cleanLeavesSynchronousMaterializedViewsToTheirTable() {
        flyway(true, true).migrate();
        new org.springframework.jdbc.core.JdbcTemplate(this.server.dataSource())
            .execute("CREATE MATERIALIZED VIEW by_site AS SELECT name, count(*) FROM events GROUP BY name");
        this.server.clearExecuted();

        flyway(true, false).clean();

        assertThat(this.server.executedSql()).noneMatch((sql) -> sql.contains("by_site"));
        assertThat(this.starRocks.synchronousMaterializedViews()).isEmpty();
        assertThat(this.starRocks.objects()).isEmpty();
    }

}
