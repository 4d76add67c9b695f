package io.github.srboot.ddl;

import java.util.List;

/**
 * One entry of a range partition clause. Values are kept as the strings written inside the quotes.
 */
public sealed interface RangePartition extends PartitionDefinition {

    /**
     * {@code PARTITION name VALUES LESS THAN ("v", ...)}, or {@code VALUES LESS THAN MAXVALUE} when {@code values} is
     * empty.
     *
     * @param name the partition name
     * @param values the upper bound, one value per partition column (a prefix is allowed); empty for MAXVALUE
     * @param properties the partition's own properties ({@code PARTITION p VALUES .. ("replication_num" = "1")}), in
     * written order, never null; {@code SHOW CREATE} does not print them, so the diff does not compare them
     */
    record LessThan(String name, List<String> values, java.util.Map<String, String> properties)
            implements RangePartition {

        /**
         * Checks the partition.
         */
        public LessThan {
            Names.require("partition", name);
            values = Lists.copy("partition " + Names.display(name), values);
            properties = Lists.properties("partition " + Names.display(name), properties);
        }

        /**
         * A partition without properties of its own.
         * @param name the partition name
         * @param values the upper bound, empty for MAXVALUE
         */
        public LessThan(String name, List<String> values) {
            this(name, values, java.util.Map.of());
        }

        /**
         * Whether this is the {@code MAXVALUE} partition.
         * @return true for MAXVALUE
         */
        public boolean isMaxValue() {
            return this.values.isEmpty();
        }

    }

    /**
     * {@code PARTITION name VALUES [("lo", ...), ("hi", ...))}: a fixed half-open range. A bound may give fewer values
     * than there are partition columns (StarRocks fills the rest with the columns' minimum), and the upper bound may
     * be {@code (MAXVALUE)}, held as an empty list, as {@code SHOW CREATE} prints a last partition that starts after a
     * gap.
     *
     * @param name the partition name
     * @param lower the inclusive lower bound, a prefix of the partition columns' values
     * @param upper the exclusive upper bound, a prefix of the partition columns' values; empty for MAXVALUE
     * @param properties the partition's own properties ({@code PARTITION p VALUES .. ("replication_num" = "1")}), in
     * written order, never null; {@code SHOW CREATE} does not print them, so the diff does not compare them
     */
    record Fixed(String name, List<String> lower, List<String> upper, java.util.Map<String, String> properties)
            implements RangePartition {

        /**
         * Checks the partition.
         */
        public Fixed {
            Names.require("partition", name);
            String subject = "partition " + Names.display(name);
            lower = Lists.copy(subject, lower);
            upper = Lists.copy(subject, upper);
            if (lower.isEmpty()) {
                throw new DdlValidationException(subject, "the lower bound needs at least one value");
            }
            properties = Lists.properties(subject, properties);
        }

        /**
         * A partition without properties of its own.
         * @param name the partition name
         * @param lower the inclusive lower bound
         * @param upper the exclusive upper bound
         */
        public Fixed(String name, List<String> lower, List<String> upper) {
            this(name, lower, upper, java.util.Map.of());
        }

        /**
         * Whether the upper bound is {@code MAXVALUE}.
         * @return true for {@code [lower, MAXVALUE)}
         */
        public boolean isUpToMaxValue() {
            return this.upper.isEmpty();
        }

    }

    /**
     * {@code START ("s") END ("e") EVERY (INTERVAL n unit)} or {@code EVERY (n)}: a batch of partitions.
     *
     * @param start the inclusive start value
     * @param end the exclusive end value
     * @param every the step
     */
    record Batch(String start, String end, Interval every) implements RangePartition {

        /**
         * Checks the batch.
         */
        public Batch {
            if (start == null || end == null || every == null) {
                throw new DdlValidationException("partition batch START " + start + " END " + end,
                        "START, END and EVERY are all required");
            }
        }

    }

    /**
     * A {@code LESS THAN} partition.
     * @param name the partition name
     * @param values the upper bound values
     * @return the partition
     */
    static RangePartition lessThan(String name, String... values) {
        return new LessThan(name, List.of(values));
    }

    /**
     * The {@code LESS THAN MAXVALUE} partition.
     * @param name the partition name
     * @return the partition
     */
    static RangePartition maxValue(String name) {
        return new LessThan(name, List.of());
    }

    /**
     * A fixed single-column range {@code [lower, upper)}.
     * @param name the partition name
     * @param lower the lower bound
     * @param upper the upper bound
     * @return the partition
     */
    static RangePartition fixed(String name, String lower, String upper) {
        return new Fixed(name, List.of(lower), List.of(upper));
    }

    /**
     * A batch of partitions.
     * @param start the start value
     * @param end the end value
     * @param every the step
     * @return the batch
     */
    static RangePartition batch(String start, String end, Interval every) {
        return new Batch(start, end, every);
    }

}
