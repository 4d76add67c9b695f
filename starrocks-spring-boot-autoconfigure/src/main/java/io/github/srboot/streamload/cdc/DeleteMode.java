package io.github.srboot.streamload.cdc;

import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * How {@link StreamLoadTemplate#applyChanges} applies a {@link ChangeOperation#DELETE}.
 */
public enum DeleteMode {

    /**
     * The row is removed ({@code __op = 1}). StarRocks does not apply {@code merge_condition} to deletes, so a
     * stale delete still removes a newer row, and a stale upsert arriving after a delete re-creates the row: the
     * changes of one table must reach StarRocks in source order (one load at a time per table, the default).
     */
    HARD,

    /**
     * The row stays, marked deleted in the audit columns ({@code _sr_is_deleted = true}, {@code _sr_op_type = 2})
     * and ordered by {@code merge_condition} like any upsert. A delete with a before image
     * ({@link ChangeRecord#delete(java.util.Map, Object, long)}) writes that row, so the row holds its last values
     * whatever the delivery order; without one only the key and audit columns are written, and the row keeps the
     * values StarRocks holds when the delete is applied (older ones when the delete overtook an update).
     */
    SOFT

}
