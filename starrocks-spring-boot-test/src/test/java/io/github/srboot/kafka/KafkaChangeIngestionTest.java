package io.github.srboot.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.StubTemplates;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static io.github.srboot.kafka.DebeziumEvents.event;
import static io.github.srboot.kafka.DebeziumEvents.key;
import static io.github.srboot.kafka.DebeziumEvents.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adapter end to end with a real Kafka broker (KRaft, in this JVM) and the Stream Load stub: Debezium-shaped
 * events of two tables over six partitions, consumed by two listener containers of one consumer group that start,
 * stop and start again (each change of membership rebalances the partitions), with about one load request in ten
 * faulted by the stub. Every key must end as the source left it.
 */
@EmbeddedKafka(kraft = true, partitions = 3,
        topics = { KafkaChangeIngestionTest.ACCOUNTS_TOPIC, KafkaChangeIngestionTest.ORDERS_TOPIC })
class KafkaChangeIngestionTest {

    static final String ACCOUNTS_TOPIC = "dbserver1.inventory.accounts";

    static final String ORDERS_TOPIC = "dbserver1.inventory.orders";

    private static final int KEYS = 150;

    private static final int CHANGES = 4_000;

    private static final String GROUP = "starrocks-loader";

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    private final List<ConcurrentMessageListenerContainer<Object, Object>> containers = new ArrayList<>();

    @AfterEach
    void stop() {
        this.containers.forEach(ConcurrentMessageListenerContainer::stop);
        if (this.template != null) {
            this.template.close();
        }
        if (this.stub != null) {
            this.stub.close();
        }
    }

    @Test
    void twoConsumersThroughRebalancesAndFaultsLeaveEveryKeyAsTheSourceLeftIt(EmbeddedKafkaBroker broker)
            throws Exception {
        this.stub = StreamLoadStubServer.builder()
            .table(DebeziumEvents.table("accounts"))
            .table(DebeziumEvents.table("orders"))
            .start();
        this.template = StubTemplates.builder(this.stub).build();
        Map<String, DebeziumEvents.Expected> expected = Map.of("accounts", new DebeziumEvents.Expected(), "orders",
                new DebeziumEvents.Expected());
        int produced = produce(broker, expected, new Random(26));

        this.stub.faults()
            .random(0.10, 26, Fault.httpStatus(503), Fault.resetBeforeBody(), Fault.resetAfterBody(),
                    Fault.publishTimeout(Duration.ofMillis(50)), Fault.tooManyVersions(),
                    Fault.loadFailure("injected failure"));
        KafkaChangeListener listener = new KafkaChangeListener(this.template, new DebeziumJsonMapper(new ObjectMapper()),
                KafkaChangeRoutes.builder().build(),
                new KafkaChangeListener.Settings("kafka", Duration.ofSeconds(10), Duration.ofMillis(20),
                        Duration.ofMillis(20)));
        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(GROUP, "false", broker);
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        DefaultKafkaConsumerFactory<Object, Object> consumers = new DefaultKafkaConsumerFactory<>(consumerProps);
        List<String> topics = List.of(ACCOUNTS_TOPIC, ORDERS_TOPIC);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            ConcurrentMessageListenerContainer<Object, Object> first = start(consumers, topics, listener);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin) > 0);
            ConcurrentMessageListenerContainer<Object, Object> second = start(consumers, topics, listener);
            long beforeStop = committed(admin);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin) > beforeStop);
            // One consumer leaves (its partitions go to the other) and comes back (they are shared again).
            first.stop();
            long afterStop = committed(admin);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin) > afterStop);
            first.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> committed(admin) == produced);
            assertThat(second.isRunning()).isTrue();
        }

        for (String table : List.of("accounts", "orders")) {
            int[] lostExtra = expected.get(table)
                .compare(this.stub.table(StubTemplates.DATABASE, table).rows());
            System.out.printf("%s: lost=%d extra=%d%n", table, lostExtra[0], lostExtra[1]);
            assertThat(lostExtra).as(table + ": lost, extra").containsExactly(0, 0);
        }
        assertThat(this.stub.faults().injected()).as("faults injected").isNotEmpty();
    }

    private ConcurrentMessageListenerContainer<Object, Object> start(DefaultKafkaConsumerFactory<Object, Object> consumers,
            List<String> topics, KafkaChangeListener listener) {
        ConcurrentMessageListenerContainer<Object, Object> container = KafkaChangeContainers.create(consumers, topics,
                null, 1, listener);
        this.containers.add(container);
        container.start();
        return container;
    }

    /** The offsets the group committed, summed over its partitions. */
    private static long committed(Admin admin) throws Exception {
        Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    /**
     * Sends {@link #CHANGES} changes of {@link #KEYS} keys per table (inserts of absent keys, updates and deletes of
     * present ones, each delete followed by its tombstone), keyed by id so that a key's changes share a partition.
     * @return the number of records sent
     */
    private static int produce(EmbeddedKafkaBroker broker, Map<String, DebeziumEvents.Expected> expected,
            Random random) {
        Map<String, Object> producerProps = KafkaTestUtils.producerProps(broker);
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(producerProps,
                new StringSerializer(), new StringSerializer());
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
        Map<String, Map<Long, String>> live = new HashMap<>();
        int sent = 0;
        for (int position = 1; position <= CHANGES; position++) {
            boolean accounts = random.nextBoolean();
            String table = accounts ? "accounts" : "orders";
            String topic = accounts ? ACCOUNTS_TOPIC : ORDERS_TOPIC;
            long id = random.nextInt(KEYS);
            Map<Long, String> rows = live.computeIfAbsent(table, (name) -> new HashMap<>());
            String before = rows.get(id);
            long pos = 4 + position * 10L;
            String value;
            if (before == null) {
                String after = row(id, "n" + position, position);
                value = event(table, "c", "null", after, pos);
                rows.put(id, after);
                expected.get(table).upsert(id, "n" + position, position);
            }
            else if (random.nextInt(5) == 0) {
                value = event(table, "d", before, "null", pos);
                rows.remove(id);
                expected.get(table).delete(id);
            }
            else {
                String after = row(id, "n" + position, position);
                value = event(table, "u", before, after, pos);
                rows.put(id, after);
                expected.get(table).upsert(id, "n" + position, position);
            }
            kafka.send(new ProducerRecord<>(topic, key(id), value));
            sent++;
            if (value.contains("\"op\":\"d\"")) {
                kafka.send(new ProducerRecord<>(topic, key(id), null));
                sent++;
            }
        }
        kafka.flush();
        producers.destroy();
        return sent;
    }

}
