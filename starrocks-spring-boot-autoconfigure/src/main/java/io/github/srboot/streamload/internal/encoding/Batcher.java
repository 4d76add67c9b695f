package io.github.srboot.streamload.internal.encoding;

import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Cuts one sequence of rows into batches by the batch policy, encoding each row as it arrives, and holds memory
 * only against the in-flight budget: before a batch may grow, it reserves budget (waiting without blocking when
 * the budget is spent), so all batches together stay under {@code max-in-flight-bytes} (give or take one row).
 *
 * <p>Its methods are called one at a time (a {@code concatMap} or a lock serialises them).
 */
public final class Batcher {

    /** How much budget a growing batch reserves at once. */
    public static final long RESERVATION = 4L * PooledChunks.CHUNK_SIZE;

    private final RowCodec codec;

    private final LoadOptions options;

    private final LoadCompression compression;

    private final BatchPolicy policy;

    private final AsyncPermits budget;

    private final Scheduler encodingScheduler;

    private final boolean cutWhenShort;

    private final java.time.Duration maxWait;

    private BatchEncoder current;

    private long reserved;

    private long startedNanos;

    public Batcher(RowCodec codec, LoadOptions options, LoadCompression compression, BatchPolicy policy,
            AsyncPermits budget, Scheduler encodingScheduler, boolean cutWhenShort, java.time.Duration maxWait) {
        this.cutWhenShort = cutWhenShort;
        this.maxWait = maxWait;
        this.codec = codec;
        this.options = options;
        this.compression = compression;
        this.policy = policy;
        this.budget = budget;
        this.encodingScheduler = encodingScheduler;
    }

    /**
     * Adds a row; emits a batch when the row filled one. Completes at once unless budget must be awaited.
     *
     * <p>When the budget is spent and this batch already holds rows, the batch is emitted as it is before waiting:
     * otherwise batches being filled by several streams could hold the whole budget while each waits for the
     * others. A single load ({@code cutWhenShort} false) cannot be cut; it waits at most {@code maxWait}.
     */
    public Flux<Sealed> add(Object row) {
        long needed = needed();
        if (needed == 0) {
            return encode(row);
        }
        if (this.reserved + needed > this.budget.capacity()) {
            return Flux.error(new IllegalStateException("One batch would need more than max-in-flight-bytes ("
                    + this.budget.capacity() + " bytes); raise it or load fewer rows at once."));
        }
        if (this.budget.tryAcquire(needed)) {
            this.reserved += needed;
            return encode(row);
        }
        Mono<Sealed> early = Mono.empty();
        if (this.cutWhenShort && this.current != null && this.current.rows() > 0) {
            early = Mono.just(seal());
        }
        long wanted = needed();
        Mono<Void> granted = this.budget.acquire(wanted);
        if (!this.cutWhenShort) {
            granted = granted.timeout(this.maxWait, Mono.error(() -> new IllegalStateException("Waited "
                    + this.maxWait + " for memory under max-in-flight-bytes (" + this.budget.capacity()
                    + " bytes) while other loads held it; load fewer rows at once or raise the limit.")));
        }
        return early.concatWith(granted.publishOn(this.encodingScheduler).thenMany(Flux.defer(() -> {
            this.reserved += wanted;
            return encode(row);
        })));
    }

    /**
     * Adds a row when that needs no waiting for budget, handing a batch the row filled to {@code onSealed}; returns
     * {@code false}, having done nothing, when budget must be awaited (or can never be had), for {@link #add} to
     * do it. Callers that may block (the writer) take this path for almost every row and skip building a
     * publisher per row.
     */
    public boolean tryAdd(Object row, java.util.function.Consumer<Sealed> onSealed) {
        long needed = needed();
        if (needed != 0) {
            if (this.reserved + needed > this.budget.capacity() || !this.budget.tryAcquire(needed)) {
                return false;
            }
            this.reserved += needed;
        }
        Sealed sealed = encodeNow(row);
        if (sealed != null) {
            onSealed.accept(sealed);
        }
        return true;
    }

    /** Budget to reserve before the next row may be written: room for at least one more chunk. */
    private long needed() {
        long allocated = (this.current != null) ? this.current.allocated() : 0;
        long missing = allocated + PooledChunks.CHUNK_SIZE - this.reserved;
        return (missing <= 0) ? 0 : Math.max(missing, RESERVATION);
    }

    private Flux<Sealed> encode(Object row) {
        Sealed sealed = encodeNow(row);
        return (sealed != null) ? Flux.just(sealed) : Flux.empty();
    }

    /** Writes the row into the current batch; the batch when the row filled it, else {@code null}. */
    private Sealed encodeNow(Object row) {
        if (this.current == null) {
            this.current = BatchEncoder.open(this.codec, this.options, this.compression);
            this.startedNanos = System.nanoTime();
        }
        this.current.write(row);
        if (this.current.rows() >= this.policy.maxRows() || this.current.encodedBytes() >= this.policy.maxBytes()) {
            return seal();
        }
        return null;
    }

    /**
     * Emits the current batch if it is older than the interval.
     */
    public Mono<Sealed> tick() {
        return Mono.justOrEmpty(sealIfOlderThanInterval());
    }

    /**
     * The current batch if it is older than the interval, else {@code null}; never waits.
     */
    public Sealed sealIfOlderThanInterval() {
        if (this.current != null
                && System.nanoTime() - this.startedNanos >= this.policy.maxInterval().toNanos()) {
            return seal();
        }
        return null;
    }

    /**
     * Emits whatever is buffered (end of rows, flush, shutdown).
     */
    public Mono<Sealed> drain() {
        return Mono.justOrEmpty(sealNow());
    }

    /**
     * Whatever is buffered as a batch, or {@code null} when nothing is; never waits.
     */
    public Sealed sealNow() {
        return (this.current != null) ? seal() : null;
    }

    /** Whether rows are buffered. */
    boolean hasRows() {
        return this.current != null;
    }

    private Sealed seal() {
        BatchEncoder encoder = this.current;
        this.current = null;
        long reservation = this.reserved;
        this.reserved = 0;
        EncodedBatch batch;
        try {
            batch = encoder.finish();
        }
        catch (RuntimeException ex) {
            this.budget.release(reservation);
            throw ex;
        }
        long held = batch.body().allocated();
        if (held < reservation) {
            this.budget.release(reservation - held);
        }
        else if (held > reservation) {
            this.budget.force(held - reservation);
        }
        return new Sealed(batch, held, this.budget);
    }

    /**
     * Drops buffered rows and frees their memory (cancellation, failure).
     */
    public void abandon() {
        if (this.current != null) {
            this.current.abandon();
            this.current = null;
        }
        this.budget.release(this.reserved);
        this.reserved = 0;
    }

    /**
     * A finished batch and the budget it holds until its load is final.
     */
    public static final class Sealed {

        public final EncodedBatch batch;

        private final long held;

        private final AsyncPermits budget;

        private boolean released;

        public Sealed(EncodedBatch batch, long held, AsyncPermits budget) {
            this.batch = batch;
            this.held = held;
            this.budget = budget;
        }

        /** Frees the body and its budget; idempotent. */
        public synchronized void release() {
            if (!this.released) {
                this.released = true;
                this.batch.body().release();
                this.budget.release(this.held);
            }
        }

    }

}
