package io.github.srboot.streamload;

import java.time.Duration;

/**
 * How transient failures are retried (always with the same label): exponential backoff with jitter, and a longer
 * backoff when the server says it is busy ({@code too many versions}, running transaction limit).
 *
 * @param maxRetries retries after the first attempt
 * @param initialBackoff the first delay
 * @param maxBackoff the longest delay for ordinary failures
 * @param busyBackoff the first delay when the server is busy (doubles per retry)
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration busyBackoff) {

    /** The library's defaults: 3 retries, 500 ms doubling up to 10 s, 5 s when busy. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10),
            Duration.ofSeconds(5));

    /**
     * Validates the settings.
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max-retries cannot be negative, got " + maxRetries);
        }
        requirePositive("initial backoff", initialBackoff);
        requirePositive("max backoff", maxBackoff);
        requirePositive("busy backoff", busyBackoff);
    }

    /**
     * The delay before retry number {@code retry} (1-based), with up to 50% jitter.
     */
    Duration delay(int retry, boolean busy, double random) {
        long base = busy ? this.busyBackoff.toMillis() : this.initialBackoff.toMillis();
        long cap = busy ? Math.max(this.maxBackoff.toMillis(), this.busyBackoff.toMillis() * 8)
                : this.maxBackoff.toMillis();
        long exponential = base << Math.min(retry - 1, 20);
        long delay = Math.min(cap, (exponential <= 0) ? cap : exponential);
        return Duration.ofMillis(Math.max(1, (long) (delay * (0.5 + random / 2))));
    }

    /**
     * This policy as Reactor's {@code Retry} for the failures {@code filter} accepts: {@code maxRetries} retries with
     * this policy's exponential backoff (from the initial backoff up to the max backoff, with up to 50% jitter); once
     * they are spent, the last failure passes on as it is. The retry of every Stream Load path that repeats a request
     * (loads count their attempts with {@link #delay}, transactions use this), so that
     * {@code starrocks.stream-load.max-retries} bounds them all.
     */
    reactor.util.retry.RetryBackoffSpec retrying(java.util.function.Predicate<? super Throwable> filter) {
        return reactor.util.retry.Retry.backoff(this.maxRetries, this.initialBackoff)
            .maxBackoff(this.maxBackoff)
            .jitter(0.5)
            .filter(filter)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The retry " + name + " must be positive, got " + value);
        }
    }

}
