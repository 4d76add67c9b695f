package io.github.srboot.streamload;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Optional listener of the template's loads (metrics, tracing, audit). Called on I/O threads: keep it fast and
 * never block.
 */
public interface StreamLoadObserver {

    /** An observer that ignores everything. */
    StreamLoadObserver NONE = new StreamLoadObserver() {
    };

    /**
     * An observer that forwards every call to each of {@code observers}, in order.
     */
    static StreamLoadObserver composite(java.util.List<? extends StreamLoadObserver> observers) {
        java.util.List<StreamLoadObserver> all = java.util.List.copyOf(observers);
        return new StreamLoadObserver() {

            @Override
            public void loadStarting(String database, String table, String label, String format) {
                all.forEach((observer) -> observer.loadStarting(database, table, label, format));
            }

            @Override
            public void loadCancelled(String table, String label) {
                all.forEach((observer) -> observer.loadCancelled(table, label));
            }

            @Override
            public void loadSucceeded(LoadResult result) {
                all.forEach((observer) -> observer.loadSucceeded(result));
            }

            @Override
            public void loadFailed(String table, StreamLoadException failure, Duration elapsed) {
                all.forEach((observer) -> observer.loadFailed(table, failure, elapsed));
            }

            @Override
            public void retrying(String table, String label, RetryReason reason, int nextAttempt) {
                all.forEach((observer) -> observer.retrying(table, label, reason, nextAttempt));
            }

            @Override
            public void unflushedAtShutdown(String table, String label, int rows, boolean sent) {
                all.forEach((observer) -> observer.unflushedAtShutdown(table, label, rows, sent));
            }

            @Override
            public void bindInFlightBytes(LongSupplier inFlightBytes) {
                all.forEach((observer) -> observer.bindInFlightBytes(inFlightBytes));
            }

        };
    }

    /**
     * A load (one labelled batch, with all its retries) starts; it ends with exactly one of
     * {@link #loadSucceeded}, {@link #loadFailed} or {@link #loadCancelled}, which carry the same label.
     * @param format the {@code format} header sent ({@code json}, {@code csv}, or a compressed CSV format)
     */
    default void loadStarting(String database, String table, String label, String format) {
    }

    /** The load's subscriber cancelled it before an outcome was known. */
    default void loadCancelled(String table, String label) {
    }

    /** A load succeeded (including {@code Publish Timeout} and an already committed label). */
    default void loadSucceeded(LoadResult result) {
    }

    /** A load failed for good. */
    default void loadFailed(String table, StreamLoadException failure, Duration elapsed) {
    }

    /** An attempt failed transiently and is retried with the same label. */
    default void retrying(String table, String label, RetryReason reason, int nextAttempt) {
    }

    /**
     * A batch was left behind when the template closed after its shutdown timeout ({@code rows} is {@code -1} for a
     * pre-encoded body; {@code sent}: its outcome is unknown).
     */
    default void unflushedAtShutdown(String table, String label, int rows, boolean sent) {
    }

    /** Called once at construction with a live view of the bytes held by batches (encoding, queued, loading). */
    default void bindInFlightBytes(LongSupplier inFlightBytes) {
    }

    /** Why an attempt is retried. */
    enum RetryReason {

        /** HTTP 5xx. */
        SERVER_ERROR,

        /** Connection refused, reset or closed early. */
        CONNECTION,

        /** No answer within the response timeout. */
        TIMEOUT,

        /** {@code too many versions} or the running transaction limit. */
        SERVER_BUSY,

        /**
         * The server refused before beginning a transaction and said to try again: BE HTTP workers all busy, BE
         * shutting down, no BE alive.
         */
        SERVER_UNAVAILABLE,

        /** Every FE is ejected and none answered a health probe. */
        NO_FRONTEND,

        /** An earlier attempt with this label was aborted, so the label is free again. */
        LABEL_ABORTED

    }

}
