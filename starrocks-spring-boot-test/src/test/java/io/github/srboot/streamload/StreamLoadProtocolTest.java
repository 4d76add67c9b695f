package io.github.srboot.streamload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.LoadState;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;
import io.github.srboot.test.streamload.StubTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Stream Load protocol against the stub: redirect, credentials, answers and their outcomes.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamLoadProtocolTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder()
            .credentials("loader", "s3cret")
            .table(StubTemplates.keyed("orders"))
            .table(StubTable.builder("shop", "typed").column("id", "INT").column("amount", "DECIMAL(10,2)")
                .primaryKey("id").build())
            .start();
        this.template = StubTemplates.builder(this.stub).build();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    @Test
    void theBodyGoesToTheBackendOnlyWithTheSameCredentials() {
        LoadResult result = this.template
            .load("orders", Flux.range(1, 100).map((i) -> new Item(i, "item " + i)))
            .block();
        StubEndpoint frontend = this.stub.frontend();
        StubEndpoint backend = this.stub.backends().get(0);
        assertThat(result.status()).isEqualTo(LoadStatus.SUCCESS);
        assertThat(result.loadedRows()).isEqualTo(100);
        assertThat(result.totalRows()).isEqualTo(100);
        assertThat(result.attempts()).isOne();
        assertThat(result.txnId()).isPositive();
        assertThat(result.frontend()).isEqualTo(frontend.url());
        assertThat(result.backend().getPort()).isEqualTo(backend.port());
        assertThat(result.label()).startsWith("srboot_orders_");
        // The stub adds a request's body bytes to its counter just after answering: wait for the BE's count.
        Awaitility.await("BE body bytes").until(() -> backend.bodyBytes() >= result.loadBytes());
        assertThat(backend.bodyBytes()).isEqualTo(result.loadBytes()).isPositive();
        assertThat(backend.loadRequests()).isOne();
        assertThat(frontend.loadRequests()).isOne();
        assertThat(frontend.bodyBytes()).isZero();
        assertThat(this.stub.table("shop", "orders").rowCount()).isEqualTo(100);
        assertThat(this.stub.table("shop", "orders").row(42)).contains(Map.of("id", "42", "name", "item 42"));
    }

    @Test
    void redirectsToAnUnreachableAddressAreRewritten() {
        StubEndpoint backend = this.stub.backends().get(0);
        this.stub.faults().frontend(Fault.redirectToUnreachableBackend());
        try (StreamLoadTemplate rewriting = StubTemplates.builder(this.stub)
            .redirectHostRewrite(HostRewrite.parse("127.0.0.1:" + backend.port()))
            .build()) {
            LoadResult result = rewriting.load("orders", Flux.just(new Item(1, "a"))).block();
            assertThat(result.attempts()).isOne();
            assertThat(result.backend().getPort()).isEqualTo(backend.port());
        }
        assertThat(this.stub.faults().injected()).hasSize(1);
        assertThat(this.stub.table("shop", "orders").rowCount()).isOne();
    }

    @Test
    void wrongCredentialsFailWithAnAuthenticationError() {
        try (StreamLoadTemplate wrong = StubTemplates.builder(this.stub).credentials("loader", "nope").build()) {
            assertThatExceptionOfType(StreamLoadException.class)
                .isThrownBy(() -> wrong.load("orders", Flux.just(new Item(1, "a"))).block())
                .satisfies((ex) -> {
                    assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.AUTHENTICATION);
                    assertThat(ex.serverStatus()).isEqualTo("HTTP 401");
                    assertThat(ex.attempts()).isOne();
                    assertThat(ex.getMessage()).doesNotContain("nope");
                });
        }
    }

    @Test
    void publishTimeoutIsASuccessNotYetVisible() {
        this.stub.faults().backend(Fault.publishTimeout());
        LoadResult result = this.template.load("orders", Flux.just(new Item(1, "a"))).block();
        assertThat(result.status()).isEqualTo(LoadStatus.PUBLISH_TIMEOUT);
        assertThat(result.visible()).isFalse();
        assertThat(result.attempts()).isOne();
    }

    @Test
    void aLabelAlreadyCommittedIsReportedAsAlreadyLoaded() {
        LoadOptions options = LoadOptions.json().withLabel("fixed_label_1");
        assertThat(this.template.load("orders", Flux.just(new Item(1, "a")), options).block().status())
            .isEqualTo(LoadStatus.SUCCESS);
        LoadResult again = this.template.load("orders", Flux.just(new Item(1, "changed")), options).block();
        assertThat(again.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(again.label()).isEqualTo("fixed_label_1");
        assertThat(this.stub.table("shop", "orders").row(1)).contains(Map.of("id", "1", "name", "a"));
    }

    @Test
    void aLabelStillRunningIsPolledUntilItIsFinal() throws Exception {
        // Another client holds the label: its body is only half sent, so the job is PREPARE (RUNNING).
        byte[] body = "[{\"id\":7,\"name\":\"first\"}]".getBytes(StandardCharsets.UTF_8);
        StubEndpoint backend = this.stub.backends().get(0);
        try (Socket other = new Socket("127.0.0.1", backend.port())) {
            OutputStream out = holdLabelRunning(other, "shared_label", body);
            Mono<LoadResult> waiting = this.template.load("orders", Flux.just(new Item(7, "second")),
                    LoadOptions.json().withLabel("shared_label"));
            long pollsBefore = this.stub.frontend().loadStateRequests();
            var future = waiting.toFuture();
            // A second poll means the client read the first answer (PREPARE) and kept waiting: the label cannot
            // change state until the other client's body is complete, so the load must still be pending.
            Awaitility.await("two get_load_state polls")
                .until(() -> this.stub.frontend().loadStateRequests() >= pollsBefore + 2);
            assertThat(future).isNotDone();
            out.write(body, 5, body.length - 5);
            out.flush();
            InputStream in = other.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            LoadResult result = future.get();
            assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        }
        assertThat(this.stub.table("shop", "orders").row(7)).contains(Map.of("id", "7", "name", "first"));
    }

    @Test
    void labelPollingsDeadlineStartsWhenPollingStarts() throws Exception {
        // Virtual time: an hour passes (a retry backoff) between the load's start and its label polling; a deadline
        // counted from the load's start would end the polling at its first answer.
        VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
        AtomicLong tasksBeforeBackoff = new AtomicLong(-1);
        CountDownLatch retrying = new CountDownLatch(1);
        byte[] body = "[{\"id\":8,\"name\":\"first\"}]".getBytes(StandardCharsets.UTF_8);
        try (StreamLoadTemplate patient = StubTemplates.builder(this.stub)
            .retryPolicy(new RetryPolicy(1, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)))
            .responseTimeoutMargin(Duration.ofSeconds(10))
            .observer(new StreamLoadObserver() {
                @Override
                public void retrying(String table, String label, StreamLoadObserver.RetryReason reason,
                        int nextAttempt) {
                    // Called on the thread that schedules the backoff right after: the count before it.
                    tasksBeforeBackoff.set(clock.getScheduledTaskCount());
                    retrying.countDown();
                }
            })
            .build(); Socket other = new Socket("127.0.0.1", this.stub.backends().get(0).port())) {
            OutputStream out = holdLabelRunning(other, "polled_label", body);
            this.stub.faults().backend(Fault.httpStatus(503));
            var future = patient.load("orders", Flux.just(new Item(8, "second")),
                    LoadOptions.json().withLabel("polled_label").withTimeout(Duration.ofSeconds(1)))
                .toFuture();
            assertThat(retrying.await(10, TimeUnit.SECONDS)).as("the 503 was retried").isTrue();
            Awaitility.await("the backoff scheduled")
                .until(() -> clock.getScheduledTaskCount() > tasksBeforeBackoff.get());
            long pollsBefore = this.stub.frontend().loadStateRequests();
            clock.advanceTimeBy(Duration.ofHours(1));
            Awaitility.await("the label polled").until(() -> this.stub.frontend().loadStateRequests() > pollsBefore);
            out.write(body, 5, body.length - 5);
            out.flush();
            assertThat(new String(other.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                .isEqualTo("HTTP/1.1 200");
            // Poll by poll (20 ms each, far within the 11 s deadline) until the label is final.
            Awaitility.await("the load settled").until(() -> {
                clock.advanceTimeBy(Duration.ofMillis(20));
                return future.isDone();
            });
            LoadResult result = future.get();
            assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
            assertThat(result.attempts()).isEqualTo(2);
            // Answered by the polling of the label held by the other client, not by a look-up after a timeout.
            assertThat(result.message()).doesNotContain("was lost");
        }
        finally {
            VirtualTimeScheduler.reset();
        }
        assertThat(this.stub.table("shop", "orders").row(8)).contains(Map.of("id", "8", "name", "first"));
    }

    @Test
    void aBackendFailureIsARejectionWithTheLabel() {
        this.stub.faults().backend(Fault.loadFailure("column count mismatch"));
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("orders", Flux.just(new Item(1, "a"))).block())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.REJECTED);
                assertThat(ex.serverStatus()).isEqualTo("Fail");
                assertThat(ex.serverMessage()).isEqualTo("column count mismatch");
                assertThat(ex.label()).startsWith("srboot_orders_");
                assertThat(ex.attempts()).isOne();
            });
    }

    @Test
    void noBackendAliveIsATemporaryRefusalRetriedThenReported() {
        this.stub.backends().forEach(StubEndpoint::stop);
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("orders", Flux.just(new Item(1, "a"))).block())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.RETRIES_EXHAUSTED);
                assertThat(ex.attempts()).isEqualTo(4);
                assertThat(ex.serverMessage()).contains("No backend alive");
            });
    }

    @Test
    void rejectedRowsFromTheErrorUrlAreInTheException() {
        Flux<Map<String, Object>> rows = Flux.just(Map.of("id", 1, "amount", "1.50"),
                Map.of("id", 2, "amount", "not a number"), Map.of("id", 3, "amount", "2"));
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("typed", rows, LoadOptions.json().withStrictMode(true)).block())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.REJECTED);
                assertThat(ex.rejectedRows()).singleElement().asString().contains("not a number");
                assertThat(ex.getMessage()).contains("not a number");
            });
    }

    @Test
    void filteredRowsWithinTheRatioSucceedWithTheErrorUrlAndAreLogged(CapturedOutput output) {
        Flux<Map<String, Object>> rows = Flux.just(Map.of("id", 1, "amount", "1.50"),
                Map.of("id", 2, "amount", "not a number"));
        LoadResult result = this.template
            .load("typed", rows, LoadOptions.json().withStrictMode(true).withMaxFilterRatio(0.5))
            .block();
        assertThat(result.loadedRows()).isOne();
        assertThat(result.filteredRows()).isOne();
        assertThat(result.errorUrl()).contains("_load_error_log");
        assertThat(output).contains("(label " + result.label() + ") succeeded but the server filtered 1 of 2 row(s)",
                "not a number");
    }

    @Test
    void preEncodedBytesAreLoadedAsTheyAre() {
        DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> body = Flux.just("1\tone\n2\t", "two\n3\tthree\n")
            .map((text) -> factory.wrap(text.getBytes(StandardCharsets.UTF_8)));
        LoadResult result = this.template.loadBytes("orders", body, LoadOptions.csv().withColumns("id", "name"))
            .block();
        assertThat(result.loadedRows()).isEqualTo(3);
        assertThat(this.stub.table("shop", "orders").row(2)).contains(Map.of("id", "2", "name", "two"));
        assertThat(this.template.inFlightBytes()).isZero();
    }

    @Test
    void noRowsMeansNoLoad() {
        assertThat(this.template.load("orders", Flux.empty()).block()).isNull();
        assertThat(this.template.loadBytes("orders", Flux.empty(), LoadOptions.csv()).block()).isNull();
        assertThat(this.stub.frontend().loadRequests()).isZero();
    }

    @Test
    void qualifiedTableNamesPickTheDatabase() {
        assertThat(this.template.load("shop.orders", Flux.just(new Item(1, "a"))).block().database())
            .isEqualTo("shop");
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> this.template.load("a.b.c", Flux.just(new Item(1, "a"))).block())
            .withMessageContaining("a.b.c");
    }

    @Test
    void encodingErrorsNameTheFieldAndLoadNothing() {
        Flux<Object> rows = Flux.just(Map.of("id", 1, "name", "a"), Map.of("id", 2, "other", "b"));
        assertThatExceptionOfType(RuntimeException.class)
            .isThrownBy(() -> this.template.load("orders", rows, LoadOptions.csv()).block())
            .withMessageContaining("has no field");
        assertThat(this.stub.frontend().loadRequests()).isZero();
        assertThat(this.template.inFlightBytes()).isZero();
    }

    /**
     * Another client's load under this label, its body only partly sent: the label stays PREPARE (RUNNING) until
     * the rest of the body is written to the returned stream.
     */
    private OutputStream holdLabelRunning(Socket other, String label, byte[] body) throws IOException {
        OutputStream out = other.getOutputStream();
        out.write(("PUT /api/shop/orders/_stream_load HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Basic bG9hZGVyOnMzY3JldA==\r\nlabel: " + label + "\r\nformat: json\r\n"
                + "strip_outer_array: true\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 5);
        out.flush();
        awaitState(label, LoadState.PREPARE);
        return out;
    }

    private void awaitState(String label, LoadState state) {
        Awaitility.await("label " + label + " reaching " + state)
            .until(() -> this.stub.loadState("shop", label) == state);
    }

}
