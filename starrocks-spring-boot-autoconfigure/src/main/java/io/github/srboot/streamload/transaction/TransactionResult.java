package io.github.srboot.streamload.transaction;

/**
 * What StarRocks answered to one successful transaction operation.
 *
 * @param table the table
 * @param label the transaction's label
 * @param operation the operation
 * @param txnId the transaction id, or {@code -1} when the server did not report one
 * @param message the server's message (e.g. "Transaction [l] is already committed")
 * @param loadedRows rows loaded (by this {@code load}, or by the whole transaction for {@code prepare} and
 * {@code commit}); {@code -1} when not reported
 * @param filteredRows rows rejected by data quality checks; {@code -1} when not reported
 * @param loadBytes bytes read by the server; {@code -1} when not reported
 * @param alreadyDone whether the operation had already happened (a second commit, or a commit/rollback of a label
 * the server had already finished)
 * @param visibleLater whether a commit is committed but not yet visible: StarRocks answered {@code PUBLISH_TIMEOUT}
 * or the label is {@code COMMITTED}; the rows become visible by themselves, so the batch must not be loaded again
 */
public record TransactionResult(String table, String label, TransactionOperation operation, long txnId,
        String message, long loadedRows, long filteredRows, long loadBytes, boolean alreadyDone,
        boolean visibleLater) {
}
