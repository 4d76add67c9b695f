package io.github.srboot.streamload;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;

import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.LoadState;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.TableContents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StreamLoadTemplate#applyChangeBatch} against the stub: a batch applied under the caller's batch id is
 * labelled from it, a replay of the same batch is recognised by its labels and applies nothing twice, and a batch of
 * several loads is all-or-nothing (transaction Stream Load), including after an attempt that stopped half-way.
 */
class ChangeBatchLabelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    private static final CdcOptions OPTIONS = CdcOptions.builder()
        .clock(CLOCK)
        .loadOptions(LoadOptions.json().withLabelPrefix("sink"))
        .build();

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.customers()).start();
        this.template = StubTemplates.builder(this.stub).build();
        // Key 3 exists before the batches below, which delete it.
        this.template.applyChanges("customers", Flux.just(ChangeRecord.insert(key(3), new ChangeApplyTest.Customer(3, "cid", 3), 5)),
                OPTIONS).blockLast();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    private TableContents customers() {
        return this.stub.table("shop", "customers");
    }

    private static Map<String, Object> key(long id) {
        return Map.of("id", id);
    }

    /** Upserts of keys 1 and 2 and a hard delete of key 3: two loads of different columns. */
    private static List<ChangeRecord> upsertsAndDelete() {
        return List.of(ChangeRecord.insert(key(1), new ChangeApplyTest.Customer(1, "ann", 1), 10),
                ChangeRecord.insert(key(2), new ChangeApplyTest.Customer(2, "bob", 2), 11), ChangeRecord.delete(key(3), 12));
    }

    private List<LoadResult> apply(List<ChangeRecord> batch, String batchId) {
        return this.template.applyChangeBatch("customers", batch, OPTIONS, batchId).collectList().block();
    }

    private void assertAppliedOnce() {
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "ann");
        assertThat(customers().row(2).orElseThrow()).containsEntry("name", "bob");
        assertThat(customers().row(3)).isEmpty();
    }

    @Test
    void aBatchOfOneLoadIsLabelledFromItsIdAndItsReplayIsRecognised() {
        List<ChangeRecord> batch = List.of(ChangeRecord.insert(key(1), new ChangeApplyTest.Customer(1, "ann", 1), 10));
        List<LoadResult> first = apply(batch, "t-0-7-9");
        long loads = customers().committedLoads();
        List<LoadResult> replay = apply(batch, "t-0-7-9");

        assertThat(first).extracting(LoadResult::label).containsExactly("sink_customers_t-0-7-9-0");
        assertThat(first).extracting(LoadResult::status).containsExactly(LoadStatus.SUCCESS);
        assertThat(replay).extracting(LoadResult::status).containsExactly(LoadStatus.ALREADY_LOADED);
        assertThat(customers().committedLoads()).isEqualTo(loads);
    }

    @Test
    void aBatchOfSeveralLoadsCommitsThemTogetherAndItsReplayCommitsNothing() {
        List<LoadResult> first = apply(upsertsAndDelete(), "b1");
        long loads = customers().committedLoads();
        List<LoadResult> replay = apply(upsertsAndDelete(), "b1");

        assertThat(first).extracting(LoadResult::label).containsExactly("sink_customers_b1-0", "sink_customers_b1-1");
        assertThat(first).extracting(LoadResult::status).containsOnly(LoadStatus.SUCCESS);
        assertThat(this.stub.loadState("shop", "sink_customers_b1-1")).isEqualTo(LoadState.VISIBLE);
        assertThat(replay).extracting(LoadResult::status).containsOnly(LoadStatus.ALREADY_LOADED);
        assertThat(customers().committedLoads()).isEqualTo(loads);
        assertAppliedOnce();
    }

    @Test
    void aFailedLoadOfABatchLeavesNothingOfItVisibleAndTheBatchAppliesLater() {
        // The first transaction load goes through, the second is answered 500.
        this.stub.faults().backend(Fault.delay(java.time.Duration.ZERO), Fault.httpStatus(500));
        assertThatThrownBy(() -> apply(upsertsAndDelete(), "b2")).isInstanceOf(RuntimeException.class);
        assertThat(customers().row(1)).isEmpty();
        assertThat(customers().row(3)).isPresent();
        assertThat(this.stub.loadState("shop", "sink_customers_b2-0")).isEqualTo(LoadState.ABORTED);

        // Applied again under the same id: the aborted labels are used again.
        assertThat(apply(upsertsAndDelete(), "b2")).extracting(LoadResult::status).containsOnly(LoadStatus.SUCCESS);
        assertAppliedOnce();
    }

    @Test
    void anAttemptThatCommittedOneTransactionOfABatchIsFinishedByTheReplay() {
        // An earlier attempt prepared both transactions and committed the first, then crashed: the replay commits
        // the second and loads nothing again.
        String[] labels = { "sink_customers_b3-0", "sink_customers_b3-1" };
        LoadOptions upserts = LoadOptions.json()
            .withColumns(List.of("id", "name", "qty", "_sr_op_type", "_sr_is_deleted", "_sr_synced_at",
                    "_sr_version", "__op"))
            .withMergeCondition("_sr_version");
        StreamLoadTransaction first = this.template.transaction("customers", labels[0], upserts);
        first.begin().block();
        first.load(List.of(Map.of("id", 1, "name", "ann", "qty", 1, "_sr_op_type", 0, "_sr_is_deleted", false,
                "_sr_synced_at", "2024-05-01 10:00:00", "_sr_version", 10, "__op", 0))).block();
        first.prepare().block();
        StreamLoadTransaction second = this.template.transaction("customers", labels[1],
                LoadOptions.json().withColumns(List.of("id", "_sr_version", "__op")));
        second.begin().block();
        second.load(List.of(Map.of("id", 3, "_sr_version", 12, "__op", 1))).block();
        second.prepare().block();
        first.commit().block();
        long loads = customers().committedLoads();

        List<LoadResult> replay = apply(upsertsAndDelete(), "b3");

        assertThat(replay).extracting(LoadResult::status).containsOnly(LoadStatus.ALREADY_LOADED);
        assertThat(this.stub.loadState("shop", labels[1])).isEqualTo(LoadState.VISIBLE);
        assertThat(customers().committedLoads()).isEqualTo(loads + 1);
        assertThat(customers().row(3)).isEmpty();
        assertThat(customers().row(1).orElseThrow()).containsEntry("name", "ann");
        assertThat(customers().row(2)).as("key 2 was not in the earlier attempt's rows").isEmpty();
    }

    @Test
    void preparedLeftoversOfAnAttemptThatCommittedNothingAreRolledBackBeforeTheBatchIsApplied() {
        StreamLoadTransaction leftover = this.template.transaction("customers", "sink_customers_b4-0",
                LoadOptions.json().withColumns(List.of("id", "name", "__op")));
        leftover.begin().block();
        leftover.load(List.of(Map.of("id", 9, "name", "stale", "__op", 0))).block();
        leftover.prepare().block();

        List<LoadResult> results = apply(upsertsAndDelete(), "b4");

        assertThat(results).extracting(LoadResult::status).containsOnly(LoadStatus.SUCCESS);
        assertThat(customers().row(9)).isEmpty();
        assertAppliedOnce();
    }

    @Test
    void aBatchIdThatMakesAnInvalidLabelIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> apply(upsertsAndDelete(), "a.b")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("a.b");
        assertThatThrownBy(() -> this.template.applyChangeBatch("customers", upsertsAndDelete(),
                CdcOptions.builder().build(), "b5").blockLast())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("label prefix of their own application");
        assertThat(customers().row(1)).isEmpty();
    }

}
