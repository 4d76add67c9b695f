package io.github.srboot.ddl;

/**
 * The kinds of schema object a statement can name.
 */
public enum ObjectKind {

    /** A table. */
    TABLE,
    /** A logical view. */
    VIEW,
    /** An asynchronous materialized view. */
    MATERIALIZED_VIEW

}
