package io.github.srboot.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.StubTemplates;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.TableContents;

import static io.github.srboot.kafka.DebeziumEvents.event;
import static io.github.srboot.kafka.DebeziumEvents.key;
import static io.github.srboot.kafka.DebeziumEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KafkaChangeListener} against the Stream Load stub, fed batches directly (a {@link MockConsumer} records the
 * commits and seeks): offsets are committed only after the loads carrying them are visible, a replayed range is
 * recognised by its labels and leaves the table as the source left it, and a failed load rewinds its partition to
 * the start of its range.
 */
class KafkaChangeListenerTest {

    private static final String TOPIC = "dbserver1.inventory.accounts";

    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    private KafkaChangeListener listener;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder().table(DebeziumEvents.table("accounts")).start();
        this.template = StubTemplates.builder(this.stub).build();
        this.listener = listener(KafkaChangeRoutes.builder().build());
    }

    private KafkaChangeListener listener(KafkaChangeRoutes routes) {
        return new KafkaChangeListener(this.template, new DebeziumJsonMapper(new ObjectMapper()), routes,
                new KafkaChangeListener.Settings("kafka", Duration.ofSeconds(10), Duration.ofMillis(20),
                        Duration.ZERO));
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    private TableContents accounts() {
        return this.stub.table(StubTemplates.DATABASE, "accounts");
    }

    private static MockConsumer<Object, Object> consumer() {
        MockConsumer<Object, Object> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        return consumer;
    }

    /** Offsets 0..6 of a partition: three inserts, two updates, a delete and its tombstone. */
    private static List<ConsumerRecord<Object, Object>> batch(int partition, long firstId) {
        List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
        long pos = 1000 + partition * 100;
        String[] values = {
            event("accounts", "c", "null", row(firstId, "a", 1), pos),
            event("accounts", "c", "null", row(firstId + 1, "b", 2), pos + 1),
            event("accounts", "c", "null", row(firstId + 2, "c", 3), pos + 2),
            event("accounts", "u", row(firstId, "a", 1), row(firstId, "a2", 10), pos + 3),
            event("accounts", "u", row(firstId + 1, "b", 2), row(firstId + 1, "b2", 20), pos + 4),
            event("accounts", "d", row(firstId + 2, "c", 3), "null", pos + 5),
            null };
        long[] ids = { firstId, firstId + 1, firstId + 2, firstId, firstId + 1, firstId + 2, firstId + 2 };
        for (int offset = 0; offset < values.length; offset++) {
            records.add(new ConsumerRecord<>(TOPIC, partition, offset, key(ids[offset]), values[offset]));
        }
        return records;
    }

    /** The rows without the time they were written ({@code _sr_synced_at}), by id. */
    private static Map<String, List<String>> values(List<Map<String, String>> rows) {
        Map<String, List<String>> values = new HashMap<>();
        rows.forEach((row) -> values.put(row.get("id"),
                List.of(row.get("name"), row.get("qty"), row.get("_sr_is_deleted"), row.get("_sr_version"))));
        return values;
    }

    private static Map<TopicPartition, Long> committed(MockConsumer<Object, Object> consumer) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        consumer.committed(Set.of(P0, P1)).forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    @Test
    void aBatchIsAppliedInOrderAndItsOffsetsCommittedAfterItsLoads() {
        MockConsumer<Object, Object> consumer = consumer();
        this.listener.onMessage(batch(0, 1), consumer);
        assertThat(accounts().row(1L)).hasValueSatisfying((row) -> assertThat(row).containsEntry("name", "a2")
            .containsEntry("qty", "10")
            .containsEntry("_sr_is_deleted", "0"));
        assertThat(accounts().row(2L)).hasValueSatisfying((row) -> assertThat(row).containsEntry("name", "b2"));
        assertThat(accounts().row(3L)).isEmpty();
        // Inserts and updates are one load, the delete another (a different shape); the tombstone is skipped.
        assertThat(accounts().committedLoads()).isEqualTo(2);
        assertThat(committed(consumer)).containsExactlyEntriesOf(Map.of(P0, 7L));
    }

    @Test
    void aBatchReplayedAfterACrashIsRecognisedByItsLabelsAndLeavesTheTableAsTheSourceLeftIt() {
        this.listener.onMessage(batch(0, 1), consumer());
        List<Map<String, String>> rows = accounts().rows();
        assertThat(rows).hasSize(2);
        long loads = accounts().committedLoads();
        // A crash after the loads were visible and before the offset commit: the next owner of the partition finds
        // the range committed before the loads, and reads the same records again.
        MockConsumer<Object, Object> next = consumer();
        next.commitSync(Map.of(P0, new OffsetAndMetadata(0, KafkaChangeListener.INTENT + 6)));
        this.listener.onMessage(batch(0, 1), next);
        assertThat(values(accounts().rows())).isEqualTo(values(rows));
        assertThat(accounts().committedLoads()).as("StarRocks recognised the replayed labels").isEqualTo(loads);
        assertThat(committed(next)).containsExactlyEntriesOf(Map.of(P0, 7L));
        // A change older than what the table holds (a stale redelivery of offset 0) changes nothing.
        this.listener.onMessage(List.of(new ConsumerRecord<>(TOPIC, 0, 7, key(1),
                event("accounts", "c", "null", row(1, "a", 1), 1000))), next);
        assertThat(accounts().row(1L)).hasValueSatisfying((row) -> assertThat(row).containsEntry("name", "a2"));
    }

    @Test
    void aLoadWhoseAnswerWasLostIsSettledByItsLabelBeforeTheOffsetIsCommitted() {
        this.stub.faults().backend(Fault.responseLostAfterCommit());
        MockConsumer<Object, Object> consumer = consumer();
        // A short load timeout, so that the client gives up on the silent answer soon and asks for the label.
        listener(KafkaChangeRoutes.builder()
            .defaultOptions(CdcOptions.builder().loadOptions(LoadOptions.json().withTimeout(Duration.ofSeconds(1))).build())
            .build()).onMessage(batch(0, 1).subList(0, 3), consumer);
        assertThat(this.stub.faults().injected()).hasSize(1);
        assertThat(accounts().committedLoads()).isEqualTo(1);
        assertThat(committed(consumer)).containsExactlyEntriesOf(Map.of(P0, 3L));
    }

    @Test
    void aPublishTimeoutIsWaitedOutUntilTheLoadIsVisible() {
        // The stub answers Publish Timeout, then says COMMITTED for 200 ms and VISIBLE after.
        this.stub.faults().backend(Fault.publishTimeout(Duration.ofMillis(200)));
        MockConsumer<Object, Object> consumer = consumer();
        this.listener.onMessage(batch(0, 1), consumer);
        assertThat(this.stub.faults().injected()).hasSize(1);
        assertThat(this.stub.frontend().loadStateRequests()).as("label state asked before the commit").isPositive();
        assertThat(committed(consumer)).containsExactlyEntriesOf(Map.of(P0, 7L));
        assertThat(accounts().row(1L)).isPresent();
    }

    @Test
    void aFailedLoadRewindsItsPartitionAndTheOtherPartitionStillCommits() {
        // The first (transaction) load of partition 0 fails; partition 1 loads.
        this.stub.faults().backend(Fault.httpStatus(500));
        MockConsumer<Object, Object> consumer = consumer();
        List<ConsumerRecord<Object, Object>> records = new ArrayList<>(batch(0, 1));
        records.addAll(batch(1, 101));
        consumer.seek(P0, 7);
        this.listener.onMessage(records, consumer);
        // Partition 0 keeps the offset committed with its range before the loads.
        assertThat(committed(consumer)).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 0L, P1, 7L));
        assertThat(consumer.position(P0)).isZero();
        assertThat(accounts().row(1L)).isEmpty();
        assertThat(accounts().row(101L)).isPresent();
        // Delivered again, partition 0 loads and commits.
        this.listener.onMessage(batch(0, 1), consumer);
        assertThat(committed(consumer)).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 7L, P1, 7L));
        assertThat(accounts().row(1L)).isPresent();
    }

    @Test
    void aFailedTableRewindsThePartitionToItsRangeAndTheReplayLoadsOnlyWhatWasNotApplied() {
        this.stub.createTable(DebeziumEvents.table("orders"));
        // One partition carrying two source tables: accounts at offsets 0, 1 and 4, orders at 2 and 3. The accounts
        // batch loads (after a pause), the orders batch fails.
        this.stub.faults().backend(Fault.delay(Duration.ZERO), Fault.loadFailure("injected failure"));
        List<ConsumerRecord<Object, Object>> records = List.of(
                new ConsumerRecord<>(TOPIC, 0, 0, key(1), event("accounts", "c", "null", row(1, "a", 1), 10)),
                new ConsumerRecord<>(TOPIC, 0, 1, key(2), event("accounts", "c", "null", row(2, "b", 2), 11)),
                new ConsumerRecord<>(TOPIC, 0, 2, key(7), event("orders", "c", "null", row(7, "o", 7), 12)),
                new ConsumerRecord<>(TOPIC, 0, 3, key(8), event("orders", "c", "null", row(8, "p", 8), 13)),
                new ConsumerRecord<>(TOPIC, 0, 4, key(3), event("accounts", "c", "null", row(3, "c", 3), 14)));
        MockConsumer<Object, Object> consumer = consumer();
        consumer.seek(P0, 5);
        this.listener.onMessage(records, consumer);
        assertThat(this.stub.faults().injected()).hasSize(2);
        assertThat(committed(consumer)).containsExactlyEntriesOf(Map.of(P0, 0L));
        assertThat(consumer.position(P0)).isZero();
        assertThat(accounts().rowCount()).isEqualTo(3);
        assertThat(this.stub.table(StubTemplates.DATABASE, "orders").rowCount()).isZero();
        // Delivered again from offset 0: the accounts load is recognised by its label, the orders load.
        this.listener.onMessage(records, consumer);
        assertThat(committed(consumer)).containsExactlyEntriesOf(Map.of(P0, 5L));
        assertThat(this.stub.table(StubTemplates.DATABASE, "orders").rowCount()).isEqualTo(2);
        assertThat(accounts().committedLoads()).isEqualTo(1);
    }

    @Test
    void aReplayThatDoesNotReachTheEndOfItsRangeWaitsForThePollThatDoes() {
        MockConsumer<Object, Object> consumer = consumer();
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(0, KafkaChangeListener.INTENT + 6)));
        consumer.seek(P0, 3);
        this.listener.onMessage(batch(0, 1).subList(0, 3), consumer);
        assertThat(consumer.position(P0)).isZero();
        assertThat(accounts().rowCount()).isZero();
        this.listener.onMessage(batch(0, 1), consumer);
        assertThat(committed(consumer)).containsExactlyEntriesOf(Map.of(P0, 7L));
        assertThat(accounts().rowCount()).isEqualTo(2);
    }

    @Test
    void eachTableBatchIsObservedAndReportedWithItsOutcome() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        List<String> reports = new ArrayList<>();
        KafkaChangeObserver observer = new KafkaChangeObserver() {
            @Override
            public void batchApplied(TopicPartition partition, String table, int changes,
                    List<io.github.srboot.streamload.LoadResult> results, boolean alreadyApplied) {
                reports.add(partition + " " + table + " " + changes + " changes, " + results.size() + " loads, "
                        + (alreadyApplied ? "already applied" : "applied"));
            }

            @Override
            public void offsetSettled(TopicPartition partition, long offset, long lag) {
                reports.add(partition + " settled at " + offset);
            }
        };
        KafkaChangeListener observed = new KafkaChangeListener(this.template,
                new DebeziumJsonMapper(new ObjectMapper()), KafkaChangeRoutes.builder().build(),
                new KafkaChangeListener.Settings("kafka", Duration.ofSeconds(10), Duration.ofMillis(20),
                        Duration.ZERO), observer, observations);
        observed.onMessage(batch(0, 1), consumer());
        observed.onMessage(batch(0, 1), consumer());

        assertThat(reports).containsExactly(P0 + " accounts 6 changes, 2 loads, applied", P0 + " settled at 7",
                P0 + " accounts 6 changes, 2 loads, already applied", P0 + " settled at 7");
        TestObservationRegistryAssert.assertThat(observations)
            .hasNumberOfObservationsWithNameEqualTo(KafkaChangeListener.OBSERVATION, 2)
            .hasAnObservationWithAKeyValue("outcome", "already-applied")
            .hasAnObservationWithAKeyValue("topic", TOPIC)
            .hasAnObservationWithAKeyValue("table", "accounts");
    }

    @Test
    void aRecordThatCannotBeReadStopsItsPartitionAtItAfterTheRecordsBeforeIt() {
        List<ConsumerRecord<Object, Object>> records = new ArrayList<>(batch(0, 1).subList(0, 3));
        records.add(new ConsumerRecord<>(TOPIC, 0, 3, key(9), "{not json"));
        records.add(new ConsumerRecord<>(TOPIC, 0, 4, key(9), event("accounts", "c", "null", row(9, "z", 9), 9000)));
        MockConsumer<Object, Object> consumer = consumer();
        consumer.seek(P0, 5);
        this.listener.onMessage(records, consumer);
        assertThat(committed(consumer)).containsExactlyEntriesOf(Map.of(P0, 3L));
        assertThat(consumer.position(P0)).isEqualTo(3);
        assertThat(accounts().row(3L)).isPresent();
        assertThat(accounts().row(9L)).isEmpty();
    }

}
