package io.github.srboot.ddl;

import java.util.Arrays;
import java.util.List;

/**
 * {@code PARTITION name VALUES IN (...)}: each value is a tuple with one string per partition column.
 *
 * @param name the partition name
 * @param values the value tuples, at least one; a value is null for {@code NULL}
 * @param properties the partition's own properties ({@code PARTITION p VALUES IN (..) ("replication_num" = "1")}),
 * in written order, never null; {@code SHOW CREATE} does not print them, so the diff does not compare them
 */
public record ListPartition(String name, List<List<String>> values, java.util.Map<String, String> properties)
        implements PartitionDefinition {

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
        properties = Lists.properties(subject, properties);
    }

    /**
     * A partition without properties of its own.
     * @param name the partition name
     * @param values the value tuples, at least one
     */
    public ListPartition(String name, List<List<String>> values) {
        this(name, values, java.util.Map.of());
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
