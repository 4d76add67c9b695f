package io.github.srboot.streamload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.srboot.streamload.StreamLoadObserver.RetryReason;
import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.InjectedFault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Transient failures against the stub: each is retried with the same label, and nothing is loaded twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamLoadRetryTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    private final List<String> retries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder()
            .frontends(2)
            .table(StubTemplates.appendOnly("events"))
            .start();
        this.template = StubTemplates.builder(this.stub).observer(new StreamLoadObserver() {
            @Override
            public void retrying(String table, String label, RetryReason reason, int nextAttempt) {
                StreamLoadRetryTest.this.retries.add(reason + "@" + nextAttempt + ":" + label);
            }
        }).build();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    private LoadResult loadThree() {
        return this.template.load("events", Flux.range(1, 3).map((i) -> new Item(i, "e" + i))).block();
    }

    private void assertLoadedOnce(LoadResult result, int attempts, RetryReason... reasons) {
        assertThat(result.attempts()).isEqualTo(attempts);
        assertThat(this.stub.table("shop", "events").rowCount()).as("rows stored once").isEqualTo(3);
        assertThat(this.retries).hasSize(reasons.length);
        for (int i = 0; i < reasons.length; i++) {
            assertThat(this.retries.get(i)).isEqualTo(reasons[i] + "@" + (i + 2) + ":" + result.label());
        }
        assertThat(this.stub.faults().injected()).extracting(InjectedFault::label).containsOnly(result.label());
    }

    @Test
    void serverErrorsAtTheFrontendAndBackendAreRetried() {
        this.stub.faults().frontend(Fault.httpStatus(503)).backend(Fault.httpStatus(500));
        LoadResult result = loadThree();
        assertThat(result.status()).isEqualTo(LoadStatus.SUCCESS);
        assertLoadedOnce(result, 3, RetryReason.SERVER_ERROR, RetryReason.SERVER_ERROR);
    }

    @Test
    void connectionResetsAreRetried() {
        this.stub.faults().backend(Fault.resetBeforeBody(), Fault.resetAfterBody());
        LoadResult result = loadThree();
        assertLoadedOnce(result, 3, RetryReason.CONNECTION, RetryReason.CONNECTION);
    }

    @Test
    void anUnreachableBackendIsRetried() {
        this.stub.faults().frontend(Fault.redirectToUnreachableBackend());
        LoadResult result = loadThree();
        assertLoadedOnce(result, 2, RetryReason.CONNECTION);
    }

    @Test
    void aLostResponseIsSettledByTheLabelsStateWithoutSendingTheBatchAgain() {
        this.stub.faults().backend(Fault.responseLostAfterCommit());
        LoadResult result = this.template
            .load("events", Flux.range(1, 3).map((i) -> new Item(i, "e" + i)),
                    LoadOptions.json().withTimeout(Duration.ofSeconds(1)))
            .block();
        assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(result.message()).contains("get_load_state: VISIBLE");
        // Asked get_load_state after the BE hop failed, instead of sending the batch a second time.
        assertThat(this.stub.backends().stream().mapToLong(StubEndpoint::loadRequests).sum()).isEqualTo(1);
        assertLoadedOnce(result, 1);
    }

    @Test
    void aLoadWhoseFateCannotBeSettledFailsAsOutcomeUnknown() {
        this.stub.faults().backend(Fault.responseLostAfterCommit());
        try (StreamLoadTemplate noRetries = StubTemplates.builder(this.stub)
            .retryPolicy(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
            .build()) {
            CompletableFuture<LoadResult> load = noRetries
                .load("events", Flux.just(new Item(1, "x")), LoadOptions.json().withTimeout(Duration.ofSeconds(5)))
                .toFuture();
            // The BE committed and keeps the answer; then every FE goes away, so the label cannot be looked up.
            Awaitility.await().until(() -> this.stub.table("shop", "events").rowCount() == 1);
            this.stub.frontends().forEach(StubEndpoint::stop);
            assertThatExceptionOfType(ExecutionException.class).isThrownBy(load::get)
                .havingCause()
                .isInstanceOfSatisfying(StreamLoadException.class, (ex) -> {
                    assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.OUTCOME_UNKNOWN);
                    assertThat(ex.getMessage()).contains("could not be settled", "get_load_state");
                });
        }
    }

    @Test
    void aResetAtTheBackendBeforeItBeganTheLoadLeavesNoDoubtWhenTheLaterAttemptsFailAtTheFrontend() {
        // Attempt 1: the FE redirects (a zero delay is no fault), the BE resets the connection before its header
        // handler began a transaction, so the label stays unknown. Attempts 2 to 4 fail at an FE, before any 307:
        // the FE begins no transaction for a redirected load (LoadAction only redirects).
        this.stub.faults()
            .frontend(Fault.delay(Duration.ZERO), Fault.httpStatus(503), Fault.httpStatus(503), Fault.httpStatus(503))
            .backend(Fault.resetBeforeBody());

        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(this::loadThree).satisfies((ex) -> {
            assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.RETRIES_EXHAUSTED);
            assertThat(ex.attempts()).isEqualTo(4);
        });
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
        // Nothing is left for the next change batch of the table to wait for.
        assertThat(this.template.awaitSettled("shop", "events").toFuture()).isDone();
    }

    @Test
    void aBusyServerIsRetriedWithALogLine(CapturedOutput output) {
        this.stub.faults().backend(Fault.tooManyVersions(), Fault.tooManyRunningTransactions());
        LoadResult result = loadThree();
        assertLoadedOnce(result, 3, RetryReason.SERVER_BUSY, RetryReason.SERVER_BUSY);
        assertThat(output).contains("StarRocks is busy loading into 'events' (Failed to load data into tablet 10086, "
                + "because of too many versions", "retrying label " + result.label());
    }

    @Test
    void retriesEndWithATypedFailure() {
        this.stub.faults().backend(Fault.httpStatus(503), Fault.httpStatus(503), Fault.httpStatus(503),
                Fault.httpStatus(503));
        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(this::loadThree).satisfies((ex) -> {
            assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.RETRIES_EXHAUSTED);
            assertThat(ex.attempts()).isEqualTo(4);
            assertThat(ex.serverMessage()).contains("503");
        });
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
    }

    @Test
    void aFailingFrontendIsEjectedAndProbedBeforeItComesBack() {
        StubEndpoint first = this.stub.frontends().get(0);
        StubEndpoint second = this.stub.frontends().get(1);
        first.stop();
        for (int i = 0; i < 4; i++) {
            LoadResult result = this.template.load("events", Flux.just(new Item(i, "x"))).block();
            assertThat(result.frontend()).isEqualTo(second.url());
        }
        assertThat(this.retries).containsOnlyOnce(this.retries.get(0)).allMatch((r) -> r.startsWith("CONNECTION"));
        long loadsAtSecond = second.loadRequests();
        first.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (first.loadRequests() == 0) {
            assertThat(System.nanoTime()).as("the FE never came back").isLessThan(deadline);
            this.template.load("events", Flux.just(new Item(99, "x"))).block();
        }
        // It answered /api/health before it got a load again.
        assertThat(first.requests()).isGreaterThan(first.loadRequests());
        assertThat(second.loadRequests()).isGreaterThan(loadsAtSecond);
    }

    @Test
    void allFrontendsDownFailsAfterTheRetries() {
        this.stub.frontends().forEach(StubEndpoint::stop);
        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(this::loadThree).satisfies((ex) -> {
            assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.FRONTENDS_UNAVAILABLE);
            assertThat(ex.attempts()).isEqualTo(4);
        });
    }

    @Test
    void randomFaultsNeverDuplicateOrLoseRows() {
        this.stub.faults().random(0.3, 42, Fault.httpStatus(503), Fault.resetBeforeBody(), Fault.resetAfterBody(),
                Fault.tooManyVersions(), Fault.redirectToUnreachableBackend());
        try (StreamLoadTemplate patient = StubTemplates.builder(this.stub)
            .retryPolicy(new RetryPolicy(20, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(2)))
            .batchPolicy(new BatchPolicy(50, 1 << 20, Duration.ofSeconds(10)))
            .build()) {
            List<LoadResult> results = patient.stream("events", Flux.range(0, 1000).map((i) -> new Item(i, "r" + i)))
                .collectList()
                .block();
            assertThat(results).hasSize(20);
            assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(1000);
            assertThat(this.stub.faults().injected()).isNotEmpty();
        }
    }

}
