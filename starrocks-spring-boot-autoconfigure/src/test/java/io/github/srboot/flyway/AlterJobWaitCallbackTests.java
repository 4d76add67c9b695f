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
import io.github.srboot.support.ScriptedStarRocks;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.callback.Statement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The callback that waits for ALTER jobs, against recorded {@code SHOW ALTER TABLE} rows (StarRocks 3.x columns).
 */
class AlterJobWaitCallbackTests {

    private static final List<String> COLUMN_JOB_COLUMNS = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "IndexName", "IndexId", "OriginIndexId", "SchemaVersion", "TransactionId", "State", "Msg", "Progress",
            "Timeout");

    private static final List<String> OPTIMIZE_JOB_COLUMNS = List.of("JobId", "TableName", "CreateTime", "FinishTime",
            "State", "Msg", "Progress", "Timeout");

    private static final String SHOW_COLUMN = "SHOW ALTER TABLE COLUMN FROM `shop` WHERE TableName = \"events\" "
            + "ORDER BY CreateTime DESC LIMIT 1";

    private final ScriptedJdbc server = new ScriptedJdbc().on("@@version_comment",
            new Rows(List.of("@@version_comment"), List.of(List.of(ScriptedStarRocks.VERSION_COMMENT))));

    private final Connection connection;

    AlterJobWaitCallbackTests() throws SQLException {
        this.connection = this.server.dataSource().getConnection();
        this.connection.setCatalog("shop");
    }

    private static Rows columnJob(String id, String state, String msg) {
        boolean ended = state.equals("FINISHED") || state.equals("CANCELLED");
        return new Rows(COLUMN_JOB_COLUMNS, List.of(List.of(id, "events", "2026-01-01 10:00:00",
                ended ? "2026-01-01 10:00:09" : "NULL", "events", "10011", "10002", "1:0", "42", state, msg,
                ended ? "NULL" : "40%", "86400")));
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
        this.server.onSequence("SHOW ALTER TABLE COLUMN", new Rows(COLUMN_JOB_COLUMNS, List.of()),
                columnJob("8", "RUNNING", ""), columnJob("8", "CANCELLED", "type change from VARCHAR to INT is not "
                        + "supported"));

        assertThatExceptionOfType(StarRocksAlterJobCancelledException.class)
            .isThrownBy(() -> run(callback(Duration.ofMinutes(1)), "ALTER TABLE events MODIFY COLUMN name INT"))
            .withMessageContaining("type change from VARCHAR to INT is not supported");
    }

    @Test
    void aJobStillRunningAtTheTimeoutFailsWithItsState() {
        this.server.onSequence("SHOW ALTER TABLE COLUMN", new Rows(COLUMN_JOB_COLUMNS, List.of()),
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
        this.server.onSequence("SHOW ALTER TABLE OPTIMIZE", new Rows(OPTIMIZE_JOB_COLUMNS, List.of()),
                new Rows(OPTIMIZE_JOB_COLUMNS, List.of(List.of("9", "events", "2026-01-01 10:00:00", "NULL", "RUNNING",
                        "", "10%", "86400"))),
                new Rows(OPTIMIZE_JOB_COLUMNS, List.of(List.of("9", "events", "2026-01-01 10:00:00",
                        "2026-01-01 10:05:00", "FINISHED", "", "NULL", "86400"))));

        run(callback(Duration.ofMinutes(1)), "ALTER TABLE shop.events DISTRIBUTED BY HASH(id) BUCKETS 8");

        assertThat(this.server.executedSql()).filteredOn((sql) -> sql.startsWith("SHOW ALTER TABLE OPTIMIZE FROM `shop`"))
            .hasSize(3);
        assertThat(this.server.executedSql()).noneMatch((sql) -> sql.startsWith("SHOW ALTER TABLE COLUMN"));
    }

    @Test
    void synchronousStatementsAreNotWaitedFor() {
        run(callback(Duration.ofMinutes(1)), "ALTER TABLE events ADD PARTITION p2 VALUES LESS THAN (\"20\")");
        run(callback(Duration.ofMinutes(1)), "INSERT INTO events VALUES (1, 'a')");

        assertThat(this.server.executedSql()).isEmpty();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        ScriptedJdbc mysql = new ScriptedJdbc().on("@@version_comment",
                new Rows(List.of("@@version_comment"), List.of(List.of("MySQL Community Server - GPL"))));
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
