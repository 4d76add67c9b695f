package io.github.srboot.jdbc;

/**
 * The kinds of asynchronous ALTER job StarRocks records, each listed by its own {@code SHOW ALTER TABLE} variant.
 */
public enum AlterJobType {

    /** Column add/drop/modify/reorder and sort key changes ({@code SHOW ALTER TABLE COLUMN}). */
    COLUMN,

    /** Distribution changes and other table rewrites ({@code SHOW ALTER TABLE OPTIMIZE}, StarRocks 3.2+). */
    OPTIMIZE,

    /** Rollup creation and removal ({@code SHOW ALTER TABLE ROLLUP}). */
    ROLLUP

}
