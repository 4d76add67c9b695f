package io.github.srboot.streamload;

import java.net.URI;
import java.time.Duration;

/**
 * What StarRocks said about one successful Stream Load, plus how the client got there.
 *
 * @param database the database loaded into
 * @param table the table loaded into
 * @param label the label of the load (the same on every attempt)
 * @param txnId the transaction id, or {@code -1} when the server did not report one
 * @param status how the load ended
 * @param message the server's message
 * @param totalRows rows the server read
 * @param loadedRows rows loaded
 * @param filteredRows rows rejected by data quality checks (see {@code errorUrl})
 * @param unselectedRows rows dropped by the {@code where} condition
 * @param loadBytes bytes the server read
 * @param timings the server's timings of the load
 * @param errorUrl where the server lists rejected rows, or {@code null}
 * @param attempts how many requests this load took (1 without retries)
 * @param elapsed wall time from the first attempt to the final answer
 * @param frontend the FE that accepted the last attempt
 * @param backend the BE that ran the last attempt, or {@code null} when no BE answered (label look-ups)
 */
public record LoadResult(String database, String table, String label, long txnId, LoadStatus status,
        String message, long totalRows, long loadedRows, long filteredRows, long unselectedRows, long loadBytes,
        ServerTimings timings, String errorUrl, int attempts, Duration elapsed, URI frontend, URI backend) {

    /**
     * Whether the loaded rows are visible to queries now; {@code false} after a {@code Publish Timeout}.
     */
    public boolean visible() {
        return this.status != LoadStatus.PUBLISH_TIMEOUT;
    }

    /**
     * The server's timings in milliseconds; {@code -1} when the server did not report a value.
     *
     * @param loadTimeMs the whole load
     * @param beginTxnTimeMs beginning the transaction
     * @param streamLoadPlanTimeMs planning (older servers: {@code StreamLoadPutTimeMs})
     * @param readDataTimeMs reading the body
     * @param writeDataTimeMs writing the data
     * @param commitAndPublishTimeMs commit and publish
     */
    public record ServerTimings(long loadTimeMs, long beginTxnTimeMs, long streamLoadPlanTimeMs, long readDataTimeMs,
            long writeDataTimeMs, long commitAndPublishTimeMs) {
    }

}
