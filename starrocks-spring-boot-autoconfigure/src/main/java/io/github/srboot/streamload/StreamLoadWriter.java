package io.github.srboot.streamload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.github.srboot.streamload.internal.encoding.Batcher;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A blocking writer for non-reactive applications: rows are encoded on the caller's thread into the current
 * batch, batches are loaded in the background by the batch policy (rows, bytes, age), and {@code write} waits
 * when the template's in-flight budget is spent, so memory never grows without bound.
 *
 * <p>Thread-safe, but blocking: do not call it from reactive (non-blocking) threads. A failed background load is
 * thrown (once) from the next {@code write}, {@code flush} or {@code close}, as a {@link StreamLoadException} whose
 * {@link StreamLoadException#failedBatch()} can be sent again with {@link StreamLoadTemplate#retry(FailedBatch)};
 * batches started before that failure was thrown are not sent (they fail as {@code SKIPPED_AFTER_FAILURE}, each with
 * its batch, suppressed on the first failure when {@code flush} or {@code close} sees them), so rows never become
 * visible ahead of a failed batch sent again. {@code close} after a failure still reports the rows it buffered, in
 * the same way. Obtain one from {@link StreamLoadTemplate#writer(String, LoadOptions)}.
 *
 * @param <T> the row type
 */
public final class StreamLoadWriter<T> implements AutoCloseable {

    private final StreamLoadTemplate template;

    private final String table;

    private final Batcher batcher;

    private final Function<Batcher.Sealed, Mono<LoadResult>> loader;

    private final ReentrantLock lock = new ReentrantLock();

    private final List<CompletableFuture<LoadResult>> pending = new ArrayList<>();

    private final Disposable ticker;

    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
            new java.util.concurrent.atomic.AtomicReference<>();

    private boolean closed;

    /** Lets later batches load again once a failure was thrown to the caller. */
    private final Runnable failureReported;

    StreamLoadWriter(StreamLoadTemplate template, String table, Batcher batcher, Duration maxInterval,
            Runnable failureReported, Function<Batcher.Sealed, Mono<LoadResult>> loader) {
        this.failureReported = failureReported;
        this.template = template;
        this.table = table;
        this.batcher = batcher;
        this.loader = loader;
        Duration period = maxInterval.dividedBy(2);
        this.ticker = Schedulers.parallel()
            .schedulePeriodically(this::onTick, period.toNanos(), period.toNanos(),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Encodes a row into the current batch; may wait for memory, and starts a load when the batch is full.
     *
     * @throws StreamLoadException when an earlier background load failed
     * @throws IllegalArgumentException when the row cannot be encoded
     */
    public void write(T row) {
        this.lock.lock();
        try {
            requireUsable();
            // Waits (through the reactive path) only when the in-flight budget is spent.
            if (!this.batcher.tryAdd(row, this::start)) {
                this.batcher.add(row).doOnNext(this::start).blockLast();
            }
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Loads whatever is buffered and waits until every load started by this writer is final.
     *
     * @throws StreamLoadException when a load failed
     */
    public void flush() {
        flush(Long.MAX_VALUE);
    }

    private void flush(long deadline) {
        List<CompletableFuture<LoadResult>> waiting;
        this.lock.lock();
        try {
            if (this.closed) {
                throw new IllegalStateException("The Stream Load writer for '" + this.table + "' is closed.");
            }
            // Sealed before any failure is thrown: after a failure the batch is not sent (the gate holds it back)
            // but reported below with its rows, never dropped with the writer.
            Batcher.Sealed sealed = this.batcher.sealNow();
            if (sealed != null) {
                start(sealed);
            }
            waiting = new ArrayList<>(this.pending);
            this.pending.clear();
        }
        finally {
            this.lock.unlock();
        }
        RuntimeException first = null;
        for (CompletableFuture<LoadResult> load : waiting) {
            try {
                if (deadline == Long.MAX_VALUE) {
                    load.get();
                }
                else {
                    load.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            }
            catch (java.util.concurrent.TimeoutException ex) {
                // Shutdown: the template reports what did not finish in time.
                break;
            }
            catch (ExecutionException ex) {
                if (first == null) {
                    first = (ex.getCause() instanceof RuntimeException runtime) ? runtime
                            : new IllegalStateException(ex.getCause());
                }
                else if (ex.getCause() != first) {
                    // Later batches (skipped after the first failure), each with its batch, in order.
                    first.addSuppressed(ex.getCause());
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Stream Loads into '" + this.table + "'",
                        ex);
            }
        }
        if (first != null) {
            // Reported here; do not report it again on the next call.
            this.failure.compareAndSet(first, null);
            this.failureReported.run();
            throw first;
        }
        RuntimeException late = this.failure.getAndSet(null);
        if (late != null) {
            throw late;
        }
    }

    /**
     * Flushes, then stops the writer. Idempotent.
     */
    @Override
    public void close() {
        closeBefore(Long.MAX_VALUE);
    }

    /**
     * Flushes, waiting for the loads until {@code deadline} ({@link System#nanoTime()}) at most, then stops the
     * writer; loads still running at the deadline go on (the template abandons them at its shutdown timeout).
     */
    void closeBefore(long deadline) {
        this.lock.lock();
        try {
            if (this.closed) {
                return;
            }
        }
        finally {
            this.lock.unlock();
        }
        try {
            flush(deadline);
        }
        finally {
            this.lock.lock();
            try {
                this.closed = true;
                this.ticker.dispose();
                this.batcher.abandon();
            }
            finally {
                this.lock.unlock();
            }
            this.template.writerClosed(this);
        }
    }

    /** The table this writer loads into. */
    public String table() {
        return this.table;
    }

    private void onTick() {
        if (!this.lock.tryLock()) {
            return;
        }
        try {
            if (!this.closed) {
                Batcher.Sealed sealed = this.batcher.sealIfOlderThanInterval();
                if (sealed != null) {
                    start(sealed);
                }
            }
        }
        catch (RuntimeException ex) {
            this.failure.compareAndSet(null, ex);
        }
        finally {
            this.lock.unlock();
        }
    }

    private void start(Batcher.Sealed sealed) {
        // Successful loads need no more tracking; failed ones stay until flush reports them.
        this.pending.removeIf((load) -> load.isDone() && !load.isCompletedExceptionally());
        CompletableFuture<LoadResult> load = this.loader.apply(sealed).toFuture();
        load.whenComplete((result, ex) -> {
            // A batch skipped after a failure is reported with that failure (flush), never ahead of it.
            boolean skipped = ex instanceof StreamLoadException failed
                    && failed.reason() == StreamLoadException.Reason.SKIPPED_AFTER_FAILURE;
            if (ex != null && !skipped) {
                this.failure.compareAndSet(null,
                        (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex));
            }
        });
        this.pending.add(load);
    }

    private static Throwable failureOf(CompletableFuture<LoadResult> load) {
        try {
            load.join();
            return null;
        }
        catch (java.util.concurrent.CompletionException ex) {
            return ex.getCause();
        }
        catch (java.util.concurrent.CancellationException ex) {
            return ex;
        }
    }

    private void requireUsable() {
        if (this.closed) {
            throw new IllegalStateException("The Stream Load writer for '" + this.table + "' is closed.");
        }
        RuntimeException failed = this.failure.getAndSet(null);
        if (failed != null) {
            // The failed batches in the order they were started: the first, with the ones skipped after it.
            for (CompletableFuture<LoadResult> load : this.pending) {
                if (load.isCompletedExceptionally()) {
                    Throwable later = failureOf(load);
                    if (later != null && later != failed) {
                        failed.addSuppressed(later);
                    }
                }
            }
            this.pending.removeIf(CompletableFuture::isCompletedExceptionally);
            this.failureReported.run();
            throw failed;
        }
    }

}
