package io.github.srboot.streamload;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.ChangeWriter;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.TableContents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamLoadTemplate#applyChanges} against the stub: upserts, hard and soft deletes, ordering by
 * {@code merge_condition} across out-of-order and retried deliveries, partial updates and the blocking writer.
 */
class ChangeApplyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    /** A source row. */
    record Customer(long id, String name, Integer qty) {
    }

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.customers()).start();
        this.template = StubTemplates.builder(this.stub).build();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    private CdcOptions.Builder options() {
        return CdcOptions.builder().clock(CLOCK);
    }

    private List<LoadResult> apply(CdcOptions options, ChangeRecord... changes) {
        return this.template.applyChanges("customers", Flux.just(changes), options).collectList().block();
    }

    private TableContents customers() {
        return this.stub.table("shop", "customers");
    }

    private static Map<String, Object> key(long id) {
        return Map.of("id", id);
    }

    @Test
    void insertsUpdatesAndHardDeletesWithAuditColumns() {
        apply(options().build(), ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 10),
                ChangeRecord.insert(key(2), new Customer(2, "bob", 2), 11),
                ChangeRecord.insert(key(3), new Customer(3, "cid", 3), 12));
        apply(options().build(), ChangeRecord.update(key(2), new Customer(2, "bobby", 5), 13),
                ChangeRecord.delete(key(3), 14));

        assertThat(customers().row(1)).contains(Map.of("id", "1", "name", "ann", "qty", "1", "_sr_op_type", "0",
                "_sr_is_deleted", "0", "_sr_synced_at", "2024-05-01 10:00:00", "_sr_version", "10"));
        assertThat(customers().row(2).orElseThrow()).containsEntry("name", "bobby").containsEntry("_sr_op_type", "1")
            .containsEntry("_sr_version", "13");
        assertThat(customers().row(3)).isEmpty();
        assertThat(customers().rowCount()).isEqualTo(2);
    }

    @Test
    void aStaleChangeInALaterLoadNeverOverwritesANewerRow() {
        CdcOptions oneChangePerLoad = options().maxBatchChanges(1).build();
        apply(oneChangePerLoad, ChangeRecord.update(key(1), new Customer(1, "newest", 9), 30),
                ChangeRecord.update(key(1), new Customer(1, "older", 8), 20),
                ChangeRecord.insert(key(1), new Customer(1, "oldest", 7), 10));

        assertThat(customers().committedLoads()).isEqualTo(3);
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "newest").containsEntry("_sr_version",
                "30");
    }

    @Test
    void aRetriedOrReplayedBatchLeavesTheNewestRows() {
        ChangeRecord[] batch = { ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 1),
                ChangeRecord.update(key(1), new Customer(1, "ann2", 2), 2),
                ChangeRecord.insert(key(2), new Customer(2, "bob", 1), 3) };
        apply(options().build(), batch);
        apply(options().build(), ChangeRecord.update(key(1), new Customer(1, "ann3", 3), 4));
        // A restarted source replays from an older position: every replayed change is older than the stored rows.
        apply(options().build(), batch);

        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "ann3").containsEntry("_sr_version", "4");
        assertThat(customers().row(2).orElseThrow()).containsEntry("name", "bob");
    }

    @Test
    void outOfOrderChangesOfOneBatchAreCompactedToTheNewest() {
        List<LoadResult> results = apply(options().build(),
                ChangeRecord.update(key(1), new Customer(1, "v7", 7), 7),
                ChangeRecord.update(key(1), new Customer(1, "v5", 5), 5),
                ChangeRecord.delete(key(2), 3),
                ChangeRecord.insert(key(2), new Customer(2, "back", 1), 4));

        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "v7");
        // The delete at version 3 is older than the insert at version 4 in the same batch: the row exists.
        assertThat(customers().row(2).orElseThrow()).containsEntry("name", "back");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).loadedRows()).isEqualTo(2);
    }

    @Test
    void softDeletesKeepTheRowMarkedDeletedAndAreOrdered() {
        CdcOptions soft = options().deleteMode(DeleteMode.SOFT).build();
        apply(soft, ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 10),
                ChangeRecord.insert(key(2), new Customer(2, "bob", 2), 10));
        apply(soft, ChangeRecord.delete(key(1), 11), ChangeRecord.delete(key(2), 9));

        assertThat(customers().row(1)).contains(Map.of("id", "1", "name", "ann", "qty", "1", "_sr_op_type", "2",
                "_sr_is_deleted", "1", "_sr_synced_at", "2024-05-01 10:00:00", "_sr_version", "11"));
        // The delete of key 2 is older than its stored version: ignored.
        assertThat(customers().row(2).orElseThrow()).containsEntry("_sr_is_deleted", "0")
            .containsEntry("_sr_version", "10");
        assertThat(customers().rowCount()).isEqualTo(2);
    }

    @Test
    void aSoftDeleteWithItsBeforeImageHoldsTheLastValuesWhenItOvertakesTheUpdateBeforeIt() {
        CdcOptions softOneChangePerLoad = options().deleteMode(DeleteMode.SOFT).maxBatchChanges(1).build();
        apply(softOneChangePerLoad, ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 1),
                ChangeRecord.delete(key(1), new Customer(1, "ann2", 2), 3),
                // the update the delete overtook: older than the stored row, rejected by merge_condition
                ChangeRecord.update(key(1), new Customer(1, "ann2", 2), 2));

        assertThat(customers().row(1)).contains(Map.of("id", "1", "name", "ann2", "qty", "2", "_sr_op_type", "2",
                "_sr_is_deleted", "1", "_sr_synced_at", "2024-05-01 10:00:00", "_sr_version", "3"));
    }

    @Test
    void aSoftDeleteWithoutABeforeImageKeepsWhatTheRowHeldWhenItWasApplied() {
        CdcOptions softOneChangePerLoad = options().deleteMode(DeleteMode.SOFT).maxBatchChanges(1).build();
        apply(softOneChangePerLoad, ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 1),
                ChangeRecord.delete(key(1), 3), ChangeRecord.update(key(1), new Customer(1, "ann2", 2), 2));

        // as docs/cdc.md says: the values of the insert, not of the update the delete overtook
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "ann").containsEntry("_sr_is_deleted", "1")
            .containsEntry("_sr_version", "3");
    }

    @Test
    void theSyncTimeKeepsItsFractionOfASecond() {
        // The starter writes microseconds without trailing zeros (".12"); StarRocks scales a 1-6 digit fraction
        // (be/src/runtime/time_types.cpp date::from_string), so the stored value is .120000, not NULL.
        Clock withMillis = Clock.fixed(Instant.parse("2024-05-01T10:00:00.120Z"), ZoneOffset.UTC);
        apply(options().clock(withMillis).build(), ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 1));

        assertThat(customers().row(1).orElseThrow()).containsEntry("_sr_synced_at", "2024-05-01 10:00:00.120000");
    }

    @Test
    void hardDeletesOfOneTableApplyInSourceOrderAcrossLoads() {
        CdcOptions oneChangePerLoad = options().maxBatchChanges(1).build();
        apply(oneChangePerLoad, ChangeRecord.insert(key(1), new Customer(1, "a", 1), 1), ChangeRecord.delete(key(1), 2),
                ChangeRecord.insert(key(1), new Customer(1, "again", 2), 3), ChangeRecord.delete(key(1), 4),
                ChangeRecord.insert(key(1), new Customer(1, "last", 3), 5));

        assertThat(customers().committedLoads()).isEqualTo(5);
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "last");
    }

    @Test
    void partialUpdatesKeepUntouchedColumnsAndAreGroupedByChangedColumns() {
        apply(options().build(), ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 1),
                ChangeRecord.insert(key(2), new Customer(2, "bob", 2), 1),
                ChangeRecord.insert(key(3), new Customer(3, "cid", 3), 1));
        Map<String, Object> qtyOnly = new LinkedHashMap<>();
        qtyOnly.put("qty", 10);
        // Column mode only unordered: StarRocks does not apply merge_condition to column-mode partial updates.
        List<LoadResult> results = apply(
                options().ordered(false).partialUpdateMode(CdcOptions.PartialUpdateMode.COLUMN).build(),
                ChangeRecord.partialUpdate(key(1), qtyOnly, 2, Set.of("qty")),
                ChangeRecord.partialUpdate(key(2), Map.of("name", "bobby", "qty", 99), 2, Set.of("name")),
                ChangeRecord.partialUpdate(key(3), Map.of("qty", 30), 2, Set.of("qty")));

        assertThat(results).hasSize(2);
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "ann").containsEntry("qty", "10")
            .containsEntry("_sr_version", "2");
        assertThat(customers().row(2).orElseThrow()).containsEntry("name", "bobby").containsEntry("qty", "2");
        assertThat(customers().row(3).orElseThrow()).containsEntry("name", "cid").containsEntry("qty", "30");
    }

    @Test
    void aStalePartialUpdateIsIgnored() {
        apply(options().build(), ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 5));
        apply(options().build(), ChangeRecord.partialUpdate(key(1), Map.of("qty", 2), 4, Set.of("qty")));

        assertThat(customers().row(1).orElseThrow()).containsEntry("qty", "1").containsEntry("_sr_version", "5");
    }

    @Test
    void partialUpdatesOfOneKeyInOneBatchMergeIntoOneRow() {
        apply(options().build(), ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 1));
        List<LoadResult> results = apply(options().build(),
                ChangeRecord.partialUpdate(key(1), Map.of("qty", 2), 2, Set.of("qty")),
                ChangeRecord.partialUpdate(key(1), Map.of("name", "anna"), 3, Set.of("name")));

        assertThat(results).hasSize(1);
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "anna").containsEntry("qty", "2");
    }

    /** A source row as a JavaBean (getters and setters), read like a record. */
    public static class CustomerBean {

        private long id;

        private String name;

        private Integer qty;

        public CustomerBean() {
        }

        CustomerBean(long id, String name, Integer qty) {
            this.id = id;
            this.name = name;
            this.qty = qty;
        }

        public long getId() {
            return this.id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public String getName() {
            return this.name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getQty() {
            return this.qty;
        }

        public void setQty(Integer qty) {
            this.qty = qty;
        }

    }

    /** A stored customers row as the stub holds it (text per column, NULL as null), synced at {@link #CLOCK}. */
    private static Map<String, String> stored(String id, String name, String qty, String operationType,
            String deleted, String version) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("qty", qty);
        row.put("_sr_op_type", operationType);
        row.put("_sr_is_deleted", deleted);
        row.put("_sr_synced_at", "2024-05-01 10:00:00");
        row.put("_sr_version", version);
        return row;
    }

    @Test
    void recordsAndBeansOfOneBatchShareALoadAndKeepTheirNulls() {
        List<LoadResult> results = apply(options().build(),
                ChangeRecord.insert(key(1), new Customer(1, "ann", null), 10),
                ChangeRecord.insert(key(2), new CustomerBean(2, null, 2), 11),
                ChangeRecord.update(key(2), new CustomerBean(2, "bob", null), 12));

        // one load: a record and a bean with the same columns make rows of one shape
        assertThat(results).singleElement().satisfies((result) -> assertThat(result.loadedRows()).isEqualTo(2));
        assertThat(customers().row(1)).contains(stored("1", "ann", null, "0", "0", "10"));
        assertThat(customers().row(2)).contains(stored("2", "bob", null, "1", "0", "12"));
    }

    @Test
    void beansWithBeforeImagesStayExactWhenSoftDeletesOvertakeUpdates() {
        CdcOptions softOneChangePerLoad = options().deleteMode(DeleteMode.SOFT).maxBatchChanges(1).build();
        apply(softOneChangePerLoad, ChangeRecord.insert(key(1), new CustomerBean(1, "ann", 1), 1),
                ChangeRecord.delete(key(1), new CustomerBean(1, "ann2", null), 3),
                // overtaken by the delete: older than the stored row, so merge_condition drops both
                ChangeRecord.update(key(1), new CustomerBean(1, "ann2", null), 2),
                ChangeRecord.insert(key(1), new CustomerBean(1, "ann", 1), 1));

        assertThat(customers().row(1)).contains(stored("1", "ann2", null, "2", "1", "3"));
    }

    @Test
    void plainValuesAreLoadedAsCsv() {
        // Key, text, NULL and the audit columns, tab-separated with NULL as \\N (the escape header is set):
        // StarRocks' CSV reader drops the escape before its NULL check (be/src/formats/csv/nullable_converter.cpp).
        String body = "1\tann\t\\\\N\t0\t0\t2024-05-01 10:00:00\t7\t0\n";
        List<LoadResult> results = apply(options().build(), ChangeRecord.insert(key(1), new Customer(1, "ann", null),
                7));

        assertThat(results).singleElement()
            .satisfies((result) -> assertThat(result.loadBytes()).isEqualTo(body.getBytes(UTF_8).length));
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "ann").containsEntry("qty", null);
    }

    @Test
    void textsCsvCannotCarryAreLoadedAsJsonAndTextsItCanAreKeptExactly() {
        String awkward = "tab\there, \"quoted\", back\\slash\nand a line";
        // enclosed and escaped in CSV
        apply(options().build(), ChangeRecord.insert(key(1), new Customer(1, awkward, 1), 1));
        apply(options().build(), ChangeRecord.insert(key(2), new Customer(2, "\\N", 2), 1));

        assertThat(customers().row(1).orElseThrow()).containsEntry("name", awkward);
        // CSV reads the text \N as NULL however it is escaped: this load went as JSON, which stores the text
        assertThat(customers().row(2).orElseThrow()).containsEntry("name", "\\N");
    }

    @Test
    void theBlockingWriterAppliesFullBatchesAndFlushes() {
        try (ChangeWriter writer = this.template.changeWriter("customers", options().maxBatchChanges(2).build())) {
            assertThat(writer.write(ChangeRecord.insert(key(1), new Customer(1, "ann", 1), 1))).isEmpty();
            assertThat(writer.write(ChangeRecord.insert(key(2), new Customer(2, "bob", 1), 2))).hasSize(1);
            writer.write(ChangeRecord.delete(key(1), 3));
            assertThat(customers().rowCount()).isEqualTo(2);
            assertThat(writer.flush()).hasSize(1);
        }
        assertThat(customers().row(1)).isEmpty();
        assertThat(customers().rowCount()).isEqualTo(1);
    }

}
