package io.github.srboot.flyway;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksAlterJobCancelledException;
import io.github.srboot.jdbc.StarRocksAlterJobTimeoutException;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ServerVariables;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.callback.Statement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static io.github.srboot.support.ShowAlterAnswers.COLUMN_TITLES;
import static io.github.srboot.support.ShowAlterAnswers.OPTIMIZE_TITLES;
import static io.github.srboot.support.ShowAlterAnswers.ROLLUP_TITLES;
import static io.github.srboot.support.ShowAlterAnswers.columnAnswer;
import static io.github.srboot.support.ShowAlterAnswers.optimizeJob;
import static io.github.srboot.support.ShowAlterAnswers.rollupJob;
import static io.github.srboot.support.ShowAlterAnswers.rows;

/**
 * The callback that waits for ALTER jobs, against {@code SHOW ALTER TABLE} rows shaped as the FE gives them
 * ({@link io.github.srboot.support.ShowAlterAnswers} names the FE files).
 */
class AlterJobWaitCallbackTests {

    private static final String SHOW_COLUMN = "SHOW ALTER TABLE COLUMN FROM `shop` WHERE TableName = \"events\" "
            + "ORDER BY JobId DESC LIMIT 1";

    private final ScriptedJdbc server = ServerVariables.starRocks(new ScriptedJdbc());

    private final Connection connection;

    AlterJobWaitCallbackTests() throws SQLException {
        this.connection = this.server.dataSource().getConnection();
        this.connection.setCatalog("shop");
    }

    private static Rows columnJob(String id, String state, String msg) {
        return columnAnswer(Long.parseLong(id), "events", state, state.equals("RUNNING") ? "4/8" : null, msg);
    }

    private Context context(String sql) {
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Statement.class }, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getSql" -> sql;
                    default -> null;
                });
        return (Context) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Context.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getStatement" -> statement;
                    case "getConnection" -> this.connection;
                    default -> null;
                });
    }

    private void run(AlterJobWaitCallback callback, String sql) {
        callback.handle(Event.BEFORE_EACH_MIGRATE_STATEMENT, context(sql));
        callback.handle(Event.AFTER_EACH_MIGRATE_STATEMENT, context(sql));
    }

    private static AlterJobWaitCallback callback(Duration timeout) {
        return new AlterJobWaitCallback(new AlterJobPolling(Duration.ofMillis(1), timeout));
    }

    @Test
    void waitsUntilTheJobTheStatementStartedHasFinished() {
        this.server.onSequence("SHOW ALTER TABLE COLUMN", columnJob("7", "FINISHED", ""),
                columnJob("8", "PENDING", ""), columnJob("8", "RUNNING", ""), columnJob("8", "FINISHED", ""));

        run(callback(Duration.ofMinutes(1)), "ALTER TABLE events ADD COLUMN age INT;");

        assertThat(this.server.executedSql()).filteredOn(SHOW_COLUMN::equals).hasSize(4);
    }

    @Test
    void aCancelledJobFailsWithTheServersMessage() {
        this.server.onSequence("SHOW ALTER TABLE COLUMN", rows(COLUMN_TITLES),
                columnJob("8", "RUNNING", ""), columnJob("8", "CANCELLED", "type change from VARCHAR to INT is not "
                        + "supported"));

        assertThatExceptionOfType(StarRocksAlterJobCancelledException.class)
            .isThrownBy(() -> run(callback(Duration.ofMinutes(1)), "ALTER TABLE events MODIFY COLUMN name INT"))
            .withMessageContaining("type change from VARCHAR to INT is not supported");
    }

    @Test
    void aJobStillRunningAtTheTimeoutFailsWithItsState() {
        this.server.onSequence("SHOW ALTER TABLE COLUMN", rows(COLUMN_TITLES),
                columnJob("8", "WAITING_TXN", ""));

        assertThatExceptionOfType(StarRocksAlterJobTimeoutException.class)
            .isThrownBy(() -> run(callback(Duration.ZERO), "ALTER TABLE events ORDER BY (id)"))
            .satisfies((ex) -> assertThat(ex.getLastObserved().state()).isEqualTo("WAITING_TXN"))
            .withMessageContaining("WAITING_TXN");
    }

    @Test
    void anOldCancelledJobIsNotTheStatementsJob() {
        // Fast schema evolution: the statement finished without a new job; the newest is an old cancelled one.
        this.server.on("SHOW ALTER TABLE COLUMN", columnJob("5", "CANCELLED", "an earlier failure"));

        run(callback(Duration.ofMinutes(1)), "ALTER TABLE events ADD COLUMN age INT");

        assertThat(this.server.executedSql()).filteredOn(SHOW_COLUMN::equals).hasSize(2);
    }

    @Test
    void aDistributionChangeWaitsForItsOptimizeJob() {
        this.server.onSequence("SHOW ALTER TABLE OPTIMIZE", rows(OPTIMIZE_TITLES),
                rows(OPTIMIZE_TITLES, optimizeJob(9, "events", "RUNNING", "")),
                rows(OPTIMIZE_TITLES, optimizeJob(9, "events", "FINISHED", "")));

        run(callback(Duration.ofMinutes(1)), "ALTER TABLE shop.events DISTRIBUTED BY HASH(id) BUCKETS 8");

        assertThat(this.server.executedSql()).filteredOn((sql) -> sql.startsWith("SHOW ALTER TABLE OPTIMIZE FROM `shop`"))
            .hasSize(3);
        assertThat(this.server.executedSql()).noneMatch((sql) -> sql.startsWith("SHOW ALTER TABLE COLUMN"));
    }

    /**
     * A second synchronous MV in a database: {@code SHOW ALTER TABLE ROLLUP} lists every rollup/sync-MV job of the
     * database, oldest first, whatever WHERE/LIMIT says (FE {@code qe/ShowExecutor.java}), beside another table's
     * old cancelled job. The callback must wait for the new job on its own table.
     */
    @Test
    void aSecondSynchronousMaterializedViewIsWaitedFor() {
        List<Object> first = rollupJob(7, "events", "by_day", "FINISHED", "");
        List<Object> otherTable = rollupJob(8, "orders", "by_customer", "CANCELLED", "an old failure elsewhere");
        this.server.onSequence("SHOW ALTER TABLE ROLLUP", rows(ROLLUP_TITLES, first, otherTable),
                rows(ROLLUP_TITLES, first, otherTable, rollupJob(9, "events", "by_site", "RUNNING", "")),
                rows(ROLLUP_TITLES, first, otherTable, rollupJob(9, "events", "by_site", "FINISHED", "")));

        run(callback(Duration.ofMinutes(1)),
                "CREATE MATERIALIZED VIEW by_site AS SELECT site, count(*) FROM events GROUP BY site");

        assertThat(this.server.executedSql()).filteredOn("SHOW ALTER TABLE ROLLUP FROM `shop`"::equals).hasSize(3);
    }

    @Test
    void synchronousStatementsAreNotWaitedFor() {
        run(callback(Duration.ofMinutes(1)), "ALTER TABLE events ADD PARTITION p2 VALUES LESS THAN (\"20\")");
        run(callback(Duration.ofMinutes(1)), "INSERT INTO events VALUES (1, 'a')");

        assertThat(this.server.executedSql()).isEmpty();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        ScriptedJdbc mysql = ServerVariables.mysql8(new ScriptedJdbc());
        AlterJobWaitCallback callback = callback(Duration.ofMinutes(1));
        Context context = (Context) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Context.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getStatement" -> context("ALTER TABLE events ADD COLUMN age INT").getStatement();
                    case "getConnection" -> mysql.dataSource().getConnection();
                    default -> null;
                });

        callback.handle(Event.BEFORE_EACH_MIGRATE_STATEMENT, context);

        assertThat(mysql.executedSql()).containsExactly("SELECT @@version_comment");
    }

    @Test
    void supportsTheStatementEventsOnly() {
        AlterJobWaitCallback callback = callback(Duration.ofMinutes(1));

        assertThat(callback.supports(Event.AFTER_EACH_MIGRATE_STATEMENT)).isTrue();
        assertThat(callback.supports(Event.BEFORE_EACH_MIGRATE_STATEMENT)).isTrue();
        assertThat(callback.supports(Event.AFTER_MIGRATE)).isFalse();
    }

}
