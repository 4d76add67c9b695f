package io.github.srboot.streamload.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * A blocking writer with deterministic labels: rows are buffered until {@link #checkpoint(String)}, which loads
 * them as one Stream Load labelled from the checkpoint id and waits for it. A producer that restarts and replays
 * a checkpoint gets {@link LoadStatus#ALREADY_LOADED} instead of a second copy, for every key model. The rows of
 * one checkpoint must fit in the template's {@code max-in-flight-bytes}. Thread-safe. Obtain one from
 * {@link StreamLoadTemplate#checkpointWriter(String, LoadOptions)}.
 *
 * @param <T> the row type
 */
public final class CheckpointWriter<T> {

    private final String table;

    private final BiFunction<String, List<T>, LoadResult> loader;

    private final List<T> buffered = new ArrayList<>();

    public CheckpointWriter(String table, BiFunction<String, List<T>, LoadResult> loader) {
        this.table = table;
        this.loader = loader;
    }

    /** Buffers a row for the next checkpoint. */
    public synchronized void write(T row) {
        if (row == null) {
            throw new IllegalArgumentException("A row is null.");
        }
        this.buffered.add(row);
    }

    /**
     * Loads the rows buffered since the last checkpoint under the checkpoint's label and waits for the outcome.
     * @return the load's result, or {@code null} when no row was buffered
     * @throws StreamLoadException when the load failed (the rows stay buffered, so the same checkpoint can be tried
     * again under the same label)
     */
    public synchronized LoadResult checkpoint(String checkpointId) {
        if (this.buffered.isEmpty()) {
            return null;
        }
        LoadResult result = this.loader.apply(checkpointId, List.copyOf(this.buffered));
        this.buffered.clear();
        return result;
    }

    /** The table this writer loads into. */
    public String table() {
        return this.table;
    }

}
