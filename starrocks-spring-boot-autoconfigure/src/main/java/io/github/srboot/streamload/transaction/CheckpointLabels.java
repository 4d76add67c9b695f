package io.github.srboot.streamload.transaction;

import io.github.srboot.streamload.internal.http.Labels;

/**
 * Deterministic labels from a caller's checkpoint (or batch sequence) id: {@code <prefix>_<table>_<checkpoint>}.
 * A restarted producer that replays a batch under the same checkpoint id reuses its label, so StarRocks refuses
 * the batch if it committed before ({@code Label Already Exists}), whatever the table's key model.
 *
 * <p>Neither the prefix nor the checkpoint id may contain {@code _} (the table may): the label then reads back
 * one way only (prefix up to the first {@code _}, id after the last), so the labels of two tables, or of two
 * prefixes, can never be the same text and one batch never passes for another's.
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
        if (prefix.indexOf('_') >= 0) {
            throw new IllegalArgumentException("The checkpoint label prefix '" + prefix + "' contains '_': prefix "
                    + "'a_b' on table 'c' and prefix 'a' on table 'b_c' would make the same labels; use '-' instead.");
        }
        if (checkpointId.indexOf('_') >= 0) {
            throw new IllegalArgumentException("The checkpoint id '" + checkpointId + "' contains '_': table 'a_b' at"
                    + " checkpoint 'c' and table 'a' at checkpoint 'b_c' would make the same label; use '-' instead.");
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
