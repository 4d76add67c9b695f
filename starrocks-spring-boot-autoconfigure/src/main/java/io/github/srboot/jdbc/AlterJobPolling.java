package io.github.srboot.jdbc;

import java.time.Duration;

/**
 * How {@link StarRocksTemplate} waits for asynchronous ALTER jobs: how often it polls {@code SHOW ALTER TABLE} and
 * how long it waits (also for a running schema change before retrying a statement the server refused).
 *
 * @param pollInterval pause between two polls, positive (a zero pause would hammer the FE for the whole timeout)
 * @param timeout how long to wait before failing, zero or positive
 */
public record AlterJobPolling(Duration pollInterval, Duration timeout) {

    /** Poll once a second, like {@code starrocks.schema.alter-poll-interval}'s default. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /** Wait up to 30 minutes, like {@code starrocks.schema.alter-timeout}'s default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public AlterJobPolling {
        requireNotNegative("pollInterval", pollInterval);
        if (pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
        }
        requireNotNegative("timeout", timeout);
    }

    /**
     * The defaults: poll every second, wait up to 30 minutes.
     */
    public static AlterJobPolling defaults() {
        return new AlterJobPolling(DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT);
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, got " + value);
        }
    }

}
