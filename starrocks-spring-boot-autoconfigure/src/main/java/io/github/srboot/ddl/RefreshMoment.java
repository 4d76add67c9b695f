package io.github.srboot.ddl;

/**
 * When a new materialized view is first refreshed.
 */
public enum RefreshMoment {

    /** {@code IMMEDIATE}: right after creation (default). */
    IMMEDIATE,
    /** {@code DEFERRED}: at the first scheduled or manual refresh. */
    DEFERRED

}
