package io.github.srboot.ddl;

/**
 * The {@code SECURITY} clause of a view: whose privileges the query runs with.
 */
public enum ViewSecurity {

    /** {@code SECURITY NONE}: the definer's (default). */
    NONE,
    /** {@code SECURITY INVOKER}: the caller's. */
    INVOKER

}
