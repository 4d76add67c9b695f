package io.github.srboot.streamload;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.srboot.streamload.transaction.CheckpointLabels;
import io.github.srboot.streamload.transaction.LabelExpiredException;
import io.github.srboot.streamload.transaction.RecoveryReport;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.streamload.transaction.StreamLoadTransactionException;
import io.github.srboot.streamload.transaction.TransactionOperation;
import io.github.srboot.streamload.transaction.TransactionResult;
import io.github.srboot.test.streamload.LoadState;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.TableContents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transaction Stream Load API against the stub: begin, load, prepare, commit, rollback with StarRocks'
 * statuses, and recovery of a pipeline that crashed between prepare and commit, with no loss and no duplicate (on a
 * DUPLICATE KEY table, where a second load of a batch would show).
 */
class StreamLoadTransactionTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder().backends(2).table(StubTemplates.appendOnly("events")).start();
        this.template = StubTemplates.builder(this.stub).build();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    private TableContents events() {
        return this.stub.table("shop", "events");
    }

    private static List<StubTemplates.Item> batch(long checkpoint) {
        return LongStream.range(0, 3).mapToObj((i) -> new StubTemplates.Item(checkpoint * 100 + i, "c" + checkpoint))
            .toList();
    }

    @Test
    void preparedRowsAreInvisibleUntilCommitAndACommitTwiceIsOk() {
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_a");
        TransactionResult begun = transaction.begin().block();
        TransactionResult loaded = transaction.load(batch(1)).block();
        transaction.load(batch(2)).block();
        TransactionResult prepared = transaction.prepare().block();

        assertThat(begun.txnId()).isPositive();
        assertThat(loaded.loadedRows()).isEqualTo(3);
        assertThat(prepared.loadedRows()).isEqualTo(6);
        assertThat(events().rowCount()).isZero();
        assertThat(this.stub.loadState("shop", "txn_a")).isEqualTo(LoadState.PREPARED);
        assertThat(transaction.state().block()).isEqualTo("PREPARED");

        TransactionResult committed = transaction.commit().block();
        TransactionResult again = transaction.commit().block();

        assertThat(committed.alreadyDone()).isFalse();
        assertThat(again.alreadyDone()).isTrue();
        assertThat(events().rowCount()).isEqualTo(6);
        assertThat(transaction.state().block()).isEqualTo("VISIBLE");
    }

    @Test
    void aFrontendThatRefusesConnectionsIsSkippedAndNoAnswerIsAnUnknownOutcome() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        java.net.URI refusing = java.net.URI.create("http://127.0.0.1:" + closedPort);
        try (StreamLoadTemplate failover = StubTemplates.builder(this.stub)
            .frontends(List.of(refusing, this.stub.frontendUrls().get(0)))
            .build();
                StreamLoadTemplate unreachable = StubTemplates.builder(this.stub).frontends(List.of(refusing)).build()) {
            StreamLoadTransaction transaction = failover.transaction("events", "txn_failover");
            transaction.begin().then(transaction.load(batch(1))).then(transaction.commit()).block();

            assertThat(events().rowCount()).isEqualTo(3);
            assertThatThrownBy(() -> unreachable.transaction("events", "txn_failover_2").commit().block())
                .isInstanceOfSatisfying(StreamLoadTransactionException.class,
                        (ex) -> assertThat(ex.outcomeUnknown()).isTrue());
        }
    }

    @Test
    void labelLookUpsAskTheFesInRotationFirst() throws Exception {
        // One FE choice for label look-ups, transactions and merge commit (Frontends.inTurn): an FE that dropped a
        // look-up's connection is ejected and the next look-up starts at an FE in rotation, instead of at the
        // first configured FE every time.
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        try (java.net.ServerSocket dropping = new java.net.ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!dropping.isClosed()) {
                    try (java.net.Socket connection = dropping.accept()) {
                        accepted.incrementAndGet();
                    }
                    catch (java.io.IOException ex) {
                        return;
                    }
                }
            }, "dropping-fe");
            acceptor.setDaemon(true);
            acceptor.start();
            java.net.URI droppingFe = java.net.URI.create("http://127.0.0.1:" + dropping.getLocalPort());
            StreamLoadTransaction transaction = this.template.transaction("events", "txn_lookup");
            transaction.begin().then(transaction.load(batch(1))).then(transaction.commit()).block();
            try (StreamLoadTemplate template = StubTemplates.builder(this.stub)
                .frontends(List.of(droppingFe, this.stub.frontendUrls().get(0)))
                .build()) {

                assertThat(template.loadState("events", "txn_lookup").block()).isEqualTo("VISIBLE");
                int afterFirst = accepted.get();
                assertThat(template.loadState("events", "txn_lookup").block()).isEqualTo("VISIBLE");
                assertThat(template.loadState("events", "txn_lookup").block()).isEqualTo("VISIBLE");

                assertThat(afterFirst).as("the dropping FE was asked and ejected").isPositive();
                assertThat(accepted.get()).as("later look-ups start at the FE in rotation").isEqualTo(afterFirst);
            }
        }
    }

    @Test
    void aCommitAnsweredTxnInProcessingIsAskedAgainOnlyAsOftenAsTheRetryPolicyAllows() throws Exception {
        // TXN_IN_PROCESSING (the BE's answer while another request works on the transaction, BE
        // TransactionStreamLoadAction; the stub's BackendHandler.claimed) is retried by the one retry mechanism,
        // bounded by max-retries like every other retry, not by a fixed count of its own.
        try (StreamLoadStubServer single = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events"))
            .start();
                StreamLoadTemplate oneRetry = StubTemplates.builder(single)
                    .retryPolicy(new RetryPolicy(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1),
                            java.time.Duration.ofMillis(1)))
                    .build()) {
            oneRetry.transaction("events", "txn_busy").begin().block();
            int backend = single.backends().get(0).port();
            try (java.net.Socket loading = new java.net.Socket("127.0.0.1", backend)) {
                // A load of the transaction that has sent its head and waits to send its body.
                String head = "PUT /api/transaction/load HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                        + java.util.Base64.getEncoder().encodeToString((single.username() + ":" + single.password())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "\r\ndb: shop\r\ntable: events\r\nlabel: txn_busy\r\nformat: json\r\n"
                        + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n";
                loading.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                loading.getOutputStream().flush();
                java.io.BufferedReader answer = new java.io.BufferedReader(new java.io.InputStreamReader(
                        loading.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(answer.readLine()).contains("100");
                long before = single.backends().get(0).requests();

                assertThatThrownBy(() -> oneRetry.transaction("events", "txn_busy").commit().block())
                    .isInstanceOfSatisfying(StreamLoadTransactionException.class,
                            (ex) -> assertThat(ex.serverStatus()).isEqualTo("TXN_IN_PROCESSING"));
                assertThat(single.backends().get(0).requests() - before)
                    .as("commit requests the BE received: the first and one retry").isEqualTo(2);
            }
        }
    }

    @Test
    void rollbackDropsTheRowsAndFreesTheLabel() {
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_b");
        transaction.begin().block();
        transaction.load(batch(1)).block();
        transaction.rollback().block();

        assertThat(events().rowCount()).isZero();
        assertThat(transaction.state().block()).isEqualTo("ABORTED");
        transaction.begin().block();
        transaction.load(batch(2)).block();
        transaction.commit().block();
        assertThat(events().rows()).extracting((row) -> row.get("name")).containsOnly("c2");
    }

    @Test
    void beginUnderACommittedLabelFailsWithLabelAlreadyExists() {
        StreamLoadTransaction first = this.template.transaction("events", "txn_c");
        first.begin().then(first.load(batch(1))).then(first.commit()).block();

        assertThatThrownBy(() -> this.template.transaction("events", "txn_c").begin().block())
            .isInstanceOfSatisfying(StreamLoadTransactionException.class, (ex) -> {
                assertThat(ex.serverStatus()).isEqualTo("LABEL_ALREADY_EXISTS");
                assertThat(ex.existingJobStatus()).isEqualTo("FINISHED");
                assertThat(ex.operation()).isEqualTo(TransactionOperation.BEGIN);
            });
    }

    @Test
    void committingAnUnknownLabelFailsAndRollingItBackIsNothingToDo() {
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_never_begun");

        assertThatThrownBy(() -> transaction.commit().block())
            .isInstanceOfSatisfying(StreamLoadTransactionException.class,
                    (ex) -> assertThat(ex.serverStatus()).isEqualTo("FAILED"))
            .hasMessageContaining("No transaction found")
            .hasMessageContaining("load state UNKNOWN");
        assertThat(transaction.rollback().block().alreadyDone()).isTrue();
    }

    @Test
    void rollingBackACommittedTransactionFailsWithItsLoadState() {
        // StarRocks answers FAILED to a rollback after a commit (its SQL test test_stream_load_basic_txn,
        // test_basic_txn_commit_operations; corpus stream-load CASE_044); the committed rows stay, so the rollback
        // must not be reported as done.
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_committed_then_rolled_back");
        transaction.begin().then(transaction.load(batch(1))).then(transaction.commit()).block();

        assertThatThrownBy(() -> transaction.rollback().block())
            .isInstanceOfSatisfying(StreamLoadTransactionException.class,
                    (ex) -> assertThat(ex.serverStatus()).isEqualTo("FAILED"))
            .hasMessageContaining("load state VISIBLE");
    }

    @Test
    void aCrashBetweenPrepareAndCommitIsRecoveredWithoutLossOrDuplicate() {
        // Checkpoints 0..3: each begins, loads and prepares; the pipeline records checkpoints 0..2 (its source
        // position and checkpoint id), commits 0 and 1, then crashes before committing 2 and before recording 3.
        for (long checkpoint = 0; checkpoint <= 3; checkpoint++) {
            StreamLoadTransaction transaction = this.template.transaction("events",
                    CheckpointLabels.of("pipe", "events", checkpoint));
            transaction.begin().then(transaction.load(batch(checkpoint))).then(transaction.prepare()).block();
            if (checkpoint <= 1) {
                transaction.commit().block();
            }
        }
        this.template.close();
        long lastRecordedCheckpoint = 2;

        this.template = StubTemplates.builder(this.stub).build();
        RecoveryReport report = this.template.recover("events", "pipe", lastRecordedCheckpoint, 5).block();

        assertThat(report.committed()).containsExactly("pipe_events_2");
        assertThat(report.rolledBack()).containsExactly("pipe_events_3");
        assertThat(report.alreadyVisible()).isEmpty();
        // The source replays from after checkpoint 2: checkpoint 3's batch again, under the same label.
        StreamLoadTransaction replay = this.template.transaction("events", "pipe_events_3");
        replay.begin().then(replay.load(batch(3))).then(replay.prepare()).then(replay.commit()).block();

        assertThat(events().rowCount()).isEqualTo(12);
        for (long checkpoint = 0; checkpoint <= 3; checkpoint++) {
            for (long i = 0; i < 3; i++) {
                assertThat(events().rowsWithKey(checkpoint * 100 + i)).hasSize(1);
            }
        }
    }

    @Test
    void recoveryReportsCommittedCheckpointsAfterTheRecordedOneSoThatTheirReplayIsSkipped() {
        StreamLoadTransaction transaction = this.template.transaction("events", CheckpointLabels.of("pipe", "events",
                5));
        transaction.begin().then(transaction.load(batch(5))).then(transaction.prepare()).then(transaction.commit())
            .block();

        RecoveryReport report = this.template.recover("events", "pipe", 4, 3).block();

        assertThat(report.alreadyVisible()).containsExactly("pipe_events_5");
        assertThat(report.committed()).isEmpty();
        assertThat(report.rolledBack()).isEmpty();
    }

    @Test
    void aCompletedCheckpointWhoseTransactionWasAbortedFailsRecoveryLoudly() {
        StreamLoadTransaction transaction = this.template.transaction("events", CheckpointLabels.of("pipe", "events",
                1));
        transaction.begin().then(transaction.load(batch(1))).then(transaction.prepare())
            .then(transaction.rollback()).block();

        assertThatThrownBy(() -> this.template.recover("events", "pipe", 1, 2).block())
            .isInstanceOf(StreamLoadTransactionException.class)
            .hasMessageContaining("pipe_events_1")
            .hasMessageContaining("replay the source from before checkpoint 1");
    }

    // ---- issue 22 item 12: recovery never trusts a label StarRocks may have dropped ----

    @Test
    void aCompletedCheckpointWhoseLabelStarRocksNoLongerKnowsIsReportedUnknownNotCommitted() {
        // checkpoint 1 completed long ago; StarRocks dropped its label, so get_load_state answers UNKNOWN for it as
        // for a label it never saw (FE DatabaseTransactionMgr.removeExpiredTxns drops the label)
        StreamLoadTransaction next = this.template.transaction("events", CheckpointLabels.of("pipe", "events", 2));
        next.begin().then(next.load(batch(2))).then(next.prepare()).block();

        RecoveryReport report = this.template.recover("events", "pipe", 1, 2).block();

        assertThat(report.unknown()).containsExactly("pipe_events_0", "pipe_events_1");
        assertThat(report.committed()).isEmpty();
        assertThat(report.rolledBack()).containsExactly("pipe_events_2");
    }

    @Test
    void recoveryRefusesACheckpointOlderThanStarRocksKeepsItsLabelAndTouchesNothing() {
        StreamLoadTransaction prepared = this.template.transaction("events", CheckpointLabels.of("pipe", "events", 3));
        prepared.begin().then(prepared.load(batch(3))).then(prepared.prepare()).block();
        java.time.Instant recorded = java.time.Instant.now().minus(java.time.Duration.ofHours(73));

        assertThatThrownBy(() -> this.template.recover("events", "pipe", 3, recorded, 2).block())
            .isInstanceOfSatisfying(LabelExpiredException.class, (ex) -> {
                assertThat(ex.label()).isEqualTo("pipe_events_3");
                assertThat(ex.age()).isGreaterThanOrEqualTo(java.time.Duration.ofHours(73));
                assertThat(ex.labelKeep()).isEqualTo(java.time.Duration.ofDays(3));
            })
            .hasMessageContaining("pipe_events_3")
            .hasMessageContaining("label_keep_max_second");
        // nothing was committed on the strength of a label that may be gone
        assertThat(this.stub.loadState("shop", "pipe_events_3")).isEqualTo(LoadState.PREPARED);
        assertThat(events().rowCount()).isZero();
    }

    @Test
    void aCheckpointWithinTheLabelWindowIsRecoveredAndTheWindowFollowsTheCluster() {
        StreamLoadTransaction prepared = this.template.transaction("events", CheckpointLabels.of("pipe", "events", 3));
        prepared.begin().then(prepared.load(batch(3))).then(prepared.prepare()).block();
        java.time.Instant recorded = java.time.Instant.now().minus(java.time.Duration.ofHours(2));
        try (StreamLoadTemplate shortKeep = StubTemplates.builder(this.stub)
            .labelKeep(java.time.Duration.ofHours(1))
            .build()) {
            assertThatThrownBy(() -> shortKeep.recover("events", "pipe", 3, recorded, 2).block())
                .isInstanceOf(LabelExpiredException.class);
        }

        RecoveryReport report = this.template.recover("events", "pipe", 3, recorded, 2).block();

        assertThat(report.committed()).containsExactly("pipe_events_3");
        assertThat(events().rowCount()).isEqualTo(3);
    }

}
