package io.github.srboot.streamload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.transaction.MergeCommit;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.streamload.transaction.TransactionOperation;
import io.github.srboot.streamload.transaction.TransactionResult;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.LoadState;
import io.github.srboot.test.streamload.StreamLoadStubServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every way a row could be lost, loaded twice or reported loaded when it was not, each against the stub: a row taken
 * from the caller is loaded, or reported (in an exception, with its batch), never dropped quietly.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class StreamLoadNoSilentLossTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    @AfterEach
    void stop() {
        if (this.template != null) {
            try {
                this.template.close();
            }
            catch (StreamLoadShutdownException ex) {
                // what a test left behind is asserted by the test itself
            }
        }
        if (this.stub != null) {
            this.stub.close();
        }
    }

    private StreamLoadStubServer start(StreamLoadStubServer.Builder builder) {
        this.stub = builder.table(StubTemplates.appendOnly("events")).table(StubTemplates.appendOnly("other"))
            .start();
        return this.stub;
    }

    private static List<Item> items(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).mapToObj((i) -> new Item(i, "r" + i)).toList();
    }

    /** Counts the observer's failed loads, to synchronise on a background failure. */
    private static final class FailureCounter implements StreamLoadObserver {

        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void loadFailed(String table, StreamLoadException failure, Duration elapsed) {
            this.failed.incrementAndGet();
        }

    }

    // ---- item 1: transactions and merge commit through the operator's proxy ----

    @Test
    void aTransactionThroughTheOperatorProxyLoadsItsRowsOrFails() {
        start(StreamLoadStubServer.builder().operatorProxy());
        this.template = StubTemplates.builder(this.stub).frontends(List.of(this.stub.proxy().url())).build();
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_proxy");
        transaction.begin().block();
        TransactionResult loaded = transaction.load(items(0, 3)).block();
        transaction.commit().block();

        // the proxy passes no body to the FE and gives the BE what the client sent it: the rows must have gone along
        assertThat(loaded.loadedRows()).isEqualTo(3);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(3);
    }

    @Test
    void aMergeCommitLoadThroughTheOperatorProxyLoadsItsRows() {
        start(StreamLoadStubServer.builder().operatorProxy());
        this.template = StubTemplates.builder(this.stub).frontends(List.of(this.stub.proxy().url())).build();
        LoadResult result = this.template.loadWithMergeCommit("events", Flux.fromIterable(items(0, 2)),
                LoadOptions.json(), new MergeCommit(Duration.ofMillis(100), 1, true)).block();

        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(2);
        assertThat(result.loadBytes()).isPositive();
    }

    // ---- items 6 and 7: commits in doubt and commits that publish late ----

    @Test
    void aTransactionCommitWhoseStatusIsUnknownIsSettledThroughTheLabel() {
        start(StreamLoadStubServer.builder());
        this.template = StubTemplates.builder(this.stub).build();
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_in_doubt");
        transaction.begin().then(transaction.load(items(0, 3))).block();
        // the FE committed; the BE lost its answer and says so (StreamLoadExecutor::commit_txn)
        this.stub.faults().backend(Fault.commitStatusUnknown());

        TransactionResult committed = transaction.commit().block();

        assertThat(committed.operation()).isEqualTo(TransactionOperation.COMMIT);
        assertThat(this.stub.loadState("shop", "txn_in_doubt")).isEqualTo(LoadState.VISIBLE);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(3);
    }

    @Test
    void aLoadWhoseCommitStatusIsUnknownIsSettledThroughTheLabelNotReportedRejected() {
        start(StreamLoadStubServer.builder());
        this.template = StubTemplates.builder(this.stub).build();
        this.stub.faults().backend(Fault.commitStatusUnknown());

        LoadResult result = this.template.load("events", Flux.fromIterable(items(0, 3))).block();

        assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(3);
    }

    @Test
    void aTransactionCommitAnsweredPublishTimeoutIsCommittedAndVisibleLater() {
        start(StreamLoadStubServer.builder());
        this.template = StubTemplates.builder(this.stub).build();
        StreamLoadTransaction transaction = this.template.transaction("events", "txn_publish_late");
        transaction.begin().then(transaction.load(items(0, 3))).block();
        this.stub.faults().backend(Fault.publishTimeout(Duration.ofSeconds(30)));

        TransactionResult committed = transaction.commit().block();

        assertThat(committed.visibleLater()).isTrue();
        assertThat(this.stub.loadState("shop", "txn_publish_late")).isEqualTo(LoadState.COMMITTED);
        // asked again, the commit stays done: nothing to load a second time
        assertThat(transaction.commit().block().alreadyDone()).isTrue();
    }

    // ---- item 2: close() while stream() is under backpressure ----

    @Test
    void closeWhileAStreamIsHeldUpLoadsOrReportsEveryRowTakenFromTheSource() {
        start(StreamLoadStubServer.builder());
        // the first load is held up at the BE, so that the stream backs up to its source
        this.stub.faults().backend(Fault.delay(Duration.ofMillis(800)));
        this.template = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(10, 1 << 20, Duration.ofHours(1)))
            .build();
        AtomicInteger taken = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        Flux<Item> source = Flux.range(0, 1_000_000).map((i) -> new Item(i, "s")).doOnNext((row) -> taken.incrementAndGet());
        this.template.stream("events", source).subscribe((result) -> {
        }, (ex) -> {
            failure.set(ex);
            done.incrementAndGet();
        }, done::incrementAndGet);
        await().until(() -> this.stub.backends().get(0).loadRequests() >= 1);

        long reported = 0;
        try {
            this.template.close();
        }
        catch (StreamLoadShutdownException ex) {
            reported = ex.unflushedRows();
        }
        await().until(() -> done.get() == 1);
        assertThat(failure.get()).isNull();
        assertThat(this.stub.table("shop", "events").rowCount() + reported).isEqualTo((long) taken.get());
    }

    // ---- item 3: a writer closed after a background failure ----

    @Test
    void aWriterClosedAfterAFailureItAlreadyRecordedKeepsTheBufferedRows() {
        start(StreamLoadStubServer.builder());
        // the FE holds the first load up, so that the rows after it are written before it fails
        this.stub.faults().frontend(Fault.delay(Duration.ofMillis(300)));
        this.stub.faults().backend(Fault.loadFailure("refused for this test"));
        FailureCounter observer = new FailureCounter();
        this.template = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(5, 1 << 20, Duration.ofHours(1)))
            .observer(observer)
            .build();
        StreamLoadWriter<Item> writer = this.template.writer("events");
        items(0, 8).forEach(writer::write);
        await().until(() -> observer.failed.get() == 1);

        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(writer::close).satisfies((ex) -> {
            assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.REJECTED);
            assertThat(ex.failedBatch().orElseThrow().rows()).isEqualTo(5);
            assertThat(ex.getSuppressed()).singleElement().isInstanceOfSatisfying(StreamLoadException.class,
                    (later) -> {
                        assertThat(later.reason()).isEqualTo(StreamLoadException.Reason.SKIPPED_AFTER_FAILURE);
                        assertThat(later.failedBatch().orElseThrow().rows()).isEqualTo(3);
                    });
        });
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
    }

    // ---- item 4: a later batch of a writer waiting for a load slot after a failure ----

    @Test
    void aBatchWaitingBehindAFailedOneIsNotSentAfterTheFailureWasReported() {
        start(StreamLoadStubServer.builder());
        // BE requests in order: "other" (held up), events batch 1 (refused), "third" (held up)
        this.stub.faults().backend(Fault.delay(Duration.ofMillis(600)), Fault.loadFailure("refused for this test"),
                Fault.delay(Duration.ofMillis(1500)));
        FailureCounter observer = new FailureCounter();
        this.template = StubTemplates.builder(this.stub)
            .maxConcurrentLoads(1)
            .batchPolicy(new BatchPolicy(5, 1 << 20, Duration.ofHours(1)))
            .observer(observer)
            .build();
        this.template.load("other", Flux.fromIterable(items(100, 1))).subscribe();
        await().until(() -> this.stub.backends().get(0).loadRequests() == 1);
        StreamLoadWriter<Item> writer = this.template.writer("events");
        items(0, 5).forEach(writer::write);
        this.template.load("other", Flux.fromIterable(items(200, 1))).subscribe();
        items(5, 5).forEach(writer::write);
        await().until(() -> observer.failed.get() == 1);
        // the caller is told of the failed batch; the batch behind it still waits for the load slot
        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(() -> writer.write(new Item(99, "x")))
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.REJECTED));

        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(writer::flush)
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.SKIPPED_AFTER_FAILURE);
                assertThat(ex.failedBatch().orElseThrow().rows()).isEqualTo(5);
            });
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
    }

    // ---- item 8: early answers to large bodies ----

    @Test
    void aPermanentEarlyRefusalOfALargeBodyReachesTheCallerWithTheServersReason() {
        start(StreamLoadStubServer.builder());
        this.template = StubTemplates.builder(this.stub).build();
        // about 16 MB: the BE answers from its header handler and closes while the client is still sending
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 400_000; i++) {
            csv.append(i).append("\tpadding to make the body large enough\n");
        }
        byte[] body = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(13 << 20);

        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.loadBytes("events",
                    Flux.just(org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(body)),
                    LoadOptions.csv().withColumns("id", "name", "no_such_column=id")).block())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.REJECTED);
                assertThat(ex.serverMessage()).contains("no_such_column");
                assertThat(ex.attempts()).isOne();
            });
    }

    // ---- item 9: a stream whose source fails ----

    @Test
    void aStreamWhoseSourceFailsReportsTheRowsItHadTaken() {
        start(StreamLoadStubServer.builder());
        this.template = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(100, 1 << 20, Duration.ofHours(1)))
            .build();
        IllegalStateException sourceFailure = new IllegalStateException("source broke");
        Flux<Item> source = Flux.fromIterable(items(0, 7)).concatWith(Mono.error(sourceFailure));

        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.stream("events", source).blockLast())
            .satisfies((ex) -> {
                assertThat(ex).hasCause(sourceFailure);
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.SOURCE_FAILED);
                assertThat(ex.failedBatch().orElseThrow().rows()).isEqualTo(7);
            });
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
    }

    @Test
    void aStreamWhoseSourceFailsWhileALoadRunsWaitsForThatLoad() {
        start(StreamLoadStubServer.builder());
        this.stub.faults().backend(Fault.delay(Duration.ofMillis(300)));
        this.template = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(5, 1 << 20, Duration.ofHours(1)))
            .build();
        List<LoadResult> results = new CopyOnWriteArrayList<>();
        // the sixth row seals the first batch of five and starts the next
        Flux<Item> source = Flux.fromIterable(items(0, 6))
            .concatWith(Mono.defer(() -> {
                // fails once the first batch is at the BE
                await().until(() -> this.stub.backends().get(0).loadRequests() >= 1);
                return Mono.error(new IllegalStateException("source broke"));
            }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).cast(Item.class));

        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.stream("events", source).doOnNext(results::add).blockLast())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.SOURCE_FAILED);
                assertThat(ex.failedBatch().orElseThrow().rows()).isEqualTo(1);
            });
        // the load in flight was settled and reported before the failure, not cancelled
        assertThat(results).singleElement().satisfies((result) -> assertThat(result.loadedRows()).isEqualTo(5));
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(5);
    }

    // ---- item 10: disposing a stream while a batch commits ----

    @Test
    void disposingAStreamWhileABatchLoadsReportsTheBatchsLabelAndOutcome(
            org.springframework.boot.test.system.CapturedOutput output) {
        start(StreamLoadStubServer.builder());
        this.stub.faults().backend(Fault.delay(Duration.ofMillis(800)));
        List<String> labels = new CopyOnWriteArrayList<>();
        this.template = StubTemplates.builder(this.stub).observer(new StreamLoadObserver() {
            @Override
            public void loadStarting(String database, String table, String label, String format) {
                labels.add(label);
            }
        }).build();
        reactor.core.Disposable subscription = this.template.stream("events", Flux.fromIterable(items(0, 3)))
            .subscribe();
        await().until(() -> this.stub.backends().get(0).loadRequests() == 1);

        subscription.dispose();

        // the body was still held for the BE's 100 Continue: the BE gets no body and aborts; the template says so,
        // with the label
        await().until(() -> output.getOut().contains("(label " + labels.get(0) + ", 3 row(s)) was cancelled by its"
                + " subscriber while it ran; its label ended ABORTED: the rows are not loaded."));
        assertThat(this.stub.table("shop", "events").rowCount()).isZero();
    }

    @Test
    void aPrefixedStreamSubscribedAgainAfterADisposeDoesNotLoadTheCommittedBatchTwice() {
        start(StreamLoadStubServer.builder());
        // the BE commits the batch and never answers, as a BE whose answer is lost (Fault.responseLostAfterCommit)
        this.stub.faults().backend(Fault.responseLostAfterCommit());
        this.template = StubTemplates.builder(this.stub).build();
        LoadOptions named = LoadOptions.json().withLabelPrefix("feed");
        Flux<Item> rows = Flux.fromIterable(items(0, 3));
        reactor.core.Disposable first = this.template.stream("events", rows, named).subscribe();
        await().until(() -> this.stub.table("shop", "events").rowCount() == 3);

        first.dispose();
        List<LoadResult> again = this.template.stream("events", rows, named).collectList().block();

        // the same rows at the same place of a stream under the same prefix carry the same label
        assertThat(again).singleElement().satisfies((result) -> {
            assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
            assertThat(result.label()).startsWith("feed_events_0-");
        });
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(3);
    }

    @Test
    void aStreamWithoutAPrefixOfItsOwnKeepsFreshLabels() {
        start(StreamLoadStubServer.builder());
        this.template = StubTemplates.builder(this.stub).build();
        Flux<Item> rows = Flux.fromIterable(items(0, 3));

        LoadResult first = this.template.stream("events", rows).blockLast();
        LoadResult second = this.template.stream("events", rows).blockLast();

        assertThat(second.label()).isNotEqualTo(first.label());
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(6);
    }

    // ---- item 11: a load reported failed never commits behind the caller's back ----

    @Test
    void anAttemptStillRunningAtTheLastRetryIsReportedAsAnUnknownOutcome() {
        start(StreamLoadStubServer.builder());
        // the BE sits on the request far longer than the client waits (1.2 s), then loads it
        this.stub.faults().backend(Fault.delay(Duration.ofSeconds(5)));
        this.template = StubTemplates.builder(this.stub)
            .loadTimeout(Duration.ofSeconds(1))
            .responseTimeoutMargin(Duration.ofMillis(200))
            .retryPolicy(new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(20)))
            .build();

        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("events", Flux.fromIterable(items(0, 3))).block())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.OUTCOME_UNKNOWN);
                assertThat(ex.label()).startsWith("srboot_events_");
            });
    }

    @Test
    void aResumedChangeRunWaitsForTheStalledAttemptOfItsTableBeforeLoading() {
        this.stub = StreamLoadStubServer.builder().table(StubTemplates.customers()).start();
        // The BE sits on the first attempt for 4 s before reading it (no 100 Continue meanwhile): the client sends the
        // body after waiting 1 s for it and gives up 2.2 s later (load timeout 2 s + margin), so the attempt begins
        // 0.8 s after the failure, within the load timeout the resumed run waits for.
        this.stub.faults().backend(Fault.delay(Duration.ofSeconds(4)));
        this.template = StubTemplates.builder(this.stub)
            .loadTimeout(Duration.ofSeconds(2))
            .responseTimeoutMargin(Duration.ofMillis(200))
            .retryPolicy(new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(20)))
            .build();
        CdcOptions options = CdcOptions.builder().build();
        record Customer(long id, String name) {
        }
        ChangeRecord insert = ChangeRecord.insert(Map.of("id", 1L), new Customer(1, "ann"), 1);
        ChangeRecord delete = ChangeRecord.delete(Map.of("id", 1L), 2);

        AtomicReference<String> stalledLabel = new AtomicReference<>();
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.applyChanges("customers", Flux.just(insert), options).blockLast())
            .satisfies((ex) -> stalledLabel.set(ex.label()));
        // as the docs say: resume from before the failed batch
        this.template.applyChanges("customers", Flux.just(insert, delete), options).blockLast();
        await().until(() -> this.stub.loadState("shop", stalledLabel.get()) == LoadState.VISIBLE
                || this.stub.loadState("shop", stalledLabel.get()) == LoadState.ABORTED);

        assertThat(this.stub.table("shop", "customers").row(1)).isEmpty();
    }

    // ---- item 12: a batch sent again holds memory like any other ----

    @Test
    void aBatchSentAgainIsCountedInTheInFlightBudgetUntilItIsFinal() {
        start(StreamLoadStubServer.builder());
        // the first load is refused; the BE then holds the batch sent again for a while
        this.stub.faults().backend(Fault.loadFailure("refused for this test"), Fault.delay(Duration.ofMillis(500)));
        this.template = StubTemplates.builder(this.stub).build();
        StreamLoadException failure = assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.stream("events", Flux.fromIterable(items(0, 3))).blockLast())
            .actual();
        FailedBatch batch = failure.failedBatch().orElseThrow();
        // the copy kept for the retry holds its bytes
        assertThat(this.template.inFlightBytes()).isEqualTo(batch.bodySize());

        java.util.concurrent.CompletableFuture<LoadResult> retried = this.template.retry(batch).toFuture();
        await().until(() -> this.stub.backends().get(0).loadRequests() == 2);

        // the retry loads the copy's own bytes: it takes the copy's share over, it does not count them twice
        assertThat(this.template.inFlightBytes()).isEqualTo(batch.bodySize());
        assertThat(retried.join().loadedRows()).isEqualTo(3);
        assertThat(this.template.inFlightBytes()).isZero();
    }

    @Test
    void copiesKeptForFailedBatchesCountInTheInFlightBudget() {
        start(StreamLoadStubServer.builder());
        // both loads of the writer are refused: the stub answers Fail with these messages (Fault.loadFailure)
        this.stub.faults().backend(Fault.loadFailure("refused for this test"), Fault.loadFailure("refused again"));
        this.template = StubTemplates.builder(this.stub).batchPolicy(new BatchPolicy(3, 1 << 20, Duration.ofHours(1)))
            .build();
        List<FailedBatch> kept = new java.util.ArrayList<>();
        StreamLoadWriter<Item> writer = this.template.writer("events");
        for (List<Item> rows : List.of(items(0, 3), items(3, 3))) {
            StreamLoadException failure = assertThatExceptionOfType(StreamLoadException.class).isThrownBy(() -> {
                rows.forEach(writer::write);
                writer.flush();
            }).actual();
            kept.add(failure.failedBatch().orElseThrow());
        }

        // both copies are held by the caller: max-in-flight-bytes counts them, so failing loads stay bounded
        long held = kept.get(0).bodySize() + kept.get(1).bodySize();
        assertThat(this.template.inFlightBytes()).isEqualTo(held);
        kept.get(0).discard();
        kept.get(0).discard();
        assertThat(this.template.inFlightBytes()).isEqualTo(kept.get(1).bodySize());
        // a discarded batch can still be sent again; it waits for memory like any other load
        assertThat(this.template.retry(kept.get(0)).block().loadedRows()).isEqualTo(3);
        assertThat(this.template.retry(kept.get(1)).block().loadedRows()).isEqualTo(3);
        assertThat(this.template.inFlightBytes()).isZero();
        writer.close();
    }

    // ---- item 12: headers read as StarRocks reads them ----

    @Test
    void headersThatMakeTheServerSkipRowsAreRecognisedInAnyCase() {
        start(StreamLoadStubServer.builder());
        this.template = StubTemplates.builder(this.stub).build();
        // the server skips the first line (StarRocks reads headers case-insensitively: libevent's evhttp_find_header)
        LoadResult result = this.template.load("events", Flux.fromIterable(items(0, 2)),
                LoadOptions.csv().withHeader("Skip_Header", "1")).block();

        assertThat(result.loadedRows()).isEqualTo(1);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(1);
    }

}
