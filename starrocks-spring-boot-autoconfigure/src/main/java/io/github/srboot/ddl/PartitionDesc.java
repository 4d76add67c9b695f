package io.github.srboot.ddl;

/**
 * The {@code PARTITION BY} clause of a table or materialized view.
 */
public sealed interface PartitionDesc permits RangePartitionDesc, ListPartitionDesc, ExpressionPartitionDesc {

    /**
     * The partition columns where they are plain columns (range and list partitioning, and bare column names in an
     * expression partition clause).
     * @return the column names, possibly empty for expression partitioning on functions
     */
    java.util.List<String> columnNames();

}
