package io.github.srboot.flyway;

/**
 * What to do after Flyway has migrated when the database still differs from the declared desired schema.
 */
public enum DriftCheck {

    /** No check. */
    OFF,

    /** Log the migration plan as a warning. */
    WARN,

    /** Fail (stop start-up) with the migration plan. */
    FAIL

}
