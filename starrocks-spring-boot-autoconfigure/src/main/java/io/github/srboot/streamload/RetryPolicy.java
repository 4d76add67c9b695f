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
     * This policy as Reactor's {@code Retry}, the one retry mechanism of every Stream Load path that repeats a request
     * (loads, transaction operations), so that {@code starrocks.stream-load.max-retries} bounds them all: failures
     * {@code filter} accepts are retried at most {@code maxRetries} times after {@link #delay} (the busy backoff for
     * those {@code busy} accepts); {@code beforeRetry} hears of each retry before its wait. Other failures, and the
     * last one once the retries are spent, pass on as they are.
     */
    public reactor.util.retry.Retry retrying(java.util.function.Predicate<? super Throwable> filter,
            java.util.function.Predicate<? super Throwable> busy, RetryListener beforeRetry) {
        return reactor.util.retry.Retry.from((signals) -> signals.concatMap((signal) -> {
            Throwable failure = signal.failure();
            long retry = signal.totalRetries() + 1;
            if (!filter.test(failure) || retry > this.maxRetries) {
                return reactor.core.publisher.Mono.error(failure);
            }
            Duration wait = delay((int) retry, busy.test(failure),
                    java.util.concurrent.ThreadLocalRandom.current().nextDouble());
            beforeRetry.retrying(failure, (int) retry, wait);
            return reactor.core.publisher.Mono.delay(wait);
        }));
    }

    /** Told of each retry: the failure, the retry's number (1-based) and the wait before it. */
    @FunctionalInterface
    public interface RetryListener {

        /** Does nothing. */
        RetryListener NONE = (failure, retry, wait) -> {
        };

        void retrying(Throwable failure, int retry, Duration wait);

    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The retry " + name + " must be positive, got " + value);
        }
    }

}
