package io.github.srboot.test.streamload;

/**
 * The key model of a stub table, deciding how loaded rows are applied.
 */
public enum KeyModel {

    /** Every loaded row is appended; rows with equal keys are all kept. */
    DUPLICATE,

    /** Rows with equal keys are merged column by column with each value column's {@link AggregateType}. */
    AGGREGATE,

    /** A row replaces the stored row with the same key; {@code __op} deletes are refused. */
    UNIQUE,

    /** Upsert by key, delete through {@code __op}, partial update and {@code merge_condition}. */
    PRIMARY

}
