/**
 * Exactly-once Stream Load: transaction Stream Load ({@code StreamLoadTransaction}, its results and exception),
 * checkpoint labels and writers ({@code CheckpointLabels}, {@code CheckpointWriter}, {@code CheckpointBatch}),
 * recovery of prepared transactions ({@code TransactionRecovery}, {@code RecoveryReport}) and merge commit
 * ({@code MergeCommit}, {@code MergeCommitLoader}). Its HTTP calls, redirects, FE choice, label settlement and
 * retries are those of {@code streamload.internal.http} and {@code RetryPolicy}, shared with plain loads.
 */
package io.github.srboot.streamload.transaction;
