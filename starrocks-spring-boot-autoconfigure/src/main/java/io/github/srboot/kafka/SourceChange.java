package io.github.srboot.kafka;

import java.util.Objects;

import io.github.srboot.streamload.cdc.ChangeRecord;

/**
 * One change read from a Kafka record: the source table it belongs to and the change itself.
 *
 * @param sourceTable the table the change was captured from, as the source names it (Debezium's {@code source.table}),
 * the default target table when no route names one
 * @param change the change, with its key, values and version
 */
public record SourceChange(String sourceTable, ChangeRecord change) {

    /**
     * Checks the parts.
     */
    public SourceChange {
        if (sourceTable == null || sourceTable.isBlank()) {
            throw new IllegalArgumentException("A source change needs its source table name, got '" + sourceTable
                    + "'.");
        }
        Objects.requireNonNull(change, "change");
    }

}
