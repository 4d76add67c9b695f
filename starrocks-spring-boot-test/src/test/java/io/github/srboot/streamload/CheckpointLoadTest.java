package io.github.srboot.streamload;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.transaction.CheckpointBatch;
import io.github.srboot.streamload.transaction.CheckpointLabels;
import io.github.srboot.streamload.transaction.CheckpointWriter;
import io.github.srboot.streamload.transaction.MergeCommit;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deterministic labels for streams and writers, and merge commit loads, against the stub. The tables are DUPLICATE
 * KEY tables, where a batch loaded twice would show twice.
 */
class CheckpointLoadTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
        this.template = StubTemplates.builder(this.stub).build();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    private static CheckpointBatch<StubTemplates.Item> batch(String id, long... keys) {
        return new CheckpointBatch<>(id, java.util.Arrays.stream(keys)
            .mapToObj((key) -> new StubTemplates.Item(key, "batch " + id)).toList());
    }

    @Test
    void aRestartedProducerReplayingItsCheckpointsLoadsEachBatchOnce() {
        LoadOptions options = LoadOptions.json().withLabelPrefix("orders");
        List<LoadResult> first = this.template.streamCheckpoints("events",
                Flux.just(batch("7", 1, 2), batch("8", 3)), options).collectList().block();
        // After a crash the producer replays from checkpoint 7, then goes on with 9.
        List<LoadResult> replay = this.template.streamCheckpoints("events",
                Flux.just(batch("7", 1, 2), batch("8", 3), batch("9", 4)), options).collectList().block();

        assertThat(first).extracting(LoadResult::label).containsExactly("orders_events_7", "orders_events_8");
        assertThat(replay).extracting(LoadResult::status).containsExactly(LoadStatus.ALREADY_LOADED,
                LoadStatus.ALREADY_LOADED, LoadStatus.SUCCESS);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(4);
        assertThat(this.stub.table("shop", "events").rowsWithKey(1)).hasSize(1);
    }

    @Test
    void theCheckpointWriterLabelsEachCheckpointAndSkipsAReplay() {
        CheckpointWriter<StubTemplates.Item> writer = this.template.checkpointWriter("events",
                LoadOptions.json().withLabelPrefix("orders"));
        writer.write(new StubTemplates.Item(1, "a"));
        writer.write(new StubTemplates.Item(2, "b"));
        LoadResult result = writer.checkpoint("42");
        writer.write(new StubTemplates.Item(1, "a"));
        writer.write(new StubTemplates.Item(2, "b"));
        LoadResult replayed = writer.checkpoint("42");

        assertThat(result.label()).isEqualTo("orders_events_42");
        assertThat(replayed.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(writer.checkpoint("43")).isNull();
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(2);
    }

    @Test
    void checkpointLabelsCannotCollideAcrossTablesOrApplications() {
        // "a_b" + table "c" and "a" + table "b_c", table "t_1" at "2" and table "t" at "1_2": the same text
        assertThatThrownBy(() -> CheckpointLabels.of("a_b", "c", 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'a_b'");
        assertThatThrownBy(() -> CheckpointLabels.of("p", "t", "1_2")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'1_2'");
        assertThat(CheckpointLabels.of("orders-sink", "daily_sales", "7")).isEqualTo("orders-sink_daily_sales_7");
        // the template's default prefix is the same in every application
        assertThatThrownBy(() -> this.template.checkpointWriter("events", LoadOptions.json()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("label prefix of their own application");
        assertThatThrownBy(() -> this.template.streamCheckpoints("events", Flux.just(batch("7", 1)),
                LoadOptions.json()).blockLast())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("label prefix of their own application");
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
    }

    @Test
    void aCheckpointIdOutsideTheLabelAlphabetIsRefusedNamingIt() {
        assertThatThrownBy(() -> CheckpointLabels.of("p", "events", "7/8"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'7/8'");
    }

    @Test
    void mergeCommitLoadsSendNoLabelAndNoBodyToTheFrontend() {
        LoadResult result = this.template.loadWithMergeCommit("events",
                Flux.just(new StubTemplates.Item(1, "a"), new StubTemplates.Item(2, "b")), LoadOptions.json(),
                MergeCommit.synchronous(Duration.ofMillis(500), 2)).block();

        assertThat(result.status()).isEqualTo(LoadStatus.SUCCESS);
        // StarRocks' merge commit answer has no row counters, and names the merged transaction itself
        assertThat(result.totalRows()).isEqualTo(-1);
        assertThat(result.label()).startsWith("merge_commit_");
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(2);
        assertThat(this.stub.frontends().get(0).bodyBytes()).isZero();
    }

    @Test
    void aMergeCommitLoadWithAFixedLabelIsRefused() {
        assertThatThrownBy(() -> this.template.loadWithMergeCommit("events", Flux.just(new StubTemplates.Item(1, "a")),
                LoadOptions.json().withLabel("mine"), MergeCommit.synchronous(Duration.ofSeconds(1), 1)).block())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no label idempotency");
    }

}
