package io.github.srboot.streamload;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeApplier;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.ChangeWriter;
import io.github.srboot.streamload.internal.encoding.AsyncPermits;
import io.github.srboot.streamload.internal.encoding.BatchEncoder;
import io.github.srboot.streamload.internal.encoding.Batcher;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;
import io.github.srboot.streamload.internal.encoding.EncodedLoads;
import io.github.srboot.streamload.internal.encoding.PooledChunks;
import io.github.srboot.streamload.internal.encoding.RowCodec;
import io.github.srboot.streamload.internal.http.Frontends;
import io.github.srboot.streamload.internal.http.Labels;
import io.github.srboot.streamload.internal.http.LoadHeaders;
import io.github.srboot.streamload.internal.http.LoadRunner;
import io.github.srboot.streamload.internal.http.Redirects;
import io.github.srboot.streamload.internal.http.StreamLoadHttp;
import io.github.srboot.streamload.internal.http.TransactionHttp;
import io.github.srboot.streamload.transaction.CheckpointBatch;
import io.github.srboot.streamload.transaction.CheckpointLabels;
import io.github.srboot.streamload.transaction.CheckpointWriter;
import io.github.srboot.streamload.transaction.LabelExpiredException;
import io.github.srboot.streamload.transaction.MergeCommit;
import io.github.srboot.streamload.transaction.MergeCommitLoader;
import io.github.srboot.streamload.transaction.RecoveryReport;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.streamload.transaction.TransactionRecovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Loads rows into StarRocks with Stream Load: reactive, thread-safe, created once and shared.
 *
 * <p>Rows (records, POJOs, {@code Map}s, Jackson {@code ObjectNode}s) are encoded straight into pooled buffers,
 * sent through Spring's {@code WebClient} to a BE after the FE's redirect (the body never goes to an FE; an address
 * that runs loads itself gets it directly), checked against what the server read, retried with the same label, and
 * reported as a {@link LoadResult} or a {@link StreamLoadException}. Memory held by batches is bounded by
 * {@code maxInFlightBytes}; loads of one table run one at a time (in order), loads of different tables in
 * parallel up to {@code maxConcurrentLoads}.
 *
 * <p>A table name may be qualified ({@code db.table}); otherwise the default database applies.
 */
public final class StreamLoadTemplate implements StreamLoadOperations, AutoCloseable {

    private static final Log logger = LogFactory.getLog(StreamLoadTemplate.class);

    private static final Object END = new Object();

    private static final Object TICK = new Object();

    private static final Object SHUTDOWN = new Object();

    /** A single {@code load} is never cut. */
    private static final BatchPolicy SINGLE_LOAD = new BatchPolicy(Integer.MAX_VALUE, Long.MAX_VALUE,
            Duration.ofDays(365));

    private final String database;

    private final LoadOptions defaultOptions;

    private final LoadCompression defaultCompression;

    private final String labelPrefix;

    private final Duration defaultLoadTimeout;

    private final BatchPolicy batchPolicy;

    private final Duration shutdownTimeout;

    private final Duration budgetWait;

    private final ObjectMapper baseMapper;

    private final Map<ZoneId, RowCodec> codecs = new ConcurrentHashMap<>();

    private final Labels labels = new Labels();

    /**
     * Labels StarRocks spent on bodies that did not arrive whole ({@code BODY_NOT_RECEIVED}), newest kept: a prefixed
     * stream subscribed again would derive such a label again and have its rows taken for loaded.
     */
    private final Set<String> spentLabels = java.util.Collections.newSetFromMap(java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 4096;
                }

            }));

    private final AsyncPermits budget;

    private final AsyncPermits loadSlots;

    private final int perTableConcurrency;

    private final Map<String, AsyncPermits> tableLanes = new ConcurrentHashMap<>();

    private final StreamLoadHttp http;

    private final LoadRunner runner;

    private final Scheduler encodingScheduler;

    /**
     * Rows asked for at once by the batching step. Without prefetch ({@code concatMap}'s default since Reactor 3.5)
     * every row is a {@code request(1)} travelling up the whole chain to the source, which cost more than encoding
     * the row.
     */
    private static final int ROW_PREFETCH = 256;

    private final Sinks.Empty<Void> closing = Sinks.empty();

    /** Completes when close() gives up on what still runs at the shutdown timeout. */
    private final Sinks.Empty<Void> aborting = Sinks.empty();

    private final java.util.Queue<StreamLoadShutdownException.Unflushed> unflushed =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final StreamLoadObserver observer;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Set<StreamLoadWriter<?>> writers = ConcurrentHashMap.newKeySet();

    private final Object activity = new Object();

    private int active;

    private final TransactionHttp transactionHttp;

    private final List<URI> frontendUrls;

    private final RetryPolicy retryPolicy;

    private final Duration labelKeep;

    private StreamLoadTemplate(Builder builder) {
        if (builder.frontends.isEmpty()) {
            throw new IllegalArgumentException("StreamLoadTemplate needs at least one FE HTTP URL.");
        }
        Builder.requireInFlightRoom(builder.maxInFlightBytes, builder.batchPolicy);
        Labels.requireValidPrefix(builder.labelPrefix);
        this.database = builder.database;
        this.defaultOptions = builder.defaultOptions;
        this.defaultCompression = builder.compression;
        this.labelPrefix = builder.labelPrefix;
        this.defaultLoadTimeout = builder.loadTimeout;
        this.batchPolicy = builder.batchPolicy;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.budgetWait = builder.readTimeout;
        this.baseMapper = (builder.objectMapper != null) ? builder.objectMapper : new ObjectMapper();
        this.budget = new AsyncPermits("max-in-flight-bytes", builder.maxInFlightBytes);
        this.loadSlots = new AsyncPermits("max-concurrent-loads", builder.maxConcurrentLoads);
        this.perTableConcurrency = requirePositive("per-table concurrency", builder.perTableConcurrency);
        this.http = new StreamLoadHttp(builder.username, builder.password, builder.connectTimeout,
                builder.readTimeout, Math.max(8, builder.maxConcurrentLoads * 2), builder.webClientBuilder,
                builder.httpClientCustomizer);
        Frontends frontends = new Frontends(builder.frontends,
                (url) -> this.http.get(URI.create(url + "/api/health"), false, 4096)
                    .map((answer) -> Frontends.healthy(answer.status(), answer.body())),
                builder.frontendProbeInterval);
        Redirects redirects = new Redirects(builder.redirectHostRewrite, builder.maxRedirects);
        this.runner = new LoadRunner(this.http, frontends, new ObjectMapper(), builder.retryPolicy, redirects,
                builder.responseTimeoutMargin, builder.labelPollInterval, builder.observer);
        this.encodingScheduler = Schedulers.parallel();
        this.observer = builder.observer;
        builder.observer.bindInFlightBytes(this.budget::used);
        this.frontendUrls = builder.frontends;
        this.retryPolicy = builder.retryPolicy;
        this.labelKeep = builder.labelKeep;
        this.transactionHttp = new TransactionHttp(frontends, this.http, redirects);
    }

    /**
     * A builder with the library's defaults.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads all rows as one Stream Load with the default options; completes empty when there are no rows.
     */
    @Override
    public Mono<LoadResult> load(String table, Flux<?> rows) {
        return load(table, rows, this.defaultOptions);
    }

    /**
     * Loads all rows as one Stream Load; completes empty when there are no rows. The rows must fit in
     * {@code maxInFlightBytes}; use {@link #stream} for larger or endless inputs. The label is fixed by this call:
     * subscribing again (or {@code retry()}) sends the same label, so the rows are loaded at most once.
     */
    @Override
    public Mono<LoadResult> load(String table, Flux<?> rows, LoadOptions options) {
        Labelled labelled = labelled(table, options);
        if (labelled.invalid() != null) {
            return Mono.error(labelled.invalid());
        }
        Target target = labelled.target();
        return tracked(() -> {
            Batcher batcher = batcher(options, SINGLE_LOAD);
            Mono<Batcher.Sealed> sealed = rows.cast(Object.class)
                .concatMap(batcher::add, ROW_PREFETCH)
                .concatWith(Mono.defer(batcher::drain))
                .collectList()
                .flatMap((batches) -> batches.isEmpty() ? Mono.<Batcher.Sealed>empty() : Mono.just(batches.get(0)))
                .doFinally((signal) -> batcher.abandon())
                .onErrorMap(IllegalStateException.class, (ex) -> clientFailure(target, ex));
            return sealed.flatMap((batch) -> submit(target, batch, options, labelled.label()));
        }).next();
    }

    /**
     * The target and label of a single load, fixed when {@code load} is called so that re-subscribing (or
     * {@code retry()}) reuses the label and StarRocks loads the rows at most once; or why the call is invalid.
     */
    private Labelled labelled(String table, LoadOptions options) {
        if (this.closed.get()) {
            return new Labelled(null, null, new IllegalStateException("The StreamLoadTemplate is closed."));
        }
        try {
            Target target = target(table);
            return new Labelled(target, label(target, options), null);
        }
        catch (IllegalArgumentException ex) {
            return new Labelled(null, null, ex);
        }
    }

    private record Labelled(Target target, String label, RuntimeException invalid) {
    }

    /**
     * Loads a pre-encoded body (CSV or JSON, as {@code options.format()} says; already compressed when
     * {@code options.compression()} is set) as one Stream Load; completes empty for an empty body. The buffers are kept (and counted in the in-flight
     * budget) until the load is final, so that retries can resend them.
     */
    @Override
    public Mono<LoadResult> loadBytes(String table, Publisher<DataBuffer> body, LoadOptions options) {
        Labelled labelled = labelled(table, options);
        if (labelled.invalid() != null) {
            return Mono.error(labelled.invalid());
        }
        Target target = labelled.target();
        return tracked(() -> {
            PooledChunks chunks = new PooledChunks();
            long[] reserved = { 0 };
            Mono<Batcher.Sealed> sealed = Flux.from(body).concatMap((buffer) -> {
                long size = buffer.readableByteCount();
                if (reserved[0] + size > this.budget.capacity()) {
                    DataBufferUtils.release(buffer);
                    return Mono.error(clientFailure(target, new IllegalStateException("The body exceeds"
                            + " max-in-flight-bytes (" + this.budget.capacity() + " bytes).")));
                }
                Mono<Void> granted = this.budget.acquire(size)
                    .timeout(this.budgetWait, Mono.error(() -> clientFailure(target, new IllegalStateException(
                            "Waited " + this.budgetWait + " for memory under max-in-flight-bytes ("
                                    + this.budget.capacity() + " bytes) while other loads held it."))));
                return granted.then(Mono.fromRunnable(() -> {
                    reserved[0] += size;
                    chunks.adopt(NettyDataBufferFactory.toByteBuf(buffer));
                }));
            }).then(Mono.fromCallable(() -> {
                if (chunks.size() == 0) {
                    chunks.release();
                    return null;
                }
                EncodedBatch batch = new EncodedBatch(chunks, -1, chunks.size(), options.columns());
                Batcher.Sealed result = new Batcher.Sealed(batch, reserved[0], this.budget);
                reserved[0] = 0;
                return result;
            })).doFinally((signal) -> {
                if (reserved[0] > 0) {
                    chunks.release();
                    this.budget.release(reserved[0]);
                }
            });
            return sealed.flatMap((batch) -> submit(target, batch, options, labelled.label()));
        }).next();
    }

    /**
     * Continuous ingestion with the default options: rows are cut into loads by the batch policy, one load at a
     * time for this table, with backpressure on {@code rows}; emits one result per load.
     */
    @Override
    public Flux<LoadResult> stream(String table, Flux<?> rows) {
        return stream(table, rows, this.defaultOptions);
    }

    /**
     * Continuous ingestion: rows are cut into loads by the batch policy (rows, bytes, age), loaded in order with
     * backpressure; emits one result per load and fails with the first failed load. When the template closes,
     * buffered rows are loaded and the flux completes.
     */
    @Override
    public Flux<LoadResult> stream(String table, Flux<?> rows, LoadOptions options) {
        if (options.label() != null) {
            return Flux.error(new IllegalArgumentException(
                    "stream() makes many loads and cannot use one fixed label; set a label prefix instead."));
        }
        IllegalArgumentException tooLarge = jsonBatchesTooLarge(options);
        if (tooLarge != null) {
            return Flux.error(tooLarge);
        }
        return tracked(() -> {
            Target target = target(table);
            Batcher batcher = batcher(options, null);
            // rows of this subscription before the next batch: part of a prefixed stream's labels
            long[] nextRow = { 0 };
            Duration tick = this.batchPolicy.maxInterval().dividedBy(2);
            // The source is cut off at shutdown, never the rows it already gave: they come before END in the same
            // inner queue of the merge, so each is batched and loaded before the drain. A failing source ends the
            // rows the same way, with the failure as the last signal.
            Flux<Object> taken = rows.cast(Object.class)
                .takeUntilOther(this.closing.asMono().then(Mono.just(SHUTDOWN)))
                .onErrorResume((ex) -> Mono.just(new SourceFailed(ex)))
                .concatWith(Mono.just(END));
            Flux<Object> signals = Flux
                .merge(taken, Flux.interval(tick, tick).map((i) -> TICK).onBackpressureDrop())
                .takeUntil((signal) -> signal == END);
            return signals.<Object>concatMap((signal) -> {
                if (signal == TICK) {
                    return batcher.tick();
                }
                if (signal == END) {
                    return batcher.drain();
                }
                if (signal instanceof SourceFailed failed) {
                    // Passed on as an item, behind the batches before it: the load in flight ends first.
                    return Mono.just(sourceFailure(target, batcher, options, failed.cause()));
                }
                return (Publisher<Batcher.Sealed>) batcher.add(signal);
            }, ROW_PREFETCH)
                .doFinally((signal) -> batcher.abandon())
                // Batches are asked for from the encoding scheduler: without it, the request for the next batch
                // comes from the thread that finished the last load (a Netty event loop), which would then encode
                // rows until a batch is full, holding up the network. One sealed batch waits while one loads.
                .publishOn(this.encodingScheduler, 1)
                // A failure of the source waits for the load in flight: that load is settled and reported, never
                // cancelled half way.
                .concatMap((item) -> (item instanceof Batcher.Sealed batch)
                        ? submit(target, batch, options, streamLabel(target, options, batch, nextRow),
                                Gate.KEEP_ONLY)
                        : Mono.<LoadResult>error((StreamLoadException) item), 0)
                .doOnDiscard(Batcher.Sealed.class, Batcher.Sealed::release);
        });
    }

    /**
     * The label of a stream's batch. Without a prefix from the caller it is a fresh one. With one, it is derived from
     * the batch ({@link Labels#ofStreamBatch}), so that a stream subscribed again (after a dispose, or by
     * {@code retry()}) labels the batches it loaded before as it did then and StarRocks refuses to load them twice;
     * except a label spent on a body that did not arrive, which would pass the rows for loaded.
     */
    private String streamLabel(Target target, LoadOptions options, Batcher.Sealed sealed, long[] nextRow) {
        long firstRow = nextRow[0];
        nextRow[0] += Math.max(0, sealed.batch.rows());
        if (options.labelPrefix() == null) {
            return label(target, options);
        }
        Duration timeout = (options.timeout() != null) ? options.timeout() : this.defaultLoadTimeout;
        Map<String, String> headers = LoadHeaders.of("", sealed.batch, options, compression(options), timeout);
        String label = Labels.ofStreamBatch(options.labelPrefix(), target.database(), target.table(), firstRow,
                sealed.batch.rows(), headers, sealed.batch.body());
        return this.spentLabels.contains(label) ? label(target, options) : label;
    }

    /** The source of a stream failed; carried in order behind the rows it gave. */
    private record SourceFailed(Throwable cause) {
    }

    /**
     * The failure of a stream whose source failed: the rows it had given and that were not loaded yet are not sent
     * (the source's position is the caller's) but reported, as the exception's {@link FailedBatch}.
     */
    private StreamLoadException sourceFailure(Target target, Batcher batcher, LoadOptions options, Throwable cause) {
        Batcher.Sealed sealed = batcher.sealNow();
        String label = label(target, options);
        StreamLoadException failure = new StreamLoadException(StreamLoadException.Reason.SOURCE_FAILED,
                target.table(), label, null, String.valueOf(cause), 0, List.of(), cause);
        if (sealed != null) {
            try {
                Duration timeout = (options.timeout() != null) ? options.timeout() : this.defaultLoadTimeout;
                Map<String, String> headers = LoadHeaders.of(label, sealed.batch, options, compression(options),
                        timeout);
                failure.withFailedBatch(keep(new LoadRunner.Job(target.database(), target.table(), label,
                        sealed.batch, headers, timeout)));
            }
            finally {
                sealed.release();
            }
        }
        return failure;
    }

    /**
     * A blocking writer for non-reactive code, with the default options.
     */
    @Override
    public <T> StreamLoadWriter<T> writer(String table) {
        return writer(table, this.defaultOptions);
    }

    /**
     * A blocking writer for non-reactive code: {@code write} encodes into the current batch and waits when the
     * in-flight budget is spent; batches are loaded in the background by the batch policy.
     */
    @Override
    public <T> StreamLoadWriter<T> writer(String table, LoadOptions options) {
        if (options.label() != null) {
            throw new IllegalArgumentException(
                    "A writer makes many loads and cannot use one fixed label; set a label prefix instead.");
        }
        IllegalArgumentException tooLarge = jsonBatchesTooLarge(options);
        if (tooLarge != null) {
            throw tooLarge;
        }
        requireOpen();
        Target target = target(table);
        Gate gate = new Gate();
        StreamLoadWriter<T> writer = new StreamLoadWriter<>(this, target.table(),
                batcher(options, null), this.batchPolicy.maxInterval(), gate::reset,
                (batch) -> Mono.defer(() -> {
                    // Counted like streams, so that close() waits for (or abandons) the writer's loads too.
                    enter();
                    return submit(target, batch, options, label(target, options), gate)
                        .doFinally((signal) -> exit());
                }));
        this.writers.add(writer);
        enter();
        return writer;
    }

    /** Called by a writer once it is closed. */
    void writerClosed(StreamLoadWriter<?> writer) {
        if (this.writers.remove(writer)) {
            exit();
        }
    }

    /**
     * Bytes held right now by batches being filled, waiting or loading.
     */
    public long inFlightBytes() {
        return this.budget.used();
    }

    /**
     * The default database (for unqualified table names), or {@code null}.
     */
    public String database() {
        return this.database;
    }

    /**
     * Stops taking new work, loads what is buffered (streams and writers) and waits for loads in flight, all within
     * the shutdown timeout (even when a BE stalls); then releases connections. Idempotent.
     *
     * @throws StreamLoadShutdownException when batches were still unsent or unanswered at the shutdown timeout (they
     * are abandoned, counted by {@link StreamLoadObserver#unflushedAtShutdown}, and listed in the exception), or when
     * flushing a writer failed (each failure suppressed in the exception, with its {@link FailedBatch})
     */
    @Override
    public void close() {
        if (!this.closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
        this.closing.tryEmitEmpty();
        List<RuntimeException> writerFailures = new java.util.ArrayList<>();
        for (StreamLoadWriter<?> writer : List.copyOf(this.writers)) {
            try {
                writer.closeBefore(deadline);
            }
            catch (RuntimeException ex) {
                logger.error("Flushing a Stream Load writer for '" + writer.table() + "' at shutdown failed", ex);
                writerFailures.add(ex);
            }
        }
        boolean timedOut = !awaitIdle(deadline);
        if (timedOut) {
            logger.warn(activeCount() + " Stream Load operation(s) still running after the shutdown timeout of "
                    + this.shutdownTimeout + "; abandoning them and closing connections.");
            // Fails every load still waiting or running; each records itself in this.unflushed synchronously.
            this.aborting.tryEmitEmpty();
        }
        long remaining = Math.max(0, deadline - System.nanoTime());
        this.http.close(Duration.ofNanos(Math.max(remaining, Duration.ofMillis(100).toNanos())));
        if (!this.unflushed.isEmpty() || !writerFailures.isEmpty()) {
            // Rows a writer still held that failed to load at shutdown are reported too (suppressed failures).
            StreamLoadShutdownException failure = new StreamLoadShutdownException(this.shutdownTimeout,
                    List.copyOf(this.unflushed));
            writerFailures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Waits until no operation is active; {@code false} when the deadline passed first. */
    private boolean awaitIdle(long deadline) {
        synchronized (this.activity) {
            while (this.active > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    this.activity.wait(Math.max(1, remaining / 1_000_000));
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private int activeCount() {
        synchronized (this.activity) {
            return this.active;
        }
    }

    private <T> Flux<T> tracked(java.util.function.Supplier<Publisher<T>> work) {
        return Flux.defer(() -> {
            requireOpen();
            Publisher<T> publisher = work.get();
            enter();
            return Flux.from(publisher).doFinally((signal) -> exit());
        });
    }

    private void enter() {
        synchronized (this.activity) {
            this.active++;
        }
    }

    private void exit() {
        synchronized (this.activity) {
            this.active--;
            this.activity.notifyAll();
        }
    }

    private void requireOpen() {
        if (this.closed.get()) {
            throw new IllegalStateException("The StreamLoadTemplate is closed.");
        }
    }

    private Batcher batcher(LoadOptions options, BatchPolicy policy) {
        RowCodec codec = this.codecs.computeIfAbsent(options.zone(), (zone) -> new RowCodec(this.baseMapper, zone));
        // A single load is one batch: it cannot be cut early, so it waits (bounded) for memory instead.
        boolean single = policy == SINGLE_LOAD;
        return new Batcher(codec, options, compression(options), single ? SINGLE_LOAD : this.batchPolicy,
                this.budget, this.encodingScheduler, !single, this.budgetWait);
    }

    private LoadCompression compression(LoadOptions options) {
        return (options.compression() != null) ? options.compression() : this.defaultCompression;
    }

    private String label(Target target, LoadOptions options) {
        if (options.label() != null) {
            return options.label();
        }
        return this.labels.next((options.labelPrefix() != null) ? options.labelPrefix() : this.labelPrefix,
                target.table());
    }

    /**
     * Runs one sealed batch in its table's lane and a global load slot, then frees it.
     */
    Mono<LoadResult> submit(Target target, Batcher.Sealed sealed, LoadOptions options, String label) {
        return submit(target, sealed, options, label, null);
    }

    /**
     * Runs one sealed batch in its table's lane and a global load slot, then frees it. With a gate (writers), the
     * batch is kept for {@link #retry} when it fails, and is not sent once an earlier batch of the gate failed.
     */
    Mono<LoadResult> submit(Target target, Batcher.Sealed sealed, LoadOptions options, String label, Gate gate) {
        if (options.format() == LoadFormat.JSON && !ignoresJsonSize(options)
                && sealed.batch.bodySize() > JSON_BODY_LIMIT) {
            sealed.release();
            return Mono.error(new StreamLoadException(StreamLoadException.Reason.CLIENT, target.table(), label, null,
                    "the JSON body of " + sealed.batch.bodySize() + " bytes exceeds StarRocks' JSON limit of "
                            + JSON_BODY_LIMIT + " bytes (BE streaming_load_max_batch_size_mb); not sent. Load fewer"
                            + " rows at once, use CSV, or add the header ignore_json_size=true",
                    0, List.of(), null));
        }
        Duration timeout = (options.timeout() != null) ? options.timeout() : this.defaultLoadTimeout;
        Map<String, String> headers = LoadHeaders.of(label, sealed.batch, options, compression(options), timeout);
        LoadRunner.Job job = new LoadRunner.Job(target.database(), target.table(), label, sealed.batch, headers,
                timeout);
        return run(job, sealed, gate);
    }

    /**
     * Sends a batch that failed again, under its label, with its headers; a batch whose earlier attempt committed
     * after all comes back {@code ALREADY_LOADED}.
     */
    @Override
    public Mono<LoadResult> retry(FailedBatch batch) {
        return tracked(() -> {
            PooledChunks body = new PooledChunks();
            body.adopt(io.netty.buffer.Unpooled.wrappedBuffer(batch.body().duplicate()));
            EncodedBatch encoded = new EncodedBatch(body, batch.rows(), batch.bodySize(), List.of());
            LoadRunner.Job job = new LoadRunner.Job(batch.database(), batch.table(), batch.label(), encoded,
                    batch.headers(), batch.loadTimeout());
            long size = batch.bodySize();
            StreamLoadException tooLarge = (size > this.budget.capacity()) ? new StreamLoadException(
                    StreamLoadException.Reason.CLIENT, batch.table(), batch.label(), null, "the batch of " + size
                            + " bytes exceeds max-in-flight-bytes (" + this.budget.capacity() + " bytes)",
                    0, List.of(), null) : null;
            if (tooLarge != null) {
                return Mono.<LoadResult>error(tooLarge);
            }
            // A batch sent again holds memory like any other: counted in max-in-flight-bytes until it is final. It
            // loads the copy's own bytes, so it takes the copy's share over when the copy still holds one.
            Mono<Void> granted = batch.takeShare(this.budget) ? Mono.empty() : this.budget.acquire(size);
            return granted
                .timeout(this.budgetWait, Mono.error(() -> new StreamLoadException(StreamLoadException.Reason.CLIENT,
                        batch.table(), batch.label(), null, "waited " + this.budgetWait + " for memory under"
                                + " max-in-flight-bytes (" + this.budget.capacity() + " bytes) while other loads held"
                                + " it", 0, List.of(), null)))
                .then(Mono.defer(() -> run(job, new Batcher.Sealed(encoded, size, this.budget), Gate.KEEP_ONLY)));
        }).next();
    }

    /** The change path's access to encoding and loading batches it encodes itself (see {@link EncodedLoads}). */
    private EncodedLoads encodedLoads() {
        return new EncodedLoads() {

            @Override
            public Scheduler encodingScheduler() {
                return StreamLoadTemplate.this.encodingScheduler;
            }

            @Override
            public BatchEncoder openEncoder(LoadOptions options) {
                return BatchEncoder.open(codec(options.zone()), options, compression(options));
            }

            @Override
            public Mono<LoadResult> loadEncoded(String table, EncodedBatch batch, LoadOptions options) {
                return StreamLoadTemplate.this.loadEncoded(table, batch, options);
            }

        };
    }

    private Mono<LoadResult> loadEncoded(String table, EncodedBatch batch, LoadOptions options) {
        Labelled labelled = labelled(table, options);
        if (labelled.invalid() != null) {
            return Mono.error(labelled.invalid());
        }
        Target target = labelled.target();
        long held = batch.body().allocated();
        if (held > this.budget.capacity()) {
            return Mono.error(clientFailure(target, new IllegalStateException("One batch of " + held + " bytes would"
                    + " need more than max-in-flight-bytes (" + this.budget.capacity() + " bytes); raise it or load"
                    + " fewer changes at once.")));
        }
        return this.budget.acquire(held)
            .timeout(this.budgetWait, Mono.error(() -> clientFailure(target, new IllegalStateException("Waited "
                    + this.budgetWait + " for memory under max-in-flight-bytes (" + this.budget.capacity()
                    + " bytes) while other loads held it."))))
            .then(Mono.defer(() -> submit(target, new Batcher.Sealed(batch, held, this.budget), options,
                    labelled.label())));
    }

    private Mono<LoadResult> run(LoadRunner.Job job, Batcher.Sealed sealed, Gate gate) {
        AsyncPermits lane = this.tableLanes.computeIfAbsent(job.database() + "." + job.table(),
                (key) -> new AsyncPermits("loads in flight for " + key, this.perTableConcurrency));
        AtomicBoolean sent = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        long epoch = (gate != null) ? gate.epoch() : 0;
        Mono<LoadResult> load = Mono.usingWhen(lane.acquire(1).thenReturn(lane),
                (heldLane) -> Mono.usingWhen(this.loadSlots.acquire(1).thenReturn(this.loadSlots),
                        (slot) -> Mono.defer(() -> {
                            StreamLoadException blocked = (gate != null) ? gate.blocked(job, epoch) : null;
                            if (blocked != null) {
                                return Mono.error(blocked);
                            }
                            sent.set(true);
                            // The gate hears of a failure while the lane is still held, before a later batch runs.
                            return this.runner.run(job).doOnError(StreamLoadException.class, (failure) -> {
                                if (gate != null) {
                                    gate.failed(job, epoch);
                                }
                            });
                        }), (slot) -> Mono.fromRunnable(() -> slot.release(1))),
                (heldLane) -> Mono.fromRunnable(() -> heldLane.release(1)));
        Mono<LoadResult> abandoned = this.aborting.asMono()
            .then(Mono.error(() -> abandonedAtShutdown(job, sent.get())));
        return Mono.firstWithSignal(load, abandoned)
            .doOnError(StreamLoadException.class, (failure) -> {
                if (gate != null) {
                    failure.withFailedBatch((failure.reason() == StreamLoadException.Reason.BODY_NOT_RECEIVED)
                            ? keepUnderFreshLabel(job) : keep(job));
                }
            })
            // Freed before the outcome is delivered, so a caller that saw the result sees the memory back.
            .doOnSuccess((result) -> {
                ended.set(true);
                sealed.release();
            })
            .doOnError((failure) -> {
                ended.set(true);
                sealed.release();
            })
            .doOnCancel(() -> {
                sealed.release();
                // (a cancel after the outcome, as next() sends once it has the result, is no cancelled load)
                if (sent.get() && !ended.get() && !this.closed.get()) {
                    // The caller went away while the batch ran: its label and outcome are still reported.
                    this.runner.cancelledWhileRunning(job);
                }
            });
    }

    /**
     * A heap copy of a batch whose label StarRocks spent on a body that did not arrive (it committed what it read):
     * sent again under the same label it would come back {@code ALREADY_LOADED} with its rows lost, so it gets a new
     * label.
     */
    private FailedBatch keepUnderFreshLabel(LoadRunner.Job job) {
        this.spentLabels.add(job.label());
        String label = this.labels.next(this.labelPrefix, job.table());
        Map<String, String> headers = new java.util.LinkedHashMap<>(job.headers());
        headers.replaceAll((name, value) -> name.equalsIgnoreCase("label") ? label : value);
        return keep(new LoadRunner.Job(job.database(), job.table(), label, job.batch(), headers, job.loadTimeout()));
    }

    /**
     * A heap copy of a failed batch, for the caller to retry; counted in max-in-flight-bytes until it is retried,
     * discarded or collected, so that loads that keep failing cannot hold memory beyond the bound.
     */
    private FailedBatch keep(LoadRunner.Job job) {
        return FailedBatch.counted(job.database(), job.table(), job.label(), job.batch().rows(), job.headers(),
                job.loadTimeout(), java.nio.ByteBuffer.wrap(job.batch().body().toByteArray()), this.budget);
    }

    /**
     * Keeps the batches of one writer in order: once one failed, the batches started before the caller was told of
     * that failure are not sent (they could make newer rows visible before the failed batch is sent again); batches
     * started after the caller was told go as usual.
     */
    static class Gate {

        /** Keeps a failed batch for retry, blocks nothing. */
        static final Gate KEEP_ONLY = new Gate() {

            @Override
            StreamLoadException blocked(LoadRunner.Job job, long epoch) {
                return null;
            }

            @Override
            void failed(LoadRunner.Job job, long epoch) {
            }

        };

        /** Counts the failures reported to the caller; a batch belongs to the epoch it was started in. */
        private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();

        private long failedEpoch = -1;

        private String failedLabel;

        long epoch() {
            return this.epoch.get();
        }

        synchronized StreamLoadException blocked(LoadRunner.Job job, long epoch) {
            if (epoch > this.failedEpoch) {
                return null;
            }
            return new StreamLoadException(StreamLoadException.Reason.SKIPPED_AFTER_FAILURE, job.table(), job.label(),
                    null, "batch with label " + this.failedLabel + " failed before it", 0, List.of(), null);
        }

        synchronized void failed(LoadRunner.Job job, long epoch) {
            if (epoch > this.failedEpoch) {
                this.failedEpoch = epoch;
                this.failedLabel = job.label();
            }
        }

        /**
         * The failure was reported to the caller, who decides what to resend: batches started from now on may go;
         * those started before stay blocked.
         */
        void reset() {
            this.epoch.incrementAndGet();
        }

    }

    /**
     * StarRocks' default limit on a JSON body: the BE holds a JSON body in memory and refuses one over
     * {@code streaming_load_max_batch_size_mb} (100) MiB unless {@code ignore_json_size} is set
     * ({@code StreamLoadAction::_on_header}).
     */
    static final long JSON_BODY_LIMIT = 100L * 1024 * 1024;

    private static boolean ignoresJsonSize(LoadOptions options) {
        return options.headers().entrySet().stream()
            .anyMatch((header) -> header.getKey().equalsIgnoreCase("ignore_json_size")
                    && header.getValue().trim().equalsIgnoreCase("true"));
    }

    /** Why batches cut by the batch policy could pass the JSON limit, or {@code null} when they cannot. */
    private IllegalArgumentException jsonBatchesTooLarge(LoadOptions options) {
        // A batch is cut once it reaches max-bytes, so it may pass it by one row: keep 1 MiB of room.
        long room = JSON_BODY_LIMIT - PooledChunks.CHUNK_SIZE * 16L;
        if (options.format() != LoadFormat.JSON || ignoresJsonSize(options) || this.batchPolicy.maxBytes() <= room) {
            return null;
        }
        return new IllegalArgumentException("batch max-bytes (" + this.batchPolicy.maxBytes() + ") lets JSON batches"
                + " pass StarRocks' JSON limit of " + JSON_BODY_LIMIT + " bytes (BE streaming_load_max_batch_size_mb):"
                + " set starrocks.stream-load.batch.max-bytes to at most " + room + ", use CSV, or add the header"
                + " ignore_json_size=true.");
    }

    /** Records a batch given up at the shutdown timeout and the failure its caller sees. */
    private StreamLoadException abandonedAtShutdown(LoadRunner.Job job, boolean sent) {
        int rows = job.batch().rows();
        this.unflushed.add(new StreamLoadShutdownException.Unflushed(job.table(), job.label(), rows, sent));
        try {
            this.observer.unflushedAtShutdown(job.table(), job.label(), rows, sent);
        }
        catch (RuntimeException ex) {
            logger.warn("A StreamLoadObserver failed; the shutdown report is unchanged", ex);
        }
        String detail = "the template closed after its shutdown timeout of " + this.shutdownTimeout
                + (sent ? " while the load ran" : " before the load was sent");
        return new StreamLoadException(sent ? StreamLoadException.Reason.OUTCOME_UNKNOWN
                : StreamLoadException.Reason.SHUTDOWN, job.table(), job.label(), null, detail, sent ? 1 : 0,
                List.of(), null);
    }

    private Target target(String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("A table name is required.");
        }
        int dot = table.indexOf('.');
        if (dot > 0 && dot < table.length() - 1 && table.indexOf('.', dot + 1) < 0) {
            return new Target(table.substring(0, dot), table.substring(dot + 1));
        }
        if (dot >= 0) {
            throw new IllegalArgumentException("Invalid table name '" + table + "': use table or db.table.");
        }
        if (this.database == null) {
            throw new IllegalArgumentException("Table '" + table
                    + "' has no database: qualify it (db.table) or configure starrocks.database.");
        }
        return new Target(this.database, table);
    }

    private StreamLoadException clientFailure(Target target, Throwable cause) {
        return new StreamLoadException(StreamLoadException.Reason.CLIENT, target.table(), null, null,
                cause.getMessage(), 0, List.of(), cause);
    }

    private static int requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    // ---- Change data capture ----

    /**
     * Applies change records (inserts, updates, deletes) to a Primary Key table: batched by
     * {@link CdcOptions#maxBatchChanges()} / {@link CdcOptions#maxBatchInterval()}, each batch compacted per key
     * and loaded as upserts ({@code __op}), hard deletes, soft deletes and partial updates (grouped by changed
     * columns), ordered by {@code merge_condition} on the version audit column (StarRocks does not apply it to hard
     * deletes: those need source order); the table is created or its columns added first when the options say so.
     * Batches run one after the other; emits one result per load.
     */
    @Override
    public Flux<LoadResult> applyChanges(String table, Flux<ChangeRecord> changes, CdcOptions options) {
        return tracked(() -> {
            Target target = target(table);
            return changeApplier().apply(target.database(), target.table(), changes, options);
        });
    }

    /**
     * A blocking writer of change records (see {@link ChangeWriter}).
     */
    @Override
    public ChangeWriter changeWriter(String table, CdcOptions options) {
        requireOpen();
        Target target = target(table);
        return new ChangeWriter(target.table(), options.maxBatchChanges(), (batch) -> tracked(
                () -> changeApplier().applyBatch(target.database(), target.table(), batch, options)));
    }

    /**
     * Applies one batch of change records as {@link #applyChanges} applies each of its batches, under labels derived
     * from the caller's {@code batchId} (stable across restarts, e.g. a source position range): load {@code i} of
     * the batch is labelled {@link CheckpointLabels#of(String, String, String) prefix_table_batchId-i} (prefix from
     * the options' load options or the template, never the default one). The same batch applied again under the
     * same id (a replay after a crash) plans the same loads under the same labels, so StarRocks recognises those
     * that committed ({@link LoadStatus#ALREADY_LOADED}) and nothing is applied twice. When the batch needs several
     * loads (upserts and hard deletes, or partial updates of different columns), they are all-or-nothing: one
     * transaction Stream Load each, all prepared before any is committed. Emits one result per load. After a
     * failure, apply the same batch again under the same id before any later batch of the table: a transaction
     * whose commit answer was lost is settled by that replay (it asks each label's state first), not by the
     * template's wait for unsettled loads.
     */
    @Override
    public Flux<LoadResult> applyChangeBatch(String table, List<ChangeRecord> changes, CdcOptions options,
            String batchId) {
        return tracked(() -> {
            Target target = target(table);
            // Checked before anything is sent: the prefix, the id's characters and the length of the longest label.
            checkpointLabel(table, options.loadOptions(), batchId + "-" + changes.size());
            return changeApplier().applyBatch(target.database(), target.table(), List.copyOf(changes), options,
                    (i) -> checkpointLabel(table, options.loadOptions(), batchId + "-" + i));
        });
    }

    /**
     * Completes once no earlier load of the table that ended {@code OUTCOME_UNKNOWN} can still commit, so that the
     * change paths never load a table's next batch behind a stalled attempt of an earlier one.
     */
    @Override
    public Mono<Void> awaitSettled(String database, String table) {
        return this.runner.awaitSettled(database, table);
    }

    private ChangeApplier changeApplier() {
        ChangeApplier applier = this.changeApplier;
        if (applier == null) {
            synchronized (this.activity) {
                if (this.changeApplier == null) {
                    this.changeApplier = new ChangeApplier(this, this.baseMapper, encodedLoads());
                }
                applier = this.changeApplier;
            }
        }
        return applier;
    }

    private volatile ChangeApplier changeApplier;

    // ---- Deterministic labels for streams and writers ----

    /**
     * Continuous ingestion with deterministic labels: each batch is one load labelled
     * {@link CheckpointLabels#of(String, String, String) prefix_table_checkpointId} (prefix from the options or the
     * template), loaded in order. A restarted producer that replays batches under the same ids gets
     * {@link LoadStatus#ALREADY_LOADED} for those that committed before, so nothing is loaded twice, whatever the
     * table's key model. Each batch must fit in {@code max-in-flight-bytes}.
     */
    @Override
    public <T> Flux<LoadResult> streamCheckpoints(String table, Flux<CheckpointBatch<T>> batches,
            LoadOptions options) {
        if (options.label() != null) {
            return Flux.error(new IllegalArgumentException(
                    "streamCheckpoints labels each batch from its checkpoint id; remove LoadOptions.label."));
        }
        return batches.concatMap((batch) -> load(table, Flux.fromIterable(batch.rows()),
                options.withLabel(checkpointLabel(table, options, batch.checkpointId()))), 0);
    }

    /**
     * A blocking writer whose loads are labelled from the caller's checkpoint ids (see {@link CheckpointWriter}).
     */
    @Override
    public <T> CheckpointWriter<T> checkpointWriter(String table, LoadOptions options) {
        if (options.label() != null) {
            throw new IllegalArgumentException(
                    "A checkpoint writer labels each load from its checkpoint id; remove LoadOptions.label.");
        }
        requireOpen();
        target(table);
        // the prefix is checked now, not at the first checkpoint
        checkpointLabel(table, options, "0");
        return new CheckpointWriter<>(table, (checkpointId, rows) -> load(table, Flux.fromIterable(rows),
                options.withLabel(checkpointLabel(table, options, checkpointId))).block());
    }

    private RowCodec codec(ZoneId zone) {
        return this.codecs.computeIfAbsent(zone, (key) -> new RowCodec(this.baseMapper, key));
    }

    private String checkpointLabel(String table, LoadOptions options, String checkpointId) {
        String prefix = (options.labelPrefix() != null) ? options.labelPrefix() : this.labelPrefix;
        if (prefix.equals(Builder.DEFAULT_LABEL_PREFIX)) {
            // Generated labels are unique by themselves; checkpoint labels are only as unique as their prefix.
            throw new IllegalArgumentException("Checkpoint labels need a label prefix of their own application"
                    + " (LoadOptions.withLabelPrefix or starrocks.stream-load.label-prefix): under the default prefix '"
                    + prefix + "' two applications loading checkpoint " + checkpointId + " of '" + table + "' would"
                    + " use the same label, and the second one's rows would be skipped as ALREADY_LOADED.");
        }
        return CheckpointLabels.of(prefix, target(table).table(), checkpointId);
    }

    // ---- Merge commit ----

    /**
     * Loads rows with merge commit ({@code enable_merge_commit}, StarRocks 3.4+): the server merges the loads of
     * many small writers into one transaction per {@link MergeCommit#interval()}. The FE redirects such loads to
     * the leader FE, which picks a BE: configure every FE (or at least the leader) as a frontend, since a body is
     * only sent to an address that is not a configured FE. There is no label idempotency (the server names the
     * merged transaction; {@link LoadResult#label()} is that name): a failure after the body was sent is not
     * resent and its outcome is unknown, so the delivery guarantee is at most once (at least once if the caller
     * retries; Primary Key tables with {@code merge_condition} absorb such repeats). JSON only.
     */
    @Override
    public Mono<LoadResult> loadWithMergeCommit(String table, Flux<?> rows, LoadOptions options,
            MergeCommit mergeCommit) {
        return tracked(() -> {
            Target target = target(table);
            Duration timeout = (options.timeout() != null) ? options.timeout() : this.defaultLoadTimeout;
            MergeCommitLoader loader = new MergeCommitLoader(this.transactionHttp);
            return rows.collectList().flatMap((list) -> loader.load(target.database(), target.table(), list, options,
                    mergeCommit, timeout, timeout.plus(mergeCommit.interval()).plus(this.budgetWait),
                    codec(options.zone()).mapper));
        }).next();
    }

    // ---- Exactly-once: transactions, checkpoint labels, recovery ----

    /**
     * A transaction Stream Load on {@code table} under {@code label}, loading JSON (see
     * {@link StreamLoadTransaction}); nothing is sent until {@code begin()}.
     */
    @Override
    public StreamLoadTransaction transaction(String table, String label) {
        return transaction(table, label, LoadOptions.json());
    }

    /**
     * A transaction Stream Load with load options (columns, partial update, merge condition, timeout, extra headers
     * such as {@code prepared_timeout}); the format must be JSON.
     */
    @Override
    public StreamLoadTransaction transaction(String table, String label, LoadOptions options) {
        requireOpen();
        Target target = target(table);
        Duration timeout = (options.timeout() != null) ? options.timeout() : this.defaultLoadTimeout;
        return new StreamLoadTransaction(this.transactionHttp, this.runner, target.database(),
                target.table(), label, options, timeout, this.budgetWait, codec(options.zone()).mapper,
                this.retryPolicy);
    }

    /**
     * After a crash, finishes the transactions of {@code table} labelled {@link CheckpointLabels#of(String, String,
     * long) prefix_table_n} for the checkpoints around {@code lastCheckpoint} (the caller's last recorded one, -1
     * for none): PREPARED ones up to it are committed, open ones after it rolled back, and committed ones after it
     * reported so that their replay is skipped. Looks at {@code window} checkpoints on each side. A completed
     * checkpoint whose label StarRocks no longer knows is reported {@link RecoveryReport#unknown() unknown}, never
     * committed. This form cannot tell how old the checkpoint is: use
     * {@link #recover(String, String, long, Instant, int)} when the checkpoint store records when.
     */
    @Override
    public Mono<RecoveryReport> recover(String table, String labelPrefix, long lastCheckpoint, int window) {
        requireOpen();
        Target target = target(table);
        return TransactionRecovery.recover((label) -> transaction(table, label), target.table(), labelPrefix,
                lastCheckpoint, window, null, this.labelKeep);
    }

    /**
     * Like {@link #recover(String, String, long, int)}, for a last checkpoint recorded at {@code lastCheckpointTime}:
     * fails with {@link LabelExpiredException} (naming the label and its age) when that is longer ago than StarRocks
     * keeps a finished transaction's label ({@link Builder#labelKeep(Duration)}, StarRocks'
     * {@code label_keep_max_second}, 3 days by default), since StarRocks may have dropped the labels recovery reads.
     */
    @Override
    public Mono<RecoveryReport> recover(String table, String labelPrefix, long lastCheckpoint,
            Instant lastCheckpointTime, int window) {
        requireOpen();
        Target target = target(table);
        Duration age = Duration.between(lastCheckpointTime, Instant.now());
        return TransactionRecovery.recover((label) -> transaction(table, label), target.table(), labelPrefix,
                lastCheckpoint, window, age.isNegative() ? Duration.ZERO : age, this.labelKeep);
    }

    /**
     * The state of a label in the table's database ({@code get_load_state}: {@code PREPARE}, {@code PREPARED},
     * {@code COMMITTED}, {@code VISIBLE}, {@code ABORTED} or {@code UNKNOWN}).
     */
    @Override
    public Mono<String> loadState(String table, String label) {
        Target target = target(table);
        return this.runner.labelState(target.database(), label).timeout(this.budgetWait);
    }

    /** The database and table of a load. */
    record Target(String database, String table) {
    }

    /**
     * Configures a {@link StreamLoadTemplate}; every setting starts at the library's default (the public
     * {@code DEFAULT_*} constants, {@link BatchPolicy#DEFAULT}, {@link RetryPolicy#DEFAULT}).
     */
    public static final class Builder {

        /** Default bound on bytes held by batches: 256 MiB. */
        public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 256L * 1024 * 1024;

        /** Default number of loads running at once across tables. */
        public static final int DEFAULT_MAX_CONCURRENT_LOADS = 4;

        /** Default number of loads running at once per table (1 keeps rows in order). */
        public static final int DEFAULT_PER_TABLE_CONCURRENCY = 1;

        /** Default prefix of generated labels. */
        public static final String DEFAULT_LABEL_PREFIX = "srboot";

        /** Default load {@code timeout} header: StarRocks' own default, 600 s. */
        public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(600);

        /** Default extra wait beyond the load timeout before a response is given up. */
        public static final Duration DEFAULT_RESPONSE_TIMEOUT_MARGIN = Duration.ofSeconds(10);

        /** Default maximum number of redirects followed per attempt. */
        public static final int DEFAULT_MAX_REDIRECTS = 3;

        /** Default interval between health probes of an ejected FE. */
        public static final Duration DEFAULT_FRONTEND_PROBE_INTERVAL = Duration.ofSeconds(5);

        /** How long StarRocks keeps a finished transaction's label by default ({@code label_keep_max_second}). */
        public static final Duration DEFAULT_LABEL_KEEP = Duration.ofDays(3);

        /** Default wait for loads in flight at shutdown. */
        public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

        /** Default connect timeout. */
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

        /** Default timeout of calls without a body (health, load state, error log). */
        public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

        private List<URI> frontends = List.of();

        private String username = "root";

        private String password = "";

        private String database;

        private ObjectMapper objectMapper;

        private LoadOptions defaultOptions = LoadOptions.json();

        private LoadCompression compression = LoadCompression.NONE;

        private BatchPolicy batchPolicy = BatchPolicy.DEFAULT;

        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

        private long maxInFlightBytes = DEFAULT_MAX_IN_FLIGHT_BYTES;

        private int maxConcurrentLoads = DEFAULT_MAX_CONCURRENT_LOADS;

        private int perTableConcurrency = DEFAULT_PER_TABLE_CONCURRENCY;

        private String labelPrefix = DEFAULT_LABEL_PREFIX;

        private Duration loadTimeout = DEFAULT_LOAD_TIMEOUT;

        private Duration responseTimeoutMargin = DEFAULT_RESPONSE_TIMEOUT_MARGIN;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private int maxRedirects = DEFAULT_MAX_REDIRECTS;

        private HostRewrite redirectHostRewrite;

        private Duration frontendProbeInterval = DEFAULT_FRONTEND_PROBE_INTERVAL;

        private Duration labelPollInterval = Duration.ofMillis(500);

        private Duration labelKeep = DEFAULT_LABEL_KEEP;

        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        private StreamLoadObserver observer = StreamLoadObserver.NONE;

        private WebClient.Builder webClientBuilder;

        private UnaryOperator<HttpClient> httpClientCustomizer;

        private Builder() {
        }

        /**
         * The application's {@code WebClient.Builder} (cloned, never changed), so that its customizers, filters and
         * observations apply to every Stream Load exchange; {@code null} for a plain one. Its connector is replaced
         * by the template's tuned Reactor Netty clients.
         */
        public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
            this.webClientBuilder = webClientBuilder;
            return this;
        }

        /**
         * Applied last to the template's Reactor Netty clients (FE and BE), e.g. to set up TLS; {@code null} for none.
         */
        public Builder httpClientCustomizer(UnaryOperator<HttpClient> httpClientCustomizer) {
            this.httpClientCustomizer = httpClientCustomizer;
            return this;
        }

        /** FE HTTP base URLs ({@code http://fe:8030}), used round robin. */
        public Builder frontends(List<URI> frontends) {
            this.frontends = List.copyOf(frontends);
            return this;
        }

        /** User and password (HTTP Basic). */
        public Builder credentials(String username, String password) {
            this.username = java.util.Objects.requireNonNull(username, "username");
            this.password = (password != null) ? password : "";
            return this;
        }

        /** Database of unqualified table names. */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** Base mapper for JSON encoding (copied; date/time formats are set for StarRocks). */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
            return this;
        }

        /** Options of the methods without an options argument. */
        public Builder defaultOptions(LoadOptions defaultOptions) {
            this.defaultOptions = java.util.Objects.requireNonNull(defaultOptions, "defaultOptions");
            return this;
        }

        /** Compression when the options do not say. */
        public Builder compression(LoadCompression compression) {
            this.compression = java.util.Objects.requireNonNull(compression, "compression");
            return this;
        }

        public Builder batchPolicy(BatchPolicy batchPolicy) {
            this.batchPolicy = java.util.Objects.requireNonNull(batchPolicy, "batchPolicy");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = java.util.Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The rule between the in-flight bound and the batch size: room for one full batch and the encoders'
         * reservations, or no batch could ever be loaded. Checked when the template is built; public so that a
         * configuration can be checked against the same rule before.
         * @throws IllegalArgumentException when {@code maxInFlightBytes} leaves no such room
         */
        public static void requireInFlightRoom(long maxInFlightBytes, BatchPolicy batchPolicy) {
            if (maxInFlightBytes < batchPolicy.maxBytes() + 2 * Batcher.RESERVATION) {
                throw new IllegalArgumentException("max-in-flight-bytes (" + maxInFlightBytes
                        + ") must exceed batch max-bytes (" + batchPolicy.maxBytes() + ") by at least "
                        + 2 * Batcher.RESERVATION + " bytes.");
            }
        }

        /** Bound on bytes held by all batches (filling, waiting, loading). */
        public Builder maxInFlightBytes(long maxInFlightBytes) {
            this.maxInFlightBytes = maxInFlightBytes;
            return this;
        }

        /** Loads running at once across tables. */
        public Builder maxConcurrentLoads(int maxConcurrentLoads) {
            this.maxConcurrentLoads = requirePositive("max-concurrent-loads", maxConcurrentLoads);
            return this;
        }

        /** Loads running at once per table; above 1, rows of a table may become visible out of order. */
        public Builder perTableConcurrency(int perTableConcurrency) {
            this.perTableConcurrency = requirePositive("per-table concurrency", perTableConcurrency);
            return this;
        }

        public Builder labelPrefix(String labelPrefix) {
            Labels.requireValidPrefix(labelPrefix);
            this.labelPrefix = labelPrefix;
            return this;
        }

        /** The {@code timeout} header when the options do not set one. */
        public Builder loadTimeout(Duration loadTimeout) {
            this.loadTimeout = loadTimeout;
            return this;
        }

        /** How much longer than the load timeout to wait for an answer. */
        public Builder responseTimeoutMargin(Duration responseTimeoutMargin) {
            this.responseTimeoutMargin = responseTimeoutMargin;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder maxRedirects(int maxRedirects) {
            this.maxRedirects = requirePositive("max-redirects", maxRedirects);
            return this;
        }

        /** Rewrites the BE addresses the FE redirects to, or {@code null} for none. */
        public Builder redirectHostRewrite(HostRewrite redirectHostRewrite) {
            this.redirectHostRewrite = redirectHostRewrite;
            return this;
        }

        public Builder frontendProbeInterval(Duration frontendProbeInterval) {
            this.frontendProbeInterval = frontendProbeInterval;
            return this;
        }

        /** How often to ask {@code get_load_state} while an earlier attempt with the same label still runs. */
        public Builder labelPollInterval(Duration labelPollInterval) {
            this.labelPollInterval = labelPollInterval;
            return this;
        }

        /**
         * How long the cluster keeps a finished transaction's label: its FE setting {@code label_keep_max_second}
         * (StarRocks' default: 3 days). Recovery refuses checkpoints older than that.
         */
        public Builder labelKeep(Duration labelKeep) {
            if (labelKeep == null || labelKeep.isNegative() || labelKeep.isZero()) {
                throw new IllegalArgumentException("The label keep window must be positive, got " + labelKeep);
            }
            this.labelKeep = labelKeep;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public Builder observer(StreamLoadObserver observer) {
            this.observer = java.util.Objects.requireNonNull(observer, "observer");
            return this;
        }

        public StreamLoadTemplate build() {
            return new StreamLoadTemplate(this);
        }

    }

}
