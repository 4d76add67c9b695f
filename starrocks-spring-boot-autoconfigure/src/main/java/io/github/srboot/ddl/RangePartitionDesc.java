package io.github.srboot.ddl;

import java.util.List;

/**
 * {@code PARTITION BY RANGE(cols) (...)}.
 *
 * @param columns the partition columns, at least one
 * @param partitions the declared partitions and batches in order (may be empty, e.g. with dynamic partitioning)
 */
public record RangePartitionDesc(List<String> columns, List<RangePartition> partitions) implements PartitionDesc {

    /**
     * Checks the clause.
     */
    public RangePartitionDesc {
        columns = Lists.names("RANGE partition column", columns);
        if (columns.isEmpty()) {
            throw new DdlValidationException("PARTITION BY RANGE", "needs at least one column");
        }
        partitions = Lists.copy("PARTITION BY RANGE", partitions);
        for (RangePartition partition : partitions) {
            checkWidth(columns, partition);
        }
    }

    static void checkWidth(List<String> columns, RangePartition partition) {
        int width = columns.size();
        if (partition instanceof RangePartition.LessThan lessThan && lessThan.values().size() > width) {
            throw new DdlValidationException("partition " + Names.display(lessThan.name()),
                    "has " + lessThan.values().size() + " values for " + width + " partition column(s)");
        }
        if (partition instanceof RangePartition.Fixed fixed && fixed.lower().size() != width) {
            throw new DdlValidationException("partition " + Names.display(fixed.name()),
                    "has " + fixed.lower().size() + " values per bound for " + width + " partition column(s)");
        }
        if (partition instanceof RangePartition.Batch batch && width != 1) {
            throw new DdlValidationException("partition batch START " + batch.start(),
                    "START/END/EVERY needs exactly one partition column, got " + width);
        }
    }

    /**
     * Creates the clause.
     * @param column the single partition column
     * @param partitions the partitions
     * @return the clause
     */
    public static RangePartitionDesc of(String column, RangePartition... partitions) {
        return new RangePartitionDesc(List.of(column), List.of(partitions));
    }

    @Override
    public List<String> columnNames() {
        return this.columns;
    }

}
