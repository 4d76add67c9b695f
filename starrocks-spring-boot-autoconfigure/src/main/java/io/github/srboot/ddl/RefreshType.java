package io.github.srboot.ddl;

/**
 * How a materialized view is refreshed.
 */
public enum RefreshType {

    /** {@code ASYNC}: on base table change, or on a schedule with {@code EVERY}. */
    ASYNC,
    /** {@code MANUAL}: only by {@code REFRESH MATERIALIZED VIEW}. */
    MANUAL,
    /**
     * {@code INCREMENTAL}: known to older servers only; read from their text, refused by the printer because
     * StarRocks' current grammar has no such refresh.
     */
    INCREMENTAL

}
