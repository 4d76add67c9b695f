package io.github.srboot.test.streamload;

/**
 * How a value column of an {@link KeyModel#AGGREGATE} table merges a newly loaded value into the stored one.
 *
 * <p>The stub implements the scalar aggregations only; HLL, BITMAP and PERCENTILE unions are refused when a table is
 * declared.
 */
public enum AggregateType {

    /** Numeric sum; a NULL operand leaves the other value. */
    SUM,

    /** The greater value (numeric when both values are numbers). */
    MAX,

    /** The smaller value (numeric when both values are numbers). */
    MIN,

    /** The newly loaded value. */
    REPLACE,

    /** The newly loaded value unless it is NULL. */
    REPLACE_IF_NOT_NULL

}
