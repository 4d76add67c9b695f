package io.github.srboot.sample;

/**
 * One change event of the source system, as a change-data-capture feed delivers it.
 *
 * @param kind what happened
 * @param order the order's state after the change (for a delete: the state that was deleted)
 */
public record OrderChange(Kind kind, Order order) {

    /**
     * What happened to the order.
     */
    public enum Kind {

        /** A new order. */
        INSERT,

        /** A newer state of an existing order. */
        UPDATE,

        /** The order was removed. */
        DELETE,

        /**
         * An older state of an order that arrives after a newer one (a retried or reordered event); its lower
         * {@code change_seq} must not overwrite the newer state.
         */
        LATE_UPDATE

    }

}
