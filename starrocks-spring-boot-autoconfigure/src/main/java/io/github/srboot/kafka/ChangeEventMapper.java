package io.github.srboot.kafka;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns one Kafka record into a change, or into nothing when the record carries no row change (a tombstone, a
 * schema-change or heartbeat event). {@link DebeziumJsonMapper} reads Debezium's JSON envelope; implement this
 * interface for other envelopes.
 */
@FunctionalInterface
public interface ChangeEventMapper {

    /**
     * The change a record carries.
     * @param record the Kafka record (key and value as the consumer's deserializers made them)
     * @return the change, or empty when the record is to be skipped
     * @throws IllegalArgumentException when the record cannot be read as a change (its offset is then not committed:
     * the partition stops at it until the mapper or the data is fixed)
     */
    Optional<SourceChange> map(ConsumerRecord<?, ?> record);

}
