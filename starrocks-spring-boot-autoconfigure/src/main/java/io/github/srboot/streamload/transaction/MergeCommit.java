package io.github.srboot.streamload.transaction;

import java.time.Duration;

/**
 * Settings of a merge commit load (StarRocks 3.4+, {@code enable_merge_commit}): the server merges the loads of
 * many small writers into one transaction per interval.
 *
 * @param interval {@code merge_commit_interval_ms}: how long the server collects loads into one transaction
 * @param parallel {@code merge_commit_parallel}: how many BEs take part
 * @param async {@code merge_commit_async}: {@code false} answers once the merged transaction committed;
 * {@code true} answers once the rows joined the merge window, before they are durable
 */
public record MergeCommit(Duration interval, int parallel, boolean async) {

    /**
     * Checks the settings.
     */
    public MergeCommit {
        if (interval == null || interval.toMillis() < 1) {
            throw new IllegalArgumentException("The merge commit interval must be at least 1 ms, got " + interval);
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("merge_commit_parallel must be at least 1, got " + parallel);
        }
    }

    /** Synchronous merge commit: the answer comes once the merged transaction committed. */
    public static MergeCommit synchronous(Duration interval, int parallel) {
        return new MergeCommit(interval, parallel, false);
    }

}
