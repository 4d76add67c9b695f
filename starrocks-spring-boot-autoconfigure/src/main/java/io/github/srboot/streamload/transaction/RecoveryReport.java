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
 */
public record RecoveryReport(List<String> committed, List<String> rolledBack, List<String> alreadyVisible) {

    /**
     * Freezes the lists.
     */
    public RecoveryReport {
        committed = List.copyOf(committed);
        rolledBack = List.copyOf(rolledBack);
        alreadyVisible = List.copyOf(alreadyVisible);
    }

}
