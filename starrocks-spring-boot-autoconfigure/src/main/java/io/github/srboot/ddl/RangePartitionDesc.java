package io.github.srboot.ddl;

import java.util.List;

/**
 * {@code PARTITION BY RANGE(cols) (...)}, or {@code PARTITION BY RANGE(expression) (...)} on one expression such as
 * {@code from_unixtime(ts)}, {@code str2date(dt, '%Y-%m-%d')} or {@code cast(substr(code, 3, 11) as bigint)}
 * (StarRocks' grammar: {@code PARTITION BY RANGE primaryExpression '(' rangePartitionDesc, ... ')'}).
 *
 * @param columns the partition columns, at least one; empty when partitioned by an expression
 * @param partitions the declared partitions and batches in order (may be empty, e.g. with dynamic partitioning)
 * @param expression the partition expression (whitespace-normalised text), or null when partitioned by columns
 */
public record RangePartitionDesc(List<String> columns, List<RangePartition> partitions, String expression)
        implements PartitionDesc {

    /**
     * Checks the clause.
     */
    public RangePartitionDesc {
        columns = Lists.names("RANGE partition column", columns);
        if (expression != null) {
            expression = SqlText.expression("PARTITION BY RANGE expression", expression);
            if (!columns.isEmpty()) {
                throw new DdlValidationException("PARTITION BY RANGE",
                        "takes either partition columns or one expression, not both");
            }
        }
        else if (columns.isEmpty()) {
            throw new DdlValidationException("PARTITION BY RANGE", "needs at least one column");
        }
        partitions = Lists.copy("PARTITION BY RANGE", partitions);
        for (RangePartition partition : partitions) {
            checkWidth((expression != null) ? 1 : columns.size(), partition);
        }
    }

    /**
     * {@code PARTITION BY RANGE(cols) (...)}.
     * @param columns the partition columns, at least one
     * @param partitions the declared partitions and batches in order
     */
    public RangePartitionDesc(List<String> columns, List<RangePartition> partitions) {
        this(columns, partitions, null);
    }

    /**
     * {@code PARTITION BY RANGE(expression) (...)}.
     * @param expression the partition expression, e.g. {@code from_unixtime(ts)}
     * @param partitions the declared partitions and batches in order
     * @return the clause
     */
    public static RangePartitionDesc onExpression(String expression, List<RangePartition> partitions) {
        return new RangePartitionDesc(List.of(), partitions, expression);
    }

    static void checkWidth(int width, RangePartition partition) {
        if (partition instanceof RangePartition.LessThan lessThan && lessThan.values().size() > width) {
            throw new DdlValidationException("partition " + Names.display(lessThan.name()),
                    "has " + lessThan.values().size() + " values for " + width + " partition column(s)");
        }
        if (partition instanceof RangePartition.Fixed fixed
                && (fixed.lower().size() > width || fixed.upper().size() > width)) {
            throw new DdlValidationException("partition " + Names.display(fixed.name()),
                    "has " + Math.max(fixed.lower().size(), fixed.upper().size()) + " values in a bound for " + width
                            + " partition column(s)");
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
