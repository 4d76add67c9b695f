package io.github.srboot.ddl;

import java.util.List;

/**
 * {@code PARTITION BY LIST(cols) (...)}.
 *
 * @param columns the partition columns, at least one
 * @param partitions the partitions, each value tuple as wide as {@code columns}
 */
public record ListPartitionDesc(List<String> columns, List<ListPartition> partitions) implements PartitionDesc {

    /**
     * Checks the clause.
     */
    public ListPartitionDesc {
        columns = Lists.names("LIST partition column", columns);
        if (columns.isEmpty()) {
            throw new DdlValidationException("PARTITION BY LIST", "needs at least one column");
        }
        partitions = Lists.copy("PARTITION BY LIST", partitions);
        for (ListPartition partition : partitions) {
            checkWidth(columns, partition);
        }
    }

    static void checkWidth(List<String> columns, ListPartition partition) {
        int width = partition.values().get(0).size();
        if (width != columns.size()) {
            throw new DdlValidationException("partition " + Names.display(partition.name()),
                    "has values of " + width + " column(s) for " + columns.size() + " partition column(s)");
        }
    }

    /**
     * Creates the clause.
     * @param column the single partition column
     * @param partitions the partitions
     * @return the clause
     */
    public static ListPartitionDesc of(String column, ListPartition... partitions) {
        return new ListPartitionDesc(List.of(column), List.of(partitions));
    }

    @Override
    public List<String> columnNames() {
        return this.columns;
    }

}
