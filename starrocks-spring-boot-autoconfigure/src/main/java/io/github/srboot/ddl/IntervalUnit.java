package io.github.srboot.ddl;

/**
 * Time units of {@code INTERVAL n unit} in partition batches and refresh schemes.
 */
public enum IntervalUnit {

    /** Seconds. */
    SECOND,
    /** Minutes. */
    MINUTE,
    /** Hours. */
    HOUR,
    /** Days. */
    DAY,
    /** Weeks. */
    WEEK,
    /** Months. */
    MONTH,
    /** Quarters. */
    QUARTER,
    /** Years. */
    YEAR

}
