package io.github.srboot.kafkasample;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.github.srboot.ddl.ColumnOption;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;
import io.github.srboot.streamload.cdc.AuditColumns;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * The Kafka example: starts an embedded Kafka broker and the embedded StarRocks, sends Debezium-shaped change events
 * of two tables, and starts this application, whose only Kafka configuration is {@code starrocks.kafka.*} and
 * Boot's {@code spring.kafka.*}: the starter's listener container (two consumers of one group) applies the events
 * and commits the offsets after the loads are visible. When the group has committed every record, the tables are
 * read back and compared with the source; the process exits with 0 when they match.
 */
@SpringBootApplication
public class KafkaSampleApplication {

    /** The database of the embedded StarRocks. */
    static final String DATABASE = "inventory";

    private static final String GROUP = "starrocks-kafka-sample";

    private static final int CHANGES = 3_000;

    private static final Duration WAIT = Duration.ofMinutes(2);

    /** The audit column names the CDC path writes (the defaults). */
    private static final AuditColumns AUDIT = CdcOptions.builder().build().auditColumns();

    /** Meters for the summary; an application with Actuator gets its registry from Boot instead. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments).matches() ? 0 : 1);
    }

    /** Runs the example once and prints its summary. */
    static KafkaSampleSummary run(String... arguments) {
        DebeziumFeed feed = new DebeziumFeed(CHANGES, 26);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3,
                DebeziumFeed.TOPICS.values().toArray(String[]::new));
        broker.afterPropertiesSet();
        try (StreamLoadStubServer starRocks = StreamLoadStubServer.builder()
            .table(table("customers"))
            .table(table("orders"))
            .start()) {
            send(broker, feed);
            SpringApplication application = new SpringApplication(KafkaSampleApplication.class);
            application.setDefaultProperties(properties(broker, starRocks));
            try (ConfigurableApplicationContext context = application.run(arguments)) {
                awaitCommitted(broker, feed.records());
                KafkaSampleSummary summary = KafkaSampleSummary.of(feed, starRocks,
                        context.getBean(MeterRegistry.class));
                System.out.println(summary.text());
                return summary;
            }
        }
        finally {
            broker.destroy();
        }
    }

    /**
     * A Primary Key table with the CDC audit columns, declared with the starter's DDL model as an application
     * declares its tables (the embedded StarRocks takes the model as it is).
     */
    private static StubTable table(String name) {
        Table table = Table.builder(name)
            .column("id", ScalarType.of(ScalarKind.BIGINT), ColumnOption.notNull())
            .column("name", ScalarType.of(ScalarKind.VARCHAR, 64), ColumnOption.nullable())
            .column("qty", ScalarType.of(ScalarKind.INT), ColumnOption.nullable())
            .column(AUDIT.operationType(), ScalarType.of(ScalarKind.TINYINT), ColumnOption.nullable())
            .column(AUDIT.deleted(), ScalarType.of(ScalarKind.BOOLEAN), ColumnOption.nullable())
            .column(AUDIT.syncedAt(), ScalarType.of(ScalarKind.DATETIME), ColumnOption.nullable())
            .column(AUDIT.version(), ScalarType.of(ScalarKind.BIGINT), ColumnOption.nullable())
            .primaryKey("id")
            .build();
        return StubTable.from(DATABASE, table);
    }

    private static Map<String, Object> properties(EmbeddedKafkaKraftBroker broker, StreamLoadStubServer starRocks) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        properties.put("spring.kafka.consumer.group-id", GROUP);
        properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        properties.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        properties.put("spring.kafka.consumer.value-deserializer", StringDeserializer.class.getName());
        properties.put("spring.kafka.consumer.max-poll-records", "250");
        properties.put("starrocks.http.frontends", starRocks.frontendUrls().stream()
            .map(Object::toString)
            .collect(Collectors.joining(",")));
        properties.put("starrocks.username", starRocks.username());
        properties.put("starrocks.password", starRocks.password());
        properties.put("starrocks.database", DATABASE);
        properties.put("starrocks.kafka.topics", String.join(",", DebeziumFeed.TOPICS.values()));
        properties.put("starrocks.kafka.concurrency", "2");
        properties.put("starrocks.kafka.label-prefix", "kafka-sample");
        properties.put("starrocks.kafka.tables.customers.delete-mode", "soft");
        return properties;
    }

    private static void send(EmbeddedKafkaKraftBroker broker, DebeziumFeed feed) {
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(broker), new StringSerializer(), new StringSerializer());
        try {
            KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
            feed.events.forEach((topic, events) -> events
                .forEach((event) -> kafka.send(new ProducerRecord<>(topic, event[0], event[1]))));
            kafka.flush();
        }
        finally {
            producers.destroy();
        }
    }

    /** Waits until the group has committed an offset after every record (the loads are visible by then). */
    private static void awaitCommitted(EmbeddedKafkaKraftBroker broker, long records) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            while (committed(admin) < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The group committed " + committed(admin) + " of " + records
                            + " records within " + WAIT + ".");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private static long committed(Admin admin) {
        try {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
            return offsets.values().stream().filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the group's offsets", ex);
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException("The group's offsets could not be read: " + ex.getCause(), ex);
        }
    }

    /** The tables of the example, for the summary. */
    static List<String> tables() {
        return List.of("customers", "orders");
    }

}
