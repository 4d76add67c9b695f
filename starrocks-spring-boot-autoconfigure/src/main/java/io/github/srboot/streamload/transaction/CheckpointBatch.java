package io.github.srboot.streamload.transaction;

import java.util.List;

/**
 * The rows a producer loads for one checkpoint (or batch sequence number): loaded under the deterministic label
 * {@link CheckpointLabels#of(String, String, String) prefix_table_checkpointId}, so a replay after a restart is
 * recognised by StarRocks and not loaded twice.
 *
 * @param checkpointId the caller's id of the batch, stable across restarts ({@code [0-9A-Za-z_-]})
 * @param rows the rows
 * @param <T> the row type
 */
public record CheckpointBatch<T>(String checkpointId, List<T> rows) {

    /**
     * Checks and freezes the batch.
     */
    public CheckpointBatch {
        if (checkpointId == null || checkpointId.isEmpty()) {
            throw new IllegalArgumentException("A checkpoint batch needs its checkpoint id.");
        }
        rows = List.copyOf(rows);
    }

}
