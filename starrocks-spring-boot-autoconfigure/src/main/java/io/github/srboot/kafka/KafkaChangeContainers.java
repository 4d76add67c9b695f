package io.github.srboot.kafka;

import java.util.List;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Builds the listener container that runs a {@link KafkaChangeListener}: a batch listener over the given topics,
 * with {@code AckMode.MANUAL} so that the container never commits an offset the listener did not settle.
 */
public final class KafkaChangeContainers {

    private KafkaChangeContainers() {
    }

    /**
     * A container of {@code concurrency} consumers (each in the consumer factory's group, or in {@code groupId}
     * when it is not {@code null}) reading {@code topics} into {@code listener}.
     */
    public static ConcurrentMessageListenerContainer<Object, Object> create(
            ConsumerFactory<Object, Object> consumerFactory, List<String> topics, String groupId, int concurrency,
            KafkaChangeListener listener) {
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("The Kafka change container needs at least one topic.");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("The Kafka change container's concurrency must be at least 1, got "
                    + concurrency + ".");
        }
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setMessageListener(listener);
        if (groupId != null) {
            properties.setGroupId(groupId);
        }
        ConcurrentMessageListenerContainer<Object, Object> container = new ConcurrentMessageListenerContainer<>(
                consumerFactory, properties);
        container.setConcurrency(concurrency);
        return container;
    }

}
