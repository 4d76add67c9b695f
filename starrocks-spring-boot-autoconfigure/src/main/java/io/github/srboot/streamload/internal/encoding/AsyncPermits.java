package io.github.srboot.streamload.internal.encoding;

import java.util.ArrayDeque;
import java.util.Queue;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A fair counting semaphore whose {@code acquire} is a {@link Mono}: it waits without blocking a thread. Used for
 * the in-flight bytes budget, the global load slots and the per-table order.
 *
 * <p>Waiters are served first come, first served; a cancelled waiter gives its place up.
 */
public final class AsyncPermits {

    private final String name;

    private final long capacity;

    private long available;

    private final Queue<Waiter> waiters = new ArrayDeque<>();

    public AsyncPermits(String name, long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.available = capacity;
    }

    /**
     * Completes once {@code amount} permits are taken; fails at once when {@code amount} exceeds the capacity.
     */
    public Mono<Void> acquire(long amount) {
        if (amount > this.capacity) {
            return Mono.error(new IllegalArgumentException(
                    "Needs " + amount + " of " + this.name + " but the limit is " + this.capacity));
        }
        return Mono.create((sink) -> {
            Waiter waiter = new Waiter(amount, sink);
            synchronized (this) {
                if (this.waiters.isEmpty() && this.available >= amount) {
                    this.available -= amount;
                    waiter.granted = true;
                }
                else {
                    this.waiters.add(waiter);
                }
            }
            if (waiter.granted) {
                waiter.claim();
                sink.success();
                return;
            }
            sink.onCancel(() -> cancel(waiter));
        });
    }

    /**
     * Takes permits if available right now, without waiting.
     */
    synchronized boolean tryAcquire(long amount) {
        if (this.waiters.isEmpty() && this.available >= amount) {
            this.available -= amount;
            return true;
        }
        return false;
    }

    /**
     * Takes permits without waiting, even beyond the capacity (a row that outgrew its reservation).
     */
    public synchronized void force(long amount) {
        this.available -= amount;
    }

    /**
     * Gives permits back and wakes waiters in order.
     */
    public void release(long amount) {
        if (amount <= 0) {
            return;
        }
        Queue<Waiter> ready = new ArrayDeque<>();
        synchronized (this) {
            this.available += amount;
            Waiter head;
            while ((head = this.waiters.peek()) != null && head.amount <= this.available) {
                this.waiters.poll();
                this.available -= head.amount;
                head.granted = true;
                ready.add(head);
            }
        }
        for (Waiter waiter : ready) {
            // A waiter cancelled meanwhile has claimed its grant and gives it back itself.
            if (waiter.claim()) {
                waiter.sink.success();
            }
        }
    }

    private void cancel(Waiter waiter) {
        boolean queued;
        synchronized (this) {
            queued = this.waiters.remove(waiter);
        }
        if (!queued && waiter.granted && waiter.claim()) {
            // Granted concurrently with the cancellation: nobody else will release these permits.
            release(waiter.amount);
        }
    }

    /** Permits in use. */
    public synchronized long used() {
        return this.capacity - this.available;
    }

    public long capacity() {
        return this.capacity;
    }

    private static final class Waiter {

        final long amount;

        final MonoSink<Void> sink;

        volatile boolean granted;

        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

        /** Exactly one of delivery and cancellation wins the granted permits. */
        boolean claim() {
            return this.claimed.compareAndSet(false, true);
        }

        Waiter(long amount, MonoSink<Void> sink) {
            this.amount = amount;
            this.sink = sink;
        }

    }

}
