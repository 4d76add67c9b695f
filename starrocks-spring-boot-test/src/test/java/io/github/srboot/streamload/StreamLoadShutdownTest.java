package io.github.srboot.streamload;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.srboot.autoconfigure.StarRocksAutoConfiguration;
import io.github.srboot.autoconfigure.StreamLoadAutoConfiguration;
import io.github.srboot.actuate.StreamLoadMetrics;
import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Shutdown: buffered rows are flushed, and {@code close()} keeps to the shutdown timeout even with a stalled BE,
 * reporting what it left behind.
 */
class StreamLoadShutdownTest {

    private final StreamLoadStubServer stub = StreamLoadStubServer.builder()
        .table(StubTemplates.appendOnly("events"))
        .start();

    @AfterEach
    void stop() {
        this.stub.close();
    }

    @Test
    void closingTheContextLoadsWhatWritersBuffered() {
        new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class))
            .withPropertyValues("starrocks.http.frontends=" + this.stub.frontendUrls().get(0),
                    "starrocks.database=shop", "starrocks.stream-load.batch.max-interval=1h")
            .run((context) -> {
                StreamLoadWriter<Item> writer = context.getBean(StreamLoadTemplate.class).writer("events");
                for (int i = 0; i < 25; i++) {
                    writer.write(new Item(i, "pending"));
                }
                assertThat(this.stub.loadsCommitted()).isZero();
            });
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(25);
    }


    @Test
    // A guard against the unbounded wait this test exists for (a stalled BE held close() for the load timeout);
    // nothing is measured.
    @Timeout(120)
    void closeKeepsToTheShutdownTimeoutWithAStalledBackendAndReportsTheRowsLeftBehind() {
        this.stub.faults().backend(Fault.delay(Duration.ofHours(1)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamLoadTemplate template = StubTemplates.builder(this.stub)
            .shutdownTimeout(Duration.ofSeconds(1))
            .batchPolicy(new BatchPolicy(1000, 1 << 20, Duration.ofHours(1)))
            .observer(new StreamLoadMetrics(registry))
            .build();
        StreamLoadWriter<Item> writer = template.writer("events");
        for (int i = 0; i < 25; i++) {
            writer.write(new Item(i, "stalled"));
        }
        assertThatExceptionOfType(StreamLoadShutdownException.class).isThrownBy(template::close).satisfies((ex) -> {
            assertThat(ex.unflushedRows()).isEqualTo(25);
            assertThat(ex.unflushed()).singleElement().satisfies((batch) -> {
                assertThat(batch.table()).isEqualTo("events");
                assertThat(batch.sent()).isTrue();
                assertThat(batch.label()).startsWith("srboot_events_");
            });
            assertThat(ex.getMessage()).contains("25 row(s)", "sent, outcome unknown");
        });
        assertThat(registry.get("starrocks.stream-load.unflushed-rows").tag("table", "events").counter().count())
            .isEqualTo(25);
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
        // Idempotent: a second close neither waits nor throws.
        template.close();
    }

    @Test
    void aWriterBatchThatFailsWhileClosingIsReportedByClose() {
        this.stub.faults().backend(Fault.loadFailure("refused for this test"));
        StreamLoadTemplate template = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(1000, 1 << 20, Duration.ofHours(1)))
            .build();
        StreamLoadWriter<Item> writer = template.writer("events");
        for (int i = 0; i < 5; i++) {
            writer.write(new Item(i, "refused"));
        }
        assertThatExceptionOfType(StreamLoadShutdownException.class).isThrownBy(template::close)
            .satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
                .isInstanceOfSatisfying(StreamLoadException.class, (failure) -> {
                    assertThat(failure.reason()).isEqualTo(StreamLoadException.Reason.REJECTED);
                    assertThat(failure.failedBatch().orElseThrow().rows()).isEqualTo(5);
                }));
    }

}
