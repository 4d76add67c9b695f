package io.github.srboot.streamload;

import java.time.Duration;

/**
 * When {@code stream} and writers cut a load: whichever of rows, bytes (before compression) or age comes first.
 *
 * @param maxRows rows per load
 * @param maxBytes encoded bytes per load
 * @param maxInterval how long a non-empty batch may wait for more rows
 */
public record BatchPolicy(int maxRows, long maxBytes, Duration maxInterval) {

    /** The library's defaults: 500,000 rows, 64 MiB or 5 seconds. */
    public static final BatchPolicy DEFAULT = new BatchPolicy(500_000, 64L * 1024 * 1024, Duration.ofSeconds(5));

    /**
     * Validates the limits.
     */
    public BatchPolicy {
        if (maxRows < 1) {
            throw new IllegalArgumentException("batch max-rows must be at least 1, got " + maxRows);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("batch max-bytes must be at least 1, got " + maxBytes);
        }
        if (maxInterval == null || maxInterval.isNegative() || maxInterval.isZero()) {
            throw new IllegalArgumentException("batch max-interval must be positive, got " + maxInterval);
        }
    }

}
