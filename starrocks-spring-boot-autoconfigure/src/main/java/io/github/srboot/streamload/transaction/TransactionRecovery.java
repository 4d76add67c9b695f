package io.github.srboot.streamload.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes what a crashed exactly-once pipeline left behind, from the labels of its checkpoints
 * ({@link CheckpointLabels}) and the caller's last completed checkpoint.
 *
 * <p>The protocol it assumes, per checkpoint {@code n}: begin the transaction labelled for {@code n}, load, prepare;
 * record the source position together with {@code n} (the caller's checkpoint); then commit. So after a crash a
 * PREPARED transaction of a checkpoint up to the last recorded one belongs to a completed checkpoint and is
 * committed; a transaction of a later checkpoint is rolled back, because its batch will be replayed from the
 * recorded source position. Nothing is lost and nothing is loaded twice.
 */
public final class TransactionRecovery {

    private TransactionRecovery() {
    }

    /**
     * Recovers around {@code lastCheckpoint}; refuses when {@code lastCheckpointAge} (when known) is longer than
     * {@code labelKeep}: StarRocks drops a finished transaction's label {@code label_keep_max_second} after it
     * finished (FE {@code TransactionState.isExpired}, {@code DatabaseTransactionMgr.removeExpiredTxns}), and then
     * answers {@code UNKNOWN} for it whatever became of its batch.
     */
    public static Mono<RecoveryReport> recover(Function<String, StreamLoadTransaction> transactions, String table,
            String labelPrefix, long lastCheckpoint, int window, Duration lastCheckpointAge, Duration labelKeep) {
        if (window < 1) {
            throw new IllegalArgumentException("The recovery window must be at least 1 checkpoint, got " + window);
        }
        if (lastCheckpoint < -1) {
            throw new IllegalArgumentException("The last checkpoint is -1 (none yet) or more, got " + lastCheckpoint);
        }
        if (lastCheckpointAge != null && lastCheckpoint >= 0 && lastCheckpointAge.compareTo(labelKeep) > 0) {
            return Mono.error(new LabelExpiredException(table, CheckpointLabels.of(labelPrefix, table,
                    lastCheckpoint), lastCheckpoint, lastCheckpointAge, labelKeep));
        }
        List<String> committed = new ArrayList<>();
        List<String> rolledBack = new ArrayList<>();
        List<String> alreadyVisible = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        long first = Math.max(0, lastCheckpoint - window + 1);
        long last = lastCheckpoint + window;
        return Flux.fromStream(java.util.stream.LongStream.rangeClosed(first, last).boxed()).concatMap((checkpoint) -> {
            StreamLoadTransaction transaction = transactions
                .apply(CheckpointLabels.of(labelPrefix, table, checkpoint));
            boolean completed = checkpoint <= lastCheckpoint;
            return transaction.state().flatMap((state) -> switch (state) {
                case "PREPARED" -> completed
                        ? transaction.commit().doOnNext((result) -> committed.add(transaction.label())).then()
                        : transaction.rollback().doOnNext((result) -> rolledBack.add(transaction.label())).then();
                case "PREPARE" -> completed
                        ? Mono.error(lost(transaction, checkpoint, lastCheckpoint, state,
                                "was never prepared, so its rows are not durable"))
                        : transaction.rollback().doOnNext((result) -> rolledBack.add(transaction.label())).then();
                case "COMMITTED", "VISIBLE" -> {
                    if (!completed) {
                        alreadyVisible.add(transaction.label());
                    }
                    yield Mono.empty();
                }
                case "ABORTED" -> completed
                        ? Mono.error(lost(transaction, checkpoint, lastCheckpoint, state,
                                "was aborted by the server (e.g. its prepared_timeout passed)"))
                        : Mono.empty();
                case "UNKNOWN" -> {
                    // A completed checkpoint's transaction was prepared: StarRocks dropped its label since, and
                    // UNKNOWN no longer says whether it committed or was aborted. Never reported as committed.
                    if (completed) {
                        unknown.add(transaction.label());
                    }
                    yield Mono.empty();
                }
                default -> Mono.empty();
            });
        }, 0).then(Mono.fromSupplier(() -> new RecoveryReport(committed, rolledBack, alreadyVisible, unknown)));
    }

    private static StreamLoadTransactionException lost(StreamLoadTransaction transaction, long checkpoint,
            long lastCheckpoint, String state, String what) {
        return new StreamLoadTransactionException(transaction.table(), transaction.label(),
                TransactionOperation.COMMIT, state, "checkpoint " + checkpoint + " is completed (last checkpoint "
                        + lastCheckpoint + ") but its transaction " + what
                        + "; replay the source from before checkpoint " + checkpoint,
                null, false, null);
    }

}
