package io.github.srboot.sample;

import io.github.srboot.streamload.cdc.ChangeRecord;

/**
 * One change event of the source system, as a change-data-capture feed delivers it.
 *
 * @param kind what happened
 * @param order the order's state after the change; for a delete, the state that was deleted
 * @param version the source's sequence number of this change: a higher one is newer
 */
public record OrderChange(Kind kind, Order order, long version) {

    /**
     * The change as the starter's CDC path takes it: operation, key, values and version.
     */
    public ChangeRecord toChangeRecord() {
        return switch (this.kind) {
            case INSERT -> ChangeRecord.insert(this.order.key().columns(), this.order, this.version);
            case UPDATE, LATE_UPDATE -> ChangeRecord.update(this.order.key().columns(), this.order, this.version);
            // The deleted state is the before image: a soft delete keeps it, whatever order the feed arrives in.
            case DELETE -> ChangeRecord.delete(this.order.key().columns(), this.order, this.version);
        };
    }

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
         * An older state of an order that arrives after a newer change of it (a retried or reordered event); its
         * lower version must not overwrite the newer state, nor bring a deleted order back.
         */
        LATE_UPDATE

    }

}
