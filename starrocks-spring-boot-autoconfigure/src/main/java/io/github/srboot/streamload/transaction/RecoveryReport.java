package io.github.srboot.streamload.transaction;

import java.util.List;

import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * What {@link StreamLoadTemplate#recover} did with the transactions a crashed pipeline left behind.
 *
 * @param committed labels of PREPARED transactions of completed checkpoints, committed now
 * @param rolledBack labels of transactions of checkpoints after the caller's last one, rolled back now (their
 * batches will be replayed)
 * @param alreadyVisible labels of checkpoints after the caller's last one that had committed already: skip these
 * batches when replaying (beginning them again answers {@code LABEL_ALREADY_EXISTS})
 * @param unknown labels of completed checkpoints that StarRocks no longer knows ({@code get_load_state} answers
 * {@code UNKNOWN}: it dropped the label, older than {@code label_keep_max_second} or beyond the newest
 * {@code label_keep_max_num} transactions of the database): whether their batch committed or was aborted cannot be
 * told any more, so they are reported here, never as committed
 */
public record RecoveryReport(List<String> committed, List<String> rolledBack, List<String> alreadyVisible,
        List<String> unknown) {

    /**
     * Freezes the lists.
     */
    public RecoveryReport {
        committed = List.copyOf(committed);
        rolledBack = List.copyOf(rolledBack);
        alreadyVisible = List.copyOf(alreadyVisible);
        unknown = List.copyOf(unknown);
    }

}
