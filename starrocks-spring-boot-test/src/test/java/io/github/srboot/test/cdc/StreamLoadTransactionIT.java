package io.github.srboot.test.cdc;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.srboot.ddl.ColumnOption;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropDatabase;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.streamload.transaction.CheckpointLabels;
import io.github.srboot.streamload.transaction.RecoveryReport;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.streamload.transaction.StreamLoadTransactionException;
import io.github.srboot.streamload.transaction.TransactionResult;
import io.github.srboot.test.support.EnabledIfStarRocksAvailable;
import io.github.srboot.test.support.StarRocksTestCluster;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transaction Stream Load API against a real StarRocks: prepared rows invisible until commit, commit twice,
 * rollback, a used label, and recovery after a crash between prepare and commit (a DUPLICATE KEY table, where a
 * duplicate would show).
 */
@EnabledIfStarRocksAvailable
class StreamLoadTransactionIT {

    private static final String DATABASE = "srboot_txn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private static StarRocksTemplate sql;

    private static JdbcTemplate jdbc;

    record Event(long id, String name) {
    }

    @BeforeAll
    static void createTable() {
        sql = new StarRocksTemplate(StarRocksTestCluster.get().dataSource(),
                new AlterJobPolling(Duration.ofMillis(500), Duration.ofMinutes(2)));
        jdbc = (JdbcTemplate) sql.getJdbcOperations();
        sql.createDatabase(DATABASE);
        sql.create(DATABASE, Table.builder("events")
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .column("name", ScalarType.of(ScalarKind.STRING))
            .duplicateKey("id")
            .property("replication_num", "1")
            .build());
    }

    @AfterAll
    static void dropDatabase() {
        if (sql != null) {
            sql.execute(new DropDatabase(DATABASE, true, true));
        }
    }

    private static StreamLoadTemplate template() {
        return StarRocksTestCluster.get().streamLoadTemplate(DATABASE).build();
    }

    private static final String EVENTS = Ddl.quoteIdentifier(DATABASE) + ".`events`";

    private static long count(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM " + EVENTS + " WHERE name = ?", Long.class, name);
    }

    private static List<Event> batch(String name, long from) {
        return LongStream.range(from, from + 3).mapToObj((id) -> new Event(id, name)).toList();
    }

    @Test
    void preparedRowsBecomeVisibleOnCommitAndACommitTwiceIsOk() {
        try (StreamLoadTemplate template = template()) {
            StreamLoadTransaction transaction = template.transaction("events", "it_txn_commit");
            transaction.begin().block();
            transaction.load(batch("commit", 0)).block();
            transaction.prepare().block();
            assertThat(count("commit")).isZero();
            assertThat(transaction.state().block()).isEqualTo("PREPARED");

            TransactionResult committed = transaction.commit().block();
            TransactionResult again = transaction.commit().block();

            assertThat(committed.alreadyDone()).isFalse();
            assertThat(again).isNotNull();
            assertThat(count("commit")).isEqualTo(3);
            assertThatThrownBy(() -> template.transaction("events", "it_txn_commit").begin().block())
                .isInstanceOfSatisfying(StreamLoadTransactionException.class,
                        (ex) -> assertThat(ex.serverStatus()).isEqualTo("LABEL_ALREADY_EXISTS"));
        }
    }

    @Test
    void rollbackLoadsNothing() {
        try (StreamLoadTemplate template = template()) {
            StreamLoadTransaction transaction = template.transaction("events", "it_txn_rollback");
            transaction.begin().then(transaction.load(batch("rollback", 10))).then(transaction.rollback()).block();

            assertThat(count("rollback")).isZero();
            assertThat(transaction.state().block()).isIn("ABORTED", "UNKNOWN");
        }
    }

    @Test
    void aCrashBetweenPrepareAndCommitIsRecoveredWithoutLossOrDuplicate() {
        String prefix = "it_pipe";
        try (StreamLoadTemplate template = template()) {
            for (long checkpoint = 0; checkpoint <= 2; checkpoint++) {
                StreamLoadTransaction transaction = template.transaction("events",
                        CheckpointLabels.of(prefix, "events", checkpoint));
                transaction.begin().then(transaction.load(batch("pipe", 100 + checkpoint * 10)))
                    .then(transaction.prepare()).block();
                if (checkpoint == 0) {
                    transaction.commit().block();
                }
            }
        }
        try (StreamLoadTemplate restarted = template()) {
            RecoveryReport report = restarted.recover("events", prefix, 1, 3).block();

            assertThat(report.committed()).containsExactly("it_pipe_events_1");
            assertThat(report.rolledBack()).containsExactly("it_pipe_events_2");
            StreamLoadTransaction replay = restarted.transaction("events", "it_pipe_events_2");
            replay.begin().then(replay.load(batch("pipe", 120))).then(replay.prepare()).then(replay.commit()).block();
        }
        assertThat(count("pipe")).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT id) FROM " + EVENTS + " WHERE name = ?", Long.class,
                "pipe")).isEqualTo(9);
    }

}
