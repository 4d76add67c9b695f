package io.github.srboot.schema;

/**
 * What a {@link SchemaChange} changes. The comment of each constant says how StarRocks treats it: applied
 * synchronously, as an asynchronous job, destructive, grouped with other changes, or refused.
 */
public enum ChangeKind {

    /** {@code CREATE TABLE}; synchronous. */
    CREATE_TABLE,

    /** {@code CREATE VIEW}; synchronous. */
    CREATE_VIEW,

    /** {@code CREATE MATERIALIZED VIEW}; synchronous (the first refresh runs as a task). */
    CREATE_MATERIALIZED_VIEW,

    /** {@code DROP TABLE}; destructive; only when drops are allowed, otherwise {@link #UNEXPECTED_OBJECT}. */
    DROP_TABLE,

    /** {@code DROP VIEW}; only when drops are allowed, otherwise {@link #UNEXPECTED_OBJECT}. */
    DROP_VIEW,

    /** {@code DROP MATERIALIZED VIEW}; destructive; only when drops are allowed. */
    DROP_MATERIALIZED_VIEW,

    /** An object (or partition) that exists but is not desired, while drops are not allowed; reported only. */
    UNEXPECTED_OBJECT,

    /**
     * An object of the database whose definition cannot be read (syntax newer than the parser); reported with the
     * reason and left alone, whatever the desired schema says about it.
     */
    UNREADABLE_OBJECT,

    /** The desired object exists as another kind of object (e.g. a table where a view is desired); refused. */
    OBJECT_TYPE,

    /**
     * Column additions, drops and modifications of one table grouped into one {@code ALTER TABLE}, so one
     * schema-change job runs; asynchronous; destructive when a column is dropped or a conversion may lose data.
     */
    COLUMNS,

    /** A column change StarRocks cannot make (type conversion, NULL to NOT NULL, default, aggregation...); refused. */
    COLUMN,

    /** The key model or key columns; refused. */
    KEYS,

    /** The partitioning scheme (range / list / expression, partition columns); refused. */
    PARTITION_SCHEME,

    /** {@code ADD PARTITION} on a range or list table whose partitions are declared; synchronous. */
    ADD_PARTITION,

    /** {@code DROP PARTITION}; synchronous; destructive; only when drops are allowed. */
    DROP_PARTITION,

    /** A declared partition whose bounds or values differ; refused. */
    PARTITION,

    /** {@code DISTRIBUTED BY} (columns, random, bucket count); asynchronous (OPTIMIZE job). */
    DISTRIBUTION,

    /** {@code ORDER BY} (sort key); asynchronous (schema-change job). */
    SORT_KEY,

    /** {@code COMMENT = '...'} of a table; synchronous. */
    TABLE_COMMENT,

    /** {@code SET ("k" = "v")}, one property per statement; synchronous except {@code bloom_filter_columns}. */
    PROPERTY,

    /** A property that can only be set by {@code CREATE} (e.g. {@code fast_schema_evolution}); refused. */
    IMMUTABLE_PROPERTY,

    /** {@code ADD INDEX}; asynchronous for GIN and NGRAMBF indexes. */
    ADD_INDEX,

    /** {@code DROP INDEX}; synchronous. */
    DROP_INDEX,

    /** {@code ALTER VIEW} or {@code CREATE OR REPLACE VIEW} (comment, security); synchronous. */
    VIEW_DEFINITION,

    /** {@code ALTER MATERIALIZED VIEW ... REFRESH}; synchronous. */
    MATERIALIZED_VIEW_REFRESH,

    /** {@code ALTER MATERIALIZED VIEW ... SET ("k" = "v")}, one property per statement; synchronous. */
    MATERIALIZED_VIEW_PROPERTY,

    /**
     * Drop and create of a materialized view whose query, partitioning, distribution, sort key or columns changed;
     * destructive (its data is rebuilt by the next refresh), so planned only when drops are allowed and reported
     * otherwise.
     */
    MATERIALIZED_VIEW_RECREATE,

    /** A materialized view comment change, which StarRocks cannot alter; refused. */
    MATERIALIZED_VIEW_COMMENT

}
