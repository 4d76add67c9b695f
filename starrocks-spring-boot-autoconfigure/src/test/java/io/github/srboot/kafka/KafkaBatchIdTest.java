package io.github.srboot.kafka;

import org.junit.jupiter.api.Test;

import io.github.srboot.streamload.transaction.CheckpointLabels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KafkaChangeListener#batchId}: the last part of the labels of a partition's range, valid in a StarRocks
 * label whatever the topic's name, the same for the same range and different for another topic, partition or range.
 */
class KafkaBatchIdTest {

    @Test
    void theTopicIsTheFirst64BitsOfItsSha256AndThePartitionAndRangeFollowInDecimal() {
        // The hash parts were computed apart from this code (Python's hashlib.sha256(topic).hexdigest()[:16]).
        assertThat(KafkaChangeListener.batchId("dbserver1.inventory.accounts", 3, 1200, 1699))
            .isEqualTo("4f5bc4c45aaaf16c-3-1200-1699");
        assertThat(KafkaChangeListener.batchId("dbserver1.inventory.orders", 0, 0, 0))
            .isEqualTo("72e7b66d9c0145b0-0-0-0");
    }

    @Test
    void everyPartOfTheRangeChangesTheId() {
        String id = KafkaChangeListener.batchId("t", 1, 10, 20);
        assertThat(KafkaChangeListener.batchId("t", 1, 10, 20)).isEqualTo(id);
        assertThat(KafkaChangeListener.batchId("u", 1, 10, 20)).isNotEqualTo(id);
        assertThat(KafkaChangeListener.batchId("t", 2, 10, 20)).isNotEqualTo(id);
        assertThat(KafkaChangeListener.batchId("t", 1, 11, 20)).isNotEqualTo(id);
        assertThat(KafkaChangeListener.batchId("t", 1, 10, 21)).isNotEqualTo(id);
        // Decimal parts separated by '-': partition 1 at 12..3 and partition 11 at 2..3 read differently.
        assertThat(KafkaChangeListener.batchId("t", 1, 12, 3)).isNotEqualTo(KafkaChangeListener.batchId("t", 11, 2, 3));
    }

    @Test
    void theLongestTopicAndOffsetsStillMakeAValidLabel() {
        // Kafka topic names: up to 249 characters out of [a-zA-Z0-9._-].
        String topic = "a.b_c-".repeat(41) + "xyz";
        String id = KafkaChangeListener.batchId(topic, Integer.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(id).matches("[0-9a-f]{16}-[0-9]+-[0-9]+-[0-9]+");
        String label = CheckpointLabels.of("kafka", "accounts", id + "-0");
        assertThat(label).hasSizeLessThanOrEqualTo(128).matches("[-_A-Za-z0-9]+");
    }

}
