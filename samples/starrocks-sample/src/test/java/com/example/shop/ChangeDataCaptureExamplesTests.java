package com.example.shop;

import java.util.List;
import java.util.Map;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.StreamLoadStub;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubColumn;
import io.github.srboot.test.streamload.StubTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README example of the CDC path, run against the Stream Load stub: changes with versions, a late update, a soft
 * delete, and the same feed applied twice.
 */
@StreamLoadStub
class ChangeDataCaptureExamplesTests {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate streamLoad;

    @BeforeEach
    void setUp(StreamLoadStubServer stub) {
        this.stub = stub;
        // The table as the README declares it: the PRIMARY KEY, the columns, and the four audit columns.
        stub.createTable(StubTable.builder("shop", "orders")
            .column("id", "BIGINT")
            .column("status", "VARCHAR(16)")
            .column(StubColumn.of("_sr_op_type", "TINYINT"))
            .column(StubColumn.of("_sr_is_deleted", "BOOLEAN"))
            .column(StubColumn.of("_sr_synced_at", "DATETIME"))
            .column(StubColumn.of("_sr_version", "BIGINT"))
            .primaryKey("id")
            .build());
        this.streamLoad = StubStreamLoad.template(stub);
    }

    @AfterEach
    void close() {
        this.streamLoad.close();
    }

    @Test
    void applyChanges() {
        StreamLoadTemplate streamLoad = this.streamLoad;
        streamLoad.applyChanges("orders", Flux.just(ChangeRecord.insert(Map.of("id", 2), Map.of("id", 2, "status",
                "new"), 99)), CdcOptions.builder().deleteMode(DeleteMode.SOFT).build()).blockLast();
        // tag::cdc[]
        CdcOptions options = CdcOptions.builder()
            .deleteMode(DeleteMode.SOFT)              // a delete keeps the row, marked _sr_is_deleted = true
            .build();                                 // ordered (default): merge_condition on _sr_version

        Flux<ChangeRecord> changes = Flux.just(
                ChangeRecord.insert(Map.of("id", 1), Map.of("id", 1, "status", "new"), 100),
                ChangeRecord.update(Map.of("id", 1), Map.of("id", 1, "status", "paid"), 102),
                ChangeRecord.update(Map.of("id", 1), Map.of("id", 1, "status", "new"), 101),   // late: ignored
                ChangeRecord.delete(Map.of("id", 2), 103));                                   // id 2 stays, marked

        List<LoadResult> loads = streamLoad.applyChanges("orders", changes, options).collectList().block();
        // end::cdc[]

        assertThat(loads).isNotEmpty();
        assertThat(this.stub.table("shop", "orders").row(1)).hasValueSatisfying((row) -> assertThat(row)
            .containsEntry("status", "paid").containsEntry("_sr_version", "102").containsEntry("_sr_is_deleted", "0"));
        assertThat(this.stub.table("shop", "orders").row(2)).hasValueSatisfying((row) -> assertThat(row)
            .containsEntry("status", "new").containsEntry("_sr_version", "103").containsEntry("_sr_is_deleted", "1"));
    }

    @Test
    void replayingTheSameChangesLeavesTheSameTable() {
        // Batches of two: the delete of id 2 and the late update of id 1 land in later loads than what they follow.
        CdcOptions options = CdcOptions.builder().deleteMode(DeleteMode.SOFT).maxBatchChanges(2).build();
        List<ChangeRecord> feed = List.of(
                ChangeRecord.insert(Map.of("id", 1), Map.of("id", 1, "status", "new"), 1),
                ChangeRecord.insert(Map.of("id", 2), Map.of("id", 2, "status", "new"), 2),
                ChangeRecord.update(Map.of("id", 1), Map.of("id", 1, "status", "paid"), 3),
                ChangeRecord.delete(Map.of("id", 2), 4),
                ChangeRecord.update(Map.of("id", 1), Map.of("id", 1, "status", "new"), 2));

        this.streamLoad.applyChanges("orders", Flux.fromIterable(feed), options).blockLast();
        List<Map<String, String>> once = statusAndVersion();
        // A consumer that restarts from an older offset delivers the changes again.
        this.streamLoad.applyChanges("orders", Flux.fromIterable(feed), options).blockLast();

        assertThat(statusAndVersion()).isEqualTo(once).containsExactlyInAnyOrder(
                Map.of("id", "1", "status", "paid", "_sr_version", "3", "_sr_is_deleted", "0"),
                Map.of("id", "2", "status", "new", "_sr_version", "4", "_sr_is_deleted", "1"));
    }

    /** The rows without the time they were synced, which differs between runs. */
    private List<Map<String, String>> statusAndVersion() {
        return this.stub.table("shop", "orders").rows().stream()
            .map((row) -> Map.of("id", row.get("id"), "status", row.get("status"), "_sr_version",
                    row.get("_sr_version"), "_sr_is_deleted", row.get("_sr_is_deleted")))
            .toList();
    }

}
