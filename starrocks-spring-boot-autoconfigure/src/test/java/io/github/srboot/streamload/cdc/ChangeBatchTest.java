package io.github.srboot.streamload.cdc;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.srboot.streamload.LoadOptions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Planning the loads of a batch of change records: compaction per key, load shapes, audit columns.
 */
class ChangeBatchTest {

    private static final LocalDateTime SYNCED = LocalDateTime.of(2024, 5, 1, 10, 0);

    private static ChangeBatch.Plan plan(CdcOptions options, ChangeRecord... changes) {
        return ChangeBatch.plan(List.of(changes), options, (values) -> ChangeBatch.Fields.of((Map<?, ?>) values),
                SYNCED);
    }

    private static Map<String, Object> key(Object id) {
        return Map.of("id", id);
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void upsertsCarryTheAuditColumnsAndTheOperation() {
        ChangeBatch.Plan plan = plan(CdcOptions.builder().build(),
                ChangeRecord.insert(key(1), row("id", 1, "name", "a"), 7));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.columns()).containsExactly("id", "name", "_sr_op_type", "_sr_is_deleted",
                    "_sr_synced_at", "_sr_version", "__op");
            assertThat(load.rows()).containsExactly(row("id", 1, "name", "a", "_sr_op_type", 0, "_sr_is_deleted",
                    false, "_sr_synced_at", SYNCED, "_sr_version", 7L, "__op", 0));
            assertThat(load.partial()).isFalse();
            assertThat(load.delete()).isFalse();
        });
    }

    @Test
    void aCompositeKeyNamesTheSameRowInAnyColumnOrder() {
        ChangeBatch.Plan plan = plan(CdcOptions.builder().build(),
                ChangeRecord.insert(row("tenant", "t1", "id", 1), row("tenant", "t1", "id", 1, "name", "a"), 1),
                ChangeRecord.delete(row("id", 1, "tenant", "t1"), 2));

        assertThat(plan.superseded()).isEqualTo(1);
        assertThat(plan.loads()).singleElement().satisfies((load) -> assertThat(load.delete()).isTrue());
    }

    @Test
    void hardDeletesAreLoadedApartWithTheKeyOnly() {
        ChangeBatch.Plan plan = plan(CdcOptions.builder().build(),
                ChangeRecord.insert(key(1), row("id", 1, "name", "a"), 1), ChangeRecord.delete(key(2), 2));

        assertThat(plan.loads()).hasSize(2);
        assertThat(plan.loads().get(1).rows()).containsExactly(row("id", 2, "_sr_version", 2L, "__op", 1));
        assertThat(plan.loads().get(1).delete()).isTrue();
        assertThat(ChangeApplier.loadOptions(plan.loads().get(1), CdcOptions.builder().build()).mergeCondition())
            .isNull();
        assertThat(ChangeApplier.loadOptions(plan.loads().get(0), CdcOptions.builder().build()).mergeCondition())
            .isEqualTo("_sr_version");
    }

    @Test
    void aSoftDeleteOfARowInsertedInTheSameBatchWritesThatRow() {
        // The insert is compacted away: a key-and-audit-only partial update would create the row with NULLs.
        CdcOptions soft = CdcOptions.builder().deleteMode(DeleteMode.SOFT).build();
        ChangeBatch.Plan plan = plan(soft, ChangeRecord.insert(key(4), row("id", 4, "name", "d"), 1),
                ChangeRecord.delete(key(4), 2));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.partial()).isFalse();
            assertThat(load.rows()).containsExactly(row("id", 4, "name", "d", "_sr_op_type", 2, "_sr_is_deleted",
                    true, "_sr_synced_at", SYNCED, "_sr_version", 2L));
        });
    }

    @Test
    void aSoftDeleteAfterAPartialUpdateInTheSameBatchWritesTheUpdatedColumns() {
        // The update is compacted away: without its columns the row would keep its values from before the batch.
        CdcOptions soft = CdcOptions.builder().deleteMode(DeleteMode.SOFT).build();
        ChangeBatch.Plan plan = plan(soft,
                ChangeRecord.partialUpdate(key(5), row("id", 5, "name", "e", "city", "x"), 1, Set.of("name")),
                ChangeRecord.delete(key(5), 2));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.partial()).isTrue();
            assertThat(load.rows()).containsExactly(row("id", 5, "name", "e", "_sr_op_type", 2, "_sr_is_deleted",
                    true, "_sr_synced_at", SYNCED, "_sr_version", 2L));
        });
    }

    @Test
    void aSoftDeleteWithABeforeImageIsAWholeRowAtTheDeletesVersion() {
        CdcOptions soft = CdcOptions.builder().deleteMode(DeleteMode.SOFT).build();
        ChangeBatch.Plan plan = plan(soft, ChangeRecord.delete(key(3), row("id", 3, "name", "c", "qty", 2), 9));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.partial()).isFalse();
            assertThat(load.delete()).isFalse();
            assertThat(load.rows()).containsExactly(row("id", 3, "name", "c", "qty", 2, "_sr_op_type", 2,
                    "_sr_is_deleted", true, "_sr_synced_at", SYNCED, "_sr_version", 9L));
            assertThat(ChangeApplier.loadOptions(load, soft).partialUpdate()).isFalse();
            assertThat(ChangeApplier.loadOptions(load, soft).mergeCondition()).isEqualTo("_sr_version");
        });
    }

    @Test
    void aSoftDeleteWithABeforeImageWritesTheImageOverAPartialUpdateOfTheSameBatch() {
        // The partial update names one column; the before image is the whole row, so the delete is a whole row.
        CdcOptions soft = CdcOptions.builder().deleteMode(DeleteMode.SOFT).build();
        ChangeBatch.Plan plan = plan(soft,
                ChangeRecord.partialUpdate(key(5), row("id", 5, "qty", 7), 1, Set.of("qty")),
                ChangeRecord.delete(key(5), row("id", 5, "name", "e", "qty", 7), 2));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.partial()).isFalse();
            assertThat(load.rows()).containsExactly(row("id", 5, "name", "e", "qty", 7, "_sr_op_type", 2,
                    "_sr_is_deleted", true, "_sr_synced_at", SYNCED, "_sr_version", 2L));
        });
    }

    @Test
    void aHardDeleteIgnoresTheBeforeImage() {
        ChangeBatch.Plan plan = plan(CdcOptions.builder().build(),
                ChangeRecord.delete(key(8), row("id", 8, "name", "h"), 3));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.delete()).isTrue();
            assertThat(load.rows()).containsExactly(row("id", 8, "_sr_version", 3L, "__op", 1));
        });
    }

    @Test
    void aBeforeImageThatContradictsTheKeyIsRefused() {
        assertThatThrownBy(() -> plan(CdcOptions.builder().deleteMode(DeleteMode.SOFT).build(),
                ChangeRecord.delete(key(1), row("id", 2, "name", "a"), 4)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'id' = 1");
        assertThatThrownBy(() -> ChangeRecord.delete(key(1), null, 4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ChangeRecord.delete(key, version)");
    }

    @Test
    void columnModeCannotBeOrderedSinceStarRocksIgnoresMergeConditionThere() {
        // StarRocks applies column-mode rowsets apart from its merge_condition path (be/src/storage/tablet_updates.cpp
        // _apply_rowset_commit -> _apply_column_partial_update_commit; RowsetColumnUpdateState::finalize).
        assertThatThrownBy(() -> CdcOptions.builder().partialUpdateMode(CdcOptions.PartialUpdateMode.COLUMN).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("partialUpdateMode(COLUMN)")
            .hasMessageContaining("ordered(true)");
        CdcOptions unordered = CdcOptions.builder()
            .ordered(false)
            .partialUpdateMode(CdcOptions.PartialUpdateMode.COLUMN)
            .build();
        ChangeBatch.Plan plan = plan(unordered, ChangeRecord.partialUpdate(key(1), row("qty", 1), 1, Set.of("qty")));
        LoadOptions load = ChangeApplier.loadOptions(plan.loads().get(0), unordered);
        assertThat(load.mergeCondition()).isNull();
        assertThat(load.headers()).containsEntry("partial_update_mode", "column");
        assertThat(CdcOptions.builder().partialUpdateMode(CdcOptions.PartialUpdateMode.ROW).build().ordered()).isTrue();
    }

    @Test
    void aHardDeleteAfterAnInsertInTheSameBatchStaysAKeyOnlyDelete() {
        ChangeBatch.Plan plan = plan(CdcOptions.builder().build(),
                ChangeRecord.insert(key(6), row("id", 6, "name", "f"), 1), ChangeRecord.delete(key(6), 2));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.delete()).isTrue();
            assertThat(load.rows()).containsExactly(row("id", 6, "_sr_version", 2L, "__op", 1));
        });
    }

    @Test
    void softDeletesArePartialUpdatesOfTheKeyAndAuditColumns() {
        CdcOptions soft = CdcOptions.builder().deleteMode(DeleteMode.SOFT).build();
        ChangeBatch.Plan plan = plan(soft, ChangeRecord.delete(key(3), 9));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.partial()).isTrue();
            assertThat(load.rows()).containsExactly(row("id", 3, "_sr_op_type", 2, "_sr_is_deleted", true,
                    "_sr_synced_at", SYNCED, "_sr_version", 9L));
            assertThat(ChangeApplier.loadOptions(load, soft).partialUpdate()).isTrue();
            assertThat(ChangeApplier.loadOptions(load, soft).mergeCondition()).isEqualTo("_sr_version");
        });
    }

    @Test
    void theNewestChangeOfAKeyWinsWhateverTheArrivalOrder() {
        ChangeBatch.Plan plan = plan(CdcOptions.builder().build(),
                ChangeRecord.update(key(1), row("id", 1, "name", "new"), 5),
                ChangeRecord.update(key(1L), row("id", 1L, "name", "old"), 4),
                ChangeRecord.delete(key(1), 3));

        assertThat(plan.superseded()).isEqualTo(2);
        assertThat(plan.loads()).singleElement()
            .satisfies((load) -> assertThat(load.rows()).singleElement().satisfies((row) -> assertThat(row)
                .containsEntry("name", "new").containsEntry("_sr_version", 5L)));
    }

    @Test
    void partialUpdatesAreGroupedByChangedColumnsAndMergedPerKey() {
        CdcOptions options = CdcOptions.builder()
            .ordered(false)
            .partialUpdateMode(CdcOptions.PartialUpdateMode.COLUMN)
            .build();
        ChangeBatch.Plan plan = plan(options,
                ChangeRecord.partialUpdate(key(1), row("qty", 1, "name", "ignored"), 1, Set.of("qty")),
                ChangeRecord.partialUpdate(key(2), row("qty", 2), 1, Set.of("qty")),
                ChangeRecord.partialUpdate(key(3), row("name", "c"), 1, Set.of("name")),
                ChangeRecord.partialUpdate(key(3), row("qty", 3), 2, Set.of("qty")));

        assertThat(plan.loads()).hasSize(2);
        assertThat(plan.loads().get(0).columns()).containsExactly("id", "qty", "_sr_op_type", "_sr_is_deleted",
                "_sr_synced_at", "_sr_version");
        assertThat(plan.loads().get(0).rows()).extracting((row) -> row.get("id")).containsExactly(1, 2);
        assertThat(plan.loads().get(1).columns()).containsExactly("id", "name", "qty", "_sr_op_type",
                "_sr_is_deleted", "_sr_synced_at", "_sr_version");
        assertThat(ChangeApplier.loadOptions(plan.loads().get(0), options).headers())
            .containsEntry("partial_update_mode", "column");
    }

    @Test
    void aPartialUpdateAfterAWholeRowOfTheSameKeyMakesOneWholeRow() {
        ChangeBatch.Plan plan = plan(CdcOptions.builder().build(),
                ChangeRecord.insert(key(1), row("id", 1, "name", "a", "qty", 1), 1),
                ChangeRecord.partialUpdate(key(1), row("qty", 5), 2, Set.of("qty")));

        assertThat(plan.loads()).singleElement().satisfies((load) -> {
            assertThat(load.partial()).isFalse();
            assertThat(load.rows().get(0)).containsEntry("name", "a").containsEntry("qty", 5);
        });
    }

    @Test
    void aChangedColumnMissingFromTheValuesIsNamed() {
        assertThatThrownBy(() -> plan(CdcOptions.builder().build(),
                ChangeRecord.partialUpdate(key(1), row("qty", 5), 2, Set.of("price"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'price'");
    }

    @Test
    void keyValuesThatContradictTheRowAreRefused() {
        assertThatThrownBy(() -> plan(CdcOptions.builder().build(),
                ChangeRecord.insert(key(1), row("id", 2, "name", "a"), 1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'id' = 1");
    }

    @Test
    void recordsWithoutKeyOrValuesAreRefused() {
        assertThatThrownBy(() -> ChangeRecord.insert(Map.of(), row("a", 1), 1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeRecord.update(key(1), null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

}
