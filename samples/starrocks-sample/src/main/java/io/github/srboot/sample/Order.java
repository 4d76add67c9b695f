package io.github.srboot.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One order as the source system holds it; the components are the columns of the {@code orders} table (Jackson
 * writes them in snake_case, see {@code spring.jackson.property-naming-strategy}), without the CDC audit columns
 * the table adds.
 *
 * @param orderId the order number
 * @param orderDate the day it was placed (the partition, part of the key)
 * @param customerId who placed it
 * @param status {@code new}, {@code paid}, {@code shipped} or {@code cancelled}
 * @param amount what it costs
 * @param changeSeq the source's change sequence number: a higher one is a newer state
 * @param updatedAt when the source changed it last
 */
public record Order(long orderId, LocalDate orderDate, long customerId, String status, BigDecimal amount,
        long changeSeq, LocalDateTime updatedAt) {

    /**
     * The primary key of the {@code orders} table.
     */
    public Key key() {
        return new Key(this.orderId, this.orderDate);
    }

    /**
     * The same order in a later state.
     */
    Order changed(String newStatus, BigDecimal newAmount, long newChangeSeq, LocalDateTime changedAt) {
        return new Order(this.orderId, this.orderDate, this.customerId, newStatus, newAmount, newChangeSeq, changedAt);
    }

    /**
     * The primary key of an order: {@code (order_id, order_date)}.
     *
     * @param orderId the order number
     * @param orderDate the day it was placed
     */
    public record Key(long orderId, LocalDate orderDate) {

        /**
         * The key as column name to value, as a change record carries it.
         */
        public Map<String, Object> columns() {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("order_id", this.orderId);
            columns.put("order_date", this.orderDate);
            return columns;
        }

    }

}
