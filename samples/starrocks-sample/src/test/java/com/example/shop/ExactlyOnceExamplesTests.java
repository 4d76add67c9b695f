package com.example.shop;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.srboot.streamload.transaction.CheckpointLabels;
import io.github.srboot.streamload.transaction.RecoveryReport;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.test.streamload.StreamLoadStub;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README example of exactly-once loading with transaction Stream Load and checkpoint labels, run against the stub:
 * a checkpoint committed normally, then one prepared before a crash and committed by recovery.
 */
@StreamLoadStub
class ExactlyOnceExamplesTests {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate streamLoad;

    /** Stands for the application's durable record of completed checkpoints (a table, a file, Kafka offsets). */
    private final AtomicLong lastCheckpoint = new AtomicLong(-1);

    @BeforeEach
    void setUp(StreamLoadStubServer stub) {
        this.stub = stub;
        stub.createTable(StubTable.builder("shop", "events").column("id", "BIGINT").column("kind", "STRING")
            .duplicateKey("id").build());
        this.streamLoad = StubStreamLoad.template(stub);
    }

    @AfterEach
    void close() {
        this.streamLoad.close();
    }

    @Test
    void aCheckpointIsCommittedOnceAndAPreparedOneIsRecovered() {
        loadCheckpoint(1, List.of(Map.of("id", 1, "kind", "view"), Map.of("id", 2, "kind", "click")));
        // Checkpoint 2 is prepared and recorded, then the application stops before committing.
        StreamLoadTransaction crashed = this.streamLoad.transaction("events",
                CheckpointLabels.of("events-sink", "events", 2));
        crashed.begin().block();
        crashed.load(List.of(Map.of("id", 3, "kind", "view"))).block();
        crashed.prepare().block();
        saveCheckpoint(2);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(2);   // prepared rows are not visible

        StreamLoadTemplate streamLoad = this.streamLoad;
        // tag::exactly-once-recover[]
        long last = lastCheckpoint();                                    // -1 when none
        RecoveryReport report = streamLoad.recover("events", "events-sink", last, 10).block();
        // report.committed(): prepared checkpoints <= last, committed now; report.rolledBack(): later ones, replay
        // them from the saved position; report.alreadyVisible(): later ones that had committed, skip them
        // end::exactly-once-recover[]

        assertThat(report.committed()).containsExactly(CheckpointLabels.of("events-sink", "events", 2));
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(3);
    }

    private void loadCheckpoint(long n, List<Map<String, Object>> rows) {
        StreamLoadTemplate streamLoad = this.streamLoad;
        // tag::exactly-once[]
        String label = CheckpointLabels.of("events-sink", "events", n);   // events-sink_events_<n>
        StreamLoadTransaction txn = streamLoad.transaction("events", label);
        txn.begin().block();
        txn.load(rows).block();                    // as often as needed
        txn.prepare().block();                     // durable, not yet visible
        saveCheckpoint(n);                         // your durable record: checkpoint n is complete
        txn.commit().block();                      // visible; committing again answers OK
        // end::exactly-once[]
    }

    private void saveCheckpoint(long n) {
        this.lastCheckpoint.set(n);
    }

    private long lastCheckpoint() {
        return this.lastCheckpoint.get();
    }

}
