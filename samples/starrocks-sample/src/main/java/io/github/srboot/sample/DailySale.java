package io.github.srboot.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One order's contribution to the {@code daily_sales} rollup; StarRocks sums {@code order_count} and
 * {@code revenue} and keeps the latest {@code last_order_at} per day and customer (AGGREGATE KEY table).
 *
 * @param saleDate the day
 * @param customerId the customer
 * @param orderCount orders counted by this row (1)
 * @param revenue revenue added by this row
 * @param lastOrderAt when the order was placed
 */
public record DailySale(LocalDate saleDate, long customerId, long orderCount, BigDecimal revenue,
        LocalDateTime lastOrderAt) {

    /**
     * The contribution of one order.
     */
    static DailySale of(Order order) {
        return new DailySale(order.orderDate(), order.customerId(), 1, order.amount(), order.updatedAt());
    }

}
