package io.github.srboot.ddl;

/**
 * The table models of StarRocks.
 */
public enum KeysType {

    /** {@code DUPLICATE KEY}: every row kept. */
    DUPLICATE,
    /** {@code AGGREGATE KEY}: value columns merged by their aggregation type. */
    AGGREGATE,
    /** {@code UNIQUE KEY}: the last row per key wins. */
    UNIQUE,
    /** {@code PRIMARY KEY}: upserts and deletes by key. */
    PRIMARY

}
