package io.github.srboot.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run did, printed as the last lines of the output.
 *
 * @param mode where the data went
 * @param rowsLoaded rows StarRocks (or the embedded StarRocks) reported loaded, over all loads
 * @param bulkOrders orders in the bulk load
 * @param changes change events applied, by kind
 * @param loads Stream Loads that succeeded
 * @param failedLoads Stream Loads that failed for good
 * @param retries attempts retried with the same label
 * @param totals what the tables hold at the end, checked against the feed
 * @param health the health status with its components
 */
record SampleSummary(SampleMode mode, long rowsLoaded, long bulkOrders, Map<OrderChange.Kind, Integer> changes,
        long loads, long failedLoads, long retries, SampleTarget.TableTotals totals, String health) {

    /**
     * The summary lines.
     */
    List<String> lines() {
        int applied = this.changes.values().stream().mapToInt(Integer::intValue).sum();
        List<String> lines = new ArrayList<>();
        lines.add("Summary (" + ((this.mode == SampleMode.STUB)
                ? "embedded mode: the embedded StarRocks" : "StarRocks cluster") + ")");
        lines.add("  rows loaded:     " + this.rowsLoaded + " (bulk: " + this.bulkOrders + " orders and their "
                + "daily_sales rows; the rest: CDC changes)");
        lines.add("  changes applied: " + applied + " (" + count(OrderChange.Kind.INSERT) + " inserts, "
                + count(OrderChange.Kind.UPDATE) + " updates, " + count(OrderChange.Kind.DELETE) + " deletes, "
                + count(OrderChange.Kind.LATE_UPDATE) + " late updates that changed nothing)");
        lines.add("  loads:           " + this.loads + " succeeded, " + this.failedLoads + " failed");
        lines.add("  retries:         " + this.retries);
        lines.add("  orders table:    " + this.totals.orders() + " rows, " + this.totals.deletedOrders()
                + " of them soft-deleted, as the feed expects");
        lines.add("  health:          " + this.health);
        return lines;
    }

    private int count(OrderChange.Kind kind) {
        return this.changes.getOrDefault(kind, 0);
    }

}
