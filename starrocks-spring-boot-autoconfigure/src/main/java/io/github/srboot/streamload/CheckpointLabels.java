package io.github.srboot.streamload;

/**
 * Deterministic labels from a caller's checkpoint (or batch sequence) id: {@code <prefix>_<table>_<checkpoint>}.
 * A restarted producer that replays a batch under the same checkpoint id reuses its label, so StarRocks refuses
 * the batch if it committed before ({@code Label Already Exists}), whatever the table's key model.
 */
public final class CheckpointLabels {

    private CheckpointLabels() {
    }

    /**
     * The label of one checkpoint of a table.
     * @throws IllegalArgumentException when the parts contain characters outside {@code [0-9A-Za-z_-]} or make a
     * label longer than 128 characters
     */
    public static String of(String prefix, String table, String checkpointId) {
        Labels.requireValidPrefix(prefix);
        if (checkpointId == null || checkpointId.isEmpty()) {
            throw new IllegalArgumentException("A checkpoint id is required for a deterministic label.");
        }
        String label = prefix + "_" + table + "_" + checkpointId;
        try {
            Labels.requireValidLabel(label);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("The checkpoint label '" + label + "' (prefix '" + prefix
                    + "', table '" + table + "', checkpoint '" + checkpointId
                    + "') is not a valid Stream Load label: use 1 to 128 characters out of [0-9A-Za-z_-].", ex);
        }
        return label;
    }

    /** The label of a numbered checkpoint of a table. */
    public static String of(String prefix, String table, long checkpointId) {
        if (checkpointId < 0) {
            throw new IllegalArgumentException("Checkpoint ids are not negative, got " + checkpointId);
        }
        return of(prefix, table, Long.toString(checkpointId));
    }

}
