package io.github.srboot.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.github.srboot.kafka.DebeziumJsonMapper;
import io.github.srboot.kafka.KafkaChangeContainers;
import io.github.srboot.kafka.KafkaChangeListener;
import io.github.srboot.kafka.KafkaChangeObserver;
import io.github.srboot.kafka.KafkaChangeRoutes;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * The Kafka adapter's soak: Debezium-shaped change events of several tables, keyed by id, sent to an embedded KRaft
 * broker, consumed by several listener containers of one consumer group into the Stream Load stub, which faults
 * about one load request in ten. While they run, a chaos loop kills a consumer mid-batch (its loads are in, its
 * commit after them throws and it leaves the group, so that the next owner replays a range whose loads StarRocks
 * already holds) or starts a stopped one again, each change of membership rebalancing the
 * partitions. When the group has committed every record, each table is compared with the source:
 * {@code lost=<n> duplicated=<n>}, after how many replayed table batches StarRocks recognised by their labels; the
 * exit status is 1 unless both are 0.
 *
 * <p>{@code KafkaSoak [events] [tables] [consumers] [fault-rate] [seed]} (defaults 100,000 events, 3 tables,
 * 3 consumers, 0.10, 26).
 */
public final class KafkaSoak {

    private static final String GROUP = "kafka-soak";

    private static final int PARTITIONS = 4;

    private static final int KEYS_PER_TABLE = 5_000;

    private KafkaSoak() {
    }

    public static void main(String[] arguments) throws Exception {
        int events = (arguments.length > 0) ? Integer.parseInt(arguments[0].replace("_", "")) : 100_000;
        int tables = (arguments.length > 1) ? Integer.parseInt(arguments[1]) : 3;
        int consumers = (arguments.length > 2) ? Integer.parseInt(arguments[2]) : 3;
        double rate = (arguments.length > 3) ? Double.parseDouble(arguments[3]) : 0.10;
        long seed = (arguments.length > 4) ? Long.parseLong(arguments[4]) : 26;
        System.out.printf(Locale.ROOT, "Kafka soak: %,d change events into %d tables, %d partitions per topic, "
                + "%d consumers in one group, fault rate %.2f per load request, seed %d; %s%n", events, tables,
                PARTITIONS, consumers, rate, seed, SideBySideBenchmark.machine());
        List<String> topics = new ArrayList<>();
        List<StubTable> declared = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            topics.add("dbserver1.inventory.t" + i);
            declared.add(StubTable.builder("shop", "t" + i)
                .column("id", "BIGINT")
                .column("name", "VARCHAR(64)")
                .column("qty", "INT")
                .column("_sr_op_type", "TINYINT")
                .column("_sr_is_deleted", "BOOLEAN")
                .column("_sr_synced_at", "DATETIME")
                .column("_sr_version", "BIGINT")
                .primaryKey("id")
                .build());
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topics.toArray(String[]::new));
        broker.afterPropertiesSet();
        long started = System.nanoTime();
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().tables(declared).start();
                StreamLoadTemplate template = StreamLoadTemplate.builder()
                    .frontends(stub.frontendUrls())
                    .credentials(stub.username(), stub.password())
                    .database("shop")
                    .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100),
                            Duration.ofMillis(50)))
                    .labelPollInterval(Duration.ofMillis(20))
                    .build();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString()))) {
            Random random = new Random(seed);
            Map<String, Map<Long, String[]>> expected = new HashMap<>();
            long sent = produce(broker, topics, events, random, expected);
            System.out.printf(Locale.ROOT, "sent %,d records (change events and tombstones)%n", sent);
            stub.faults().random(rate, seed, Fault.httpStatus(503), Fault.httpStatus(500), Fault.resetBeforeBody(),
                    Fault.resetAfterBody(), Fault.publishTimeout(Duration.ofMillis(50)), Fault.tooManyVersions(),
                    Fault.loadFailure("injected failure"), Fault.responseLostAfterCommit());

            Replays replays = new Replays();
            KafkaChangeListener listener = new KafkaChangeListener(template, new DebeziumJsonMapper(new ObjectMapper()),
                    KafkaChangeRoutes.builder()
                        .defaultOptions(io.github.srboot.streamload.cdc.CdcOptions.builder()
                            .loadOptions(io.github.srboot.streamload.LoadOptions.json()
                                .withTimeout(Duration.ofSeconds(2)))
                            .build())
                        .build(),
                    new KafkaChangeListener.Settings("soak", Duration.ofSeconds(30), Duration.ofMillis(20),
                            Duration.ofMillis(50)), replays, ObservationRegistry.NOOP);
            Map<String, Object> properties = KafkaTestUtils.consumerProps(GROUP, "false", broker);
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
            DefaultKafkaConsumerFactory<Object, Object> factory = new DefaultKafkaConsumerFactory<>(properties);

            List<Member> members = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                Member member = new Member(factory, topics, listener);
                members.add(member);
                member.container.start();
            }
            long killRequests = 0;
            long restarts = 0;
            long lastCommitted = -1;
            long stalledRounds = 0;
            while (true) {
                long committed = committed(admin);
                if (committed >= sent) {
                    break;
                }
                stalledRounds = (committed == lastCommitted) ? stalledRounds + 1 : 0;
                if (stalledRounds > 600) {
                    throw new IllegalStateException("No progress for a minute at " + committed + " of " + sent);
                }
                lastCommitted = committed;
                waitFor(Duration.ofMillis(100));
                if (random.nextInt(30) != 0) {
                    continue;
                }
                Member member = members.get(random.nextInt(members.size()));
                long running = members.stream().filter((m) -> m.container.isRunning()).count();
                if (member.container.isRunning() && running > 1) {
                    member.killAtNextCommit();
                    killRequests++;
                }
                else if (!member.container.isRunning()) {
                    member.container.start();
                    restarts++;
                }
            }
            members.forEach((member) -> member.container.stop());
            long lost = 0;
            long duplicated = 0;
            for (int i = 0; i < tables; i++) {
                List<Map<String, String>> rows = stub.table("shop", "t" + i).rows();
                Map<Long, String[]> want = expected.getOrDefault("t" + i, Map.of());
                Map<Long, Integer> seen = new HashMap<>();
                for (Map<String, String> row : rows) {
                    long id = Long.parseLong(row.get("id"));
                    seen.merge(id, 1, Integer::sum);
                    String[] values = want.get(id);
                    if (values == null || seen.get(id) > 1) {
                        duplicated++;
                    }
                    else if (!values[0].equals(row.get("name")) || !values[1].equals(row.get("qty"))) {
                        lost++;
                    }
                }
                for (Long id : want.keySet()) {
                    if (!seen.containsKey(id)) {
                        lost++;
                    }
                }
            }
            long killed = members.stream().mapToLong((member) -> member.killed.get()).sum();
            System.out.printf(Locale.ROOT, "committed %,d of %,d records in %.1f s; %d kills asked, %d consumers "
                    + "killed between their loads and their commit, %d restarted, %,d faults injected, %,d loads "
                    + "committed%n", committed(admin), sent, (System.nanoTime() - started) / 1e9, killRequests, killed,
                    restarts, stub.faults().injected().size(), stub.loadsCommitted());
            System.out.printf(Locale.ROOT, "replays recognised by StarRocks: %,d table batches (%,d changes, %,d "
                    + "loads answered as already loaded), %,d table batches applied, %,d failed and retried%n",
                    replays.recognisedBatches.get(), replays.recognisedChanges.get(), replays.alreadyLoaded.get(),
                    replays.appliedBatches.get(), replays.failedBatches.get());
            System.out.printf(Locale.ROOT, "lost=%d duplicated=%d%n", lost, duplicated);
            broker.destroy();
            System.exit((lost == 0 && duplicated == 0) ? 0 : 1);
        }
    }

    /** One consumer of the group: a container of one consumer whose next offset commit can be made to fail. */
    private static final class Member {

        final ConcurrentMessageListenerContainer<Object, Object> container;

        private final AtomicBoolean kill = new AtomicBoolean();

        /** Kills carried out: commits that threw. */
        final AtomicLong killed = new AtomicLong();

        Member(DefaultKafkaConsumerFactory<Object, Object> factory, List<String> topics, KafkaChangeListener listener) {
            BatchConsumerAwareMessageListener<Object, Object> killable = (records, consumer) -> listener
                .onMessage(records, killable(consumer));
            this.container = KafkaChangeContainers.create(factory, topics, null, 1, listener);
            this.container.getContainerProperties().setMessageListener(killable);
            this.container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        }

        void killAtNextCommit() {
            this.kill.set(true);
        }

        /**
         * The consumer as the listener sees it: when a kill is due, its commit throws (the loads of the batch are
         * in, the offsets are not) and the container is stopped from another thread, as a crashed process would
         * leave the group.
         */
        private Consumer<?, ?> killable(Consumer<?, ?> consumer) {
            return (Consumer<?, ?>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                    new Class<?>[] { Consumer.class }, (proxy, method, arguments) -> {
                        // Killed at the commit after the loads (no metadata), not at the one that records the
                        // range before them: the replay then meets labels StarRocks holds as committed.
                        if (method.getName().equals("commitSync") && isSettleCommit(arguments)
                                && this.kill.compareAndSet(true, false)) {
                            this.killed.incrementAndGet();
                            new Thread(this.container::stop, "soak-kill").start();
                            throw new Killed();
                        }
                        try {
                            return method.invoke(consumer, arguments);
                        }
                        catch (InvocationTargetException ex) {
                            throw ex.getCause();
                        }
                    });
        }

    }

    /** Whether a {@code commitSync(offsets)} call commits offsets after their loads (no range in the metadata). */
    private static boolean isSettleCommit(Object[] arguments) {
        if (arguments == null || arguments.length == 0 || !(arguments[0] instanceof Map<?, ?> offsets)) {
            return false;
        }
        return offsets.values().stream().allMatch((offset) -> offset instanceof OffsetAndMetadata committed
                && (committed.metadata() == null || committed.metadata().isEmpty()));
    }

    /** Counts what the listener applied, and the replays StarRocks recognised by their labels. */
    private static final class Replays implements KafkaChangeObserver {

        final AtomicLong recognisedBatches = new AtomicLong();

        final AtomicLong recognisedChanges = new AtomicLong();

        final AtomicLong alreadyLoaded = new AtomicLong();

        final AtomicLong appliedBatches = new AtomicLong();

        final AtomicLong failedBatches = new AtomicLong();

        @Override
        public void batchApplied(TopicPartition partition, String table, int changes, List<LoadResult> results,
                boolean alreadyApplied) {
            if (alreadyApplied) {
                this.recognisedBatches.incrementAndGet();
                this.recognisedChanges.addAndGet(changes);
            }
            else {
                this.appliedBatches.incrementAndGet();
            }
            this.alreadyLoaded.addAndGet(results.stream()
                .filter((result) -> result.status() == LoadStatus.ALREADY_LOADED)
                .count());
        }

        @Override
        public void batchFailed(TopicPartition partition, String table, int changes, RuntimeException failure) {
            this.failedBatches.incrementAndGet();
        }

    }

    /** A consumer killed between its loads and its commit. */
    private static final class Killed extends RuntimeException {

        Killed() {
            super("killed between the loads and the offset commit", null, false, false);
        }

    }

    private static long committed(Admin admin) throws Exception {
        Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static void waitFor(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Sends the events; {@code expected} ends as the source's final state (live rows by table and id). */
    private static long produce(EmbeddedKafkaKraftBroker broker, List<String> topics, int events, Random random,
            Map<String, Map<Long, String[]>> expected) {
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(broker), new StringSerializer(), new StringSerializer());
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
        long sent = 0;
        for (int position = 1; position <= events; position++) {
            int table = random.nextInt(topics.size());
            String name = "t" + table;
            long id = random.nextInt(KEYS_PER_TABLE);
            Map<Long, String[]> rows = expected.computeIfAbsent(name, (t) -> new HashMap<>());
            String[] before = rows.get(id);
            String op = (before == null) ? "c" : (random.nextInt(5) == 0) ? "d" : "u";
            String beforeJson = (before == null) ? "null" : row(id, before[0], before[1]);
            String afterJson = "null";
            if (op.equals("d")) {
                rows.remove(id);
            }
            else {
                String[] after = { "n" + position, Integer.toString(position) };
                rows.put(id, after);
                afterJson = row(id, after[0], after[1]);
            }
            String value = "{\"before\":" + beforeJson + ",\"after\":" + afterJson + ",\"source\":{\"connector\":"
                    + "\"mysql\",\"table\":\"" + name + "\",\"file\":\"mysql-bin.000001\",\"pos\":" + (4 + position)
                    + ",\"row\":0},\"op\":\"" + op + "\"}";
            String key = "{\"id\":" + id + "}";
            kafka.send(new ProducerRecord<>(topics.get(table), key, value));
            sent++;
            if (op.equals("d")) {
                kafka.send(new ProducerRecord<>(topics.get(table), key, null));
                sent++;
            }
        }
        kafka.flush();
        producers.destroy();
        return sent;
    }

    private static String row(long id, String name, String qty) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"qty\":" + qty + "}";
    }

}
