package io.github.srboot.sample;

import java.util.List;

/**
 * Where the sample's data goes, for what Stream Load alone cannot do: compare the schema and look at what was
 * loaded. One implementation per mode: the embedded StarRocks ({@link EmbeddedTarget}) or a StarRocks cluster
 * ({@link ClusterTarget}).
 */
interface SampleTarget {

    /**
     * Compares the desired schema ({@code starrocks.schema.locations}) with this target's schema.
     * @return what a person should read: the findings, one line each
     */
    List<String> checkSchema();

    /**
     * Called once before the bulk load.
     * @return lines to log about what was arranged, possibly none
     */
    default List<String> beforeBulkLoad() {
        return List.of();
    }

    /**
     * What the tables hold now.
     */
    TableTotals totals();

    /**
     * Sums over the loaded tables, to compare with what the feed sent.
     *
     * @param orders rows of {@code orders}, soft-deleted ones included
     * @param deletedOrders rows of {@code orders} marked {@code is_deleted}
     * @param changeSeqSum the sum of {@code orders.change_seq}: wrong when a late update overwrote a newer change
     * or a change was lost
     * @param dailySalesOrders the sum of {@code daily_sales.order_count}
     */
    record TableTotals(long orders, long deletedOrders, long changeSeqSum, long dailySalesOrders) {
    }

}
