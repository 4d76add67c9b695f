package io.github.srboot.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaLabelsTest {

    @Test
    void sameRecordsGiveTheSameLabel() {
        String label = KafkaLabels.of("kafka", "shop.orders", "orders-cdc", 3, 1200, 1299);
        assertThat(label).isEqualTo("kafka_orders_orders-cdc_3_1200_1299");
        assertThat(KafkaLabels.of("kafka", "shop.orders", "orders-cdc", 3, 1200, 1299)).isEqualTo(label);
    }

    @Test
    void anyPartOfTheRangeChangesTheLabel() {
        String label = KafkaLabels.of("kafka", "orders", "orders-cdc", 3, 1200, 1299);
        assertThat(KafkaLabels.of("kafka", "orders", "orders-cdc", 4, 1200, 1299)).isNotEqualTo(label);
        assertThat(KafkaLabels.of("kafka", "orders", "orders-cdc", 3, 1201, 1299)).isNotEqualTo(label);
        assertThat(KafkaLabels.of("kafka", "orders", "orders-cdc", 3, 1200, 1298)).isNotEqualTo(label);
        assertThat(KafkaLabels.of("kafka", "orders", "orders-cdx", 3, 1200, 1299)).isNotEqualTo(label);
        assertThat(KafkaLabels.of("kafka", "orders2", "orders-cdc", 3, 1200, 1299)).isNotEqualTo(label);
    }

    @Test
    void topicsWithDotsGetLabelCharactersAndAChecksumSoTheyNeverMeetAnUnderscoredTopic() {
        String dotted = KafkaLabels.topicPart("dbserver1.inventory.customers");
        assertThat(dotted).matches("[0-9A-Za-z_-]+").startsWith("dbserver1_inventory_customers-");
        assertThat(KafkaLabels.topicPart("dbserver1_inventory_customers")).isEqualTo("dbserver1_inventory_customers");
        assertThat(dotted).isNotEqualTo(KafkaLabels.topicPart("dbserver1.inventory_customers"));
    }

    @Test
    void longTopicsAreCutWithAChecksum() {
        String topic = "a".repeat(200);
        String part = KafkaLabels.topicPart(topic);
        assertThat(part).hasSizeLessThanOrEqualTo(KafkaLabels.MAX_TOPIC_PART);
        assertThat(part).isNotEqualTo(KafkaLabels.topicPart("a".repeat(199)));
        assertThat(KafkaLabels.of("kafka", "orders", topic, 11, Long.MAX_VALUE - 1, Long.MAX_VALUE))
            .hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void aPrefixThatIsNoLabelIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaLabels.of("bad prefix", "orders", "t", 0, 1, 2))
            .withMessageContaining("bad prefix");
    }

}
