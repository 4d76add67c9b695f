package io.github.srboot.ddl;

/**
 * One partition (or batch of partitions) declared in a partition clause or added by {@code ALTER TABLE ... ADD
 * PARTITION}.
 */
public sealed interface PartitionDefinition permits RangePartition, ListPartition {
}
