package io.github.srboot.ddl;

import java.util.Arrays;
import java.util.List;

/**
 * {@code PARTITION name VALUES IN (...)}: each value is a tuple with one string per partition column.
 *
 * @param name the partition name
 * @param values the value tuples, at least one
 */
public record ListPartition(String name, List<List<String>> values) implements PartitionDefinition {

    /**
     * Checks the partition.
     */
    public ListPartition {
        Names.require("partition", name);
        String subject = "partition " + Names.display(name);
        // A value may be NULL (held as null): StarRocks' grammar takes NULL as a list partition value.
        values = Lists.copy(subject, values).stream()
            .map((tuple) -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tuple)))
            .toList();
        if (values.isEmpty()) {
            throw new DdlValidationException(subject, "VALUES IN needs at least one value");
        }
        int width = values.get(0).size();
        for (List<String> tuple : values) {
            if (tuple.isEmpty() || tuple.size() != width) {
                throw new DdlValidationException(subject, "every value tuple needs the same, non-zero size, got "
                        + tuple.size() + " and " + width);
            }
        }
    }

    /**
     * A partition of a single-column list clause.
     * @param name the partition name
     * @param values the values
     * @return the partition
     */
    public static ListPartition of(String name, String... values) {
        return new ListPartition(name, Arrays.stream(values).map(List::of).toList());
    }

}
