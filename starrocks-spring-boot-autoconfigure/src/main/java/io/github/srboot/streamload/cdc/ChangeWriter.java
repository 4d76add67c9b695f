package io.github.srboot.streamload.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadTemplate;

import reactor.core.publisher.Flux;

/**
 * A blocking writer of change records for non-reactive pipelines: {@code write} buffers, and when
 * {@link CdcOptions#maxBatchChanges()} changes are buffered (or on {@code flush}/{@code close}) the batch is
 * applied as {@link StreamLoadTemplate#applyChanges} would, on the caller's thread. There is no background timer:
 * call {@link #flush()} at the source's commit points. Thread-safe. Obtain one from
 * {@link StreamLoadTemplate#changeWriter(String, CdcOptions)}.
 */
public final class ChangeWriter implements AutoCloseable {

    private final String table;

    private final int maxBatchChanges;

    private final Function<List<ChangeRecord>, Flux<LoadResult>> applier;

    private final List<ChangeRecord> buffered = new ArrayList<>();

    private boolean closed;

    public ChangeWriter(String table, int maxBatchChanges, Function<List<ChangeRecord>, Flux<LoadResult>> applier) {
        this.table = table;
        this.maxBatchChanges = maxBatchChanges;
        this.applier = applier;
    }

    /**
     * Buffers a change; applies the batch when it is full.
     * @return the results of the loads this call made (empty unless the batch was full)
     * @throws StreamLoadException when a load failed (the batch's changes are then dropped from the buffer: replay
     * them from the source position of the failed batch)
     */
    public synchronized List<LoadResult> write(ChangeRecord change) {
        requireOpen();
        if (change == null) {
            throw new IllegalArgumentException("A change record is null.");
        }
        this.buffered.add(change);
        return (this.buffered.size() >= this.maxBatchChanges) ? flush() : List.of();
    }

    /**
     * Applies the buffered changes and waits for their loads.
     * @return the results of the loads
     */
    public synchronized List<LoadResult> flush() {
        requireOpen();
        if (this.buffered.isEmpty()) {
            return List.of();
        }
        List<ChangeRecord> batch = List.copyOf(this.buffered);
        this.buffered.clear();
        List<LoadResult> results = this.applier.apply(batch).collectList().block();
        return (results != null) ? results : List.of();
    }

    /** Flushes, then refuses further writes. Idempotent. */
    @Override
    public synchronized void close() {
        if (!this.closed) {
            try {
                flush();
            }
            finally {
                this.closed = true;
            }
        }
    }

    /** The table this writer loads into. */
    public String table() {
        return this.table;
    }

    private void requireOpen() {
        if (this.closed) {
            throw new IllegalStateException("The change writer for '" + this.table + "' is closed.");
        }
    }

}
