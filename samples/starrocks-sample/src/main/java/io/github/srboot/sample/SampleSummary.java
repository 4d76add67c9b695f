package io.github.srboot.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run did, printed as the last lines of the output.
 *
 * @param mode where the data went
 * @param rowsLoaded rows StarRocks (or the stub) reported loaded, over all loads
 * @param bulkOrders orders in the bulk load
 * @param changesApplied change events applied, or {@code -1} when the CDC step did not run
 * @param loads Stream Loads that succeeded
 * @param failedLoads Stream Loads that failed for good
 * @param retries attempts retried with the same label
 * @param ordersInTable rows of {@code orders} at the end, checked against the feed
 * @param health the health status with its components
 */
record SampleSummary(SampleMode mode, long rowsLoaded, long bulkOrders, long changesApplied, long loads,
        long failedLoads, long retries, long ordersInTable, String health) {

    /**
     * The summary lines.
     */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Summary (" + ((this.mode == SampleMode.STUB)
                ? "stub mode: embedded Stream Load stub, no database" : "StarRocks cluster") + ")");
        lines.add("  rows loaded:     " + this.rowsLoaded + " (bulk: " + this.bulkOrders + " orders and their "
                + "daily_sales rows)");
        lines.add("  changes applied: " + ((this.changesApplied < 0) ? "none, the CDC step is not part of this build"
                : this.changesApplied));
        lines.add("  loads:           " + this.loads + " succeeded, " + this.failedLoads + " failed");
        lines.add("  retries:         " + this.retries);
        lines.add("  orders table:    " + this.ordersInTable + " rows, as the feed expects");
        lines.add("  health:          " + this.health);
        return lines;
    }

}
