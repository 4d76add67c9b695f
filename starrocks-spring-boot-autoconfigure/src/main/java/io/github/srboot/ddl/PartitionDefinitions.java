package io.github.srboot.ddl;

/**
 * Small accessors over the partition definition variants.
 */
final class PartitionDefinitions {

    private PartitionDefinitions() {
    }

    /**
     * The partition name, or null for a batch (whose partitions are named by the server).
     */
    static String name(PartitionDefinition definition) {
        if (definition instanceof RangePartition.LessThan lessThan) {
            return lessThan.name();
        }
        if (definition instanceof RangePartition.Fixed fixed) {
            return fixed.name();
        }
        if (definition instanceof ListPartition list) {
            return list.name();
        }
        return null;
    }

}
