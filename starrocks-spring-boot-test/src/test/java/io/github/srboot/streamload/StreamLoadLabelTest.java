package io.github.srboot.streamload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.srboot.streamload.StreamLoadObserver.RetryReason;
import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Labels against the stub: a single load keeps its label across subscriptions, and a failed batch of a stream or a
 * writer can be sent again under its label, with the writer's later batches held back so that rows stay in order.
 */
class StreamLoadLabelTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.appendOnly("events")).start();
    }

    @AfterEach
    void stop() {
        if (this.template != null) {
            this.template.close();
        }
        this.stub.close();
    }

    private long rows() {
        return this.stub.table("shop", "events").rowCount();
    }

    @Test
    void subscribingToALoadAgainReusesItsLabelAndLoadsTheRowsOnce() {
        this.template = StubTemplates.builder(this.stub).build();
        Mono<LoadResult> load = this.template.load("events", Flux.range(1, 3).map((i) -> new Item(i, "e" + i)));
        LoadResult first = load.block();
        LoadResult again = load.block();
        assertThat(again.label()).isEqualTo(first.label());
        assertThat(first.status()).isEqualTo(LoadStatus.SUCCESS);
        assertThat(again.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void aFailedStreamBatchIsExposedAndRetriedUnderItsLabel() {
        this.template = StubTemplates.builder(this.stub)
            .retryPolicy(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
            .batchPolicy(new BatchPolicy(100, 1 << 20, Duration.ofHours(1)))
            .build();
        this.stub.faults().backend(Fault.resetBeforeBody());
        StreamLoadException failure = assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.stream("events", Flux.range(0, 250).map((i) -> new Item(i, "r" + i)))
                .collectList()
                .block())
            .actual();
        FailedBatch batch = failure.failedBatch().orElseThrow();
        assertThat(batch.label()).isEqualTo(failure.label());
        assertThat(batch.rows()).isEqualTo(100);
        assertThat(rows()).isZero();
        LoadResult retried = this.template.retry(batch).block();
        assertThat(retried.label()).isEqualTo(failure.label());
        assertThat(retried.loadedRows()).isEqualTo(100);
        assertThat(rows()).isEqualTo(100);
    }

    @Test
    void afterAFailedWriterBatchTheNextOneIsHeldBackAndBothCanBeRetriedInOrder() throws Exception {
        CountDownLatch laterBatchQueued = new CountDownLatch(1);
        this.template = StubTemplates.builder(this.stub)
            .retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
            .batchPolicy(new BatchPolicy(10, 1 << 20, Duration.ofHours(1)))
            .observer(new StreamLoadObserver() {
                @Override
                public void retrying(String table, String label, RetryReason reason, int nextAttempt) {
                    // Holds the failing batch until the next batch waits behind it (test only: blocks an I/O thread).
                    await(laterBatchQueued);
                }
            })
            .build();
        StreamLoadWriter<Item> writer = this.template.writer("events");
        for (int i = 0; i < 10; i++) {
            writer.write(new Item(i, "first"));
        }
        writer.flush();
        this.stub.faults().backend(Fault.httpStatus(503), Fault.httpStatus(503));
        for (int i = 10; i < 30; i++) {
            writer.write(new Item(i, "later"));
        }
        laterBatchQueued.countDown();
        StreamLoadException failure = assertThatExceptionOfType(StreamLoadException.class).isThrownBy(writer::flush)
            .actual();
        assertThat(failure.reason()).isEqualTo(StreamLoadException.Reason.RETRIES_EXHAUSTED);
        assertThat(failure.getSuppressed()).singleElement()
            .isInstanceOfSatisfying(StreamLoadException.class, (skipped) -> assertThat(skipped.reason())
                .isEqualTo(StreamLoadException.Reason.SKIPPED_AFTER_FAILURE));
        // The third batch was not sent after the second failed: no row of it is visible before the second's.
        assertThat(rows()).isEqualTo(10);
        StreamLoadException skipped = (StreamLoadException) failure.getSuppressed()[0];
        List<FailedBatch> inOrder = List.of(failure.failedBatch().orElseThrow(),
                skipped.failedBatch().orElseThrow());
        for (FailedBatch batch : inOrder) {
            assertThat(this.template.retry(batch).block().label()).isEqualTo(batch.label());
        }
        assertThat(rows()).isEqualTo(30);
        writer.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
