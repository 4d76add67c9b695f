package io.github.srboot.streamload;

import java.time.Instant;
import java.util.List;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.ChangeWriter;
import io.github.srboot.streamload.transaction.CheckpointBatch;
import io.github.srboot.streamload.transaction.CheckpointWriter;
import io.github.srboot.streamload.transaction.MergeCommit;
import io.github.srboot.streamload.transaction.RecoveryReport;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * The Stream Load operations of {@link StreamLoadTemplate}, as an interface that application code can depend on and
 * tests can mock; the template's documentation of each method applies.
 */
public interface StreamLoadOperations {

    /** Loads all rows as one Stream Load with the default options; completes empty when there are no rows. */
    Mono<LoadResult> load(String table, Flux<?> rows);

    /** Loads all rows as one Stream Load; completes empty when there are no rows. */
    Mono<LoadResult> load(String table, Flux<?> rows, LoadOptions options);

    /** Loads a pre-encoded body (in {@code options.format()}, compressed as {@code options.compression()} says). */
    Mono<LoadResult> loadBytes(String table, Publisher<DataBuffer> body, LoadOptions options);

    /** Continuous ingestion with the default options: one result per load. */
    Flux<LoadResult> stream(String table, Flux<?> rows);

    /** Continuous ingestion: rows cut into loads by the batch policy, loaded in order, one result per load. */
    Flux<LoadResult> stream(String table, Flux<?> rows, LoadOptions options);

    /** A blocking writer for non-reactive code, with the default options. */
    <T> StreamLoadWriter<T> writer(String table);

    /** A blocking writer for non-reactive code. */
    <T> StreamLoadWriter<T> writer(String table, LoadOptions options);

    /** Sends a batch that failed again, under its label, with its headers. */
    Mono<LoadResult> retry(FailedBatch batch);

    /** Applies change records (inserts, updates, deletes) to a Primary Key table. */
    Flux<LoadResult> applyChanges(String table, Flux<ChangeRecord> changes, CdcOptions options);

    /**
     * Applies one batch of change records under labels derived from {@code batchId}, all-or-nothing when it needs
     * several loads; the same batch applied again under the same id is recognised by StarRocks, not applied twice.
     */
    Flux<LoadResult> applyChangeBatch(String table, List<ChangeRecord> changes, CdcOptions options, String batchId);

    /** A blocking writer of change records. */
    ChangeWriter changeWriter(String table, CdcOptions options);

    /** Completes once no earlier load of the table that ended {@code OUTCOME_UNKNOWN} can still commit. */
    Mono<Void> awaitSettled(String database, String table);

    /** Continuous ingestion with deterministic labels derived from the caller's checkpoint ids. */
    <T> Flux<LoadResult> streamCheckpoints(String table, Flux<CheckpointBatch<T>> batches, LoadOptions options);

    /** A blocking writer whose loads are labelled from the caller's checkpoint ids. */
    <T> CheckpointWriter<T> checkpointWriter(String table, LoadOptions options);

    /** Loads rows with merge commit ({@code enable_merge_commit}, StarRocks 3.4+). */
    Mono<LoadResult> loadWithMergeCommit(String table, Flux<?> rows, LoadOptions options, MergeCommit mergeCommit);

    /** A transaction Stream Load on {@code table} under {@code label}, loading JSON; nothing is sent until begin. */
    StreamLoadTransaction transaction(String table, String label);

    /** A transaction Stream Load with load options. */
    StreamLoadTransaction transaction(String table, String label, LoadOptions options);

    /** After a crash, finishes the transactions of {@code table} labelled for the checkpoints around the last one. */
    Mono<RecoveryReport> recover(String table, String labelPrefix, long lastCheckpoint, int window);

    /**
     * Like {@link #recover(String, String, long, int)}, refusing a last checkpoint recorded longer ago than
     * StarRocks keeps the labels it reads.
     */
    Mono<RecoveryReport> recover(String table, String labelPrefix, long lastCheckpoint, Instant lastCheckpointTime,
            int window);

    /** The state of a label in the table's database, as {@code get_load_state} says. */
    Mono<String> loadState(String table, String label);

}
