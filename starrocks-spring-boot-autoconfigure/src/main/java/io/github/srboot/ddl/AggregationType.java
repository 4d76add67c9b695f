package io.github.srboot.ddl;

/**
 * How an AGGREGATE KEY table merges a value column.
 */
public enum AggregationType {

    /** {@code SUM}. */
    SUM,
    /** {@code MAX}. */
    MAX,
    /** {@code MIN}. */
    MIN,
    /** {@code REPLACE}. */
    REPLACE,
    /** {@code REPLACE_IF_NOT_NULL}. */
    REPLACE_IF_NOT_NULL,
    /** {@code HLL_UNION}, for HLL columns. */
    HLL_UNION,
    /** {@code BITMAP_UNION}, for BITMAP columns. */
    BITMAP_UNION,
    /** {@code PERCENTILE_UNION}, for PERCENTILE columns. */
    PERCENTILE_UNION

}
