package io.github.srboot.streamload;

import java.util.List;

/**
 * A Stream Load that did not succeed, with the label, what the server said and what to do next.
 *
 * <p>When the server rejected rows, {@link #rejectedRows()} holds the first lines of its error log.
 */
public class StreamLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    private final String table;

    private final String label;

    private final String serverStatus;

    private final String serverMessage;

    private final int attempts;

    private final transient List<String> rejectedRows;

    private transient volatile FailedBatch failedBatch;

    /**
     * Creates an exception; the message is composed from the parts.
     */
    public StreamLoadException(Reason reason, String table, String label, String serverStatus, String serverMessage,
            int attempts, List<String> rejectedRows, Throwable cause) {
        super(compose(reason, table, label, serverStatus, serverMessage, attempts, rejectedRows), cause);
        this.reason = reason;
        this.table = table;
        this.label = label;
        this.serverStatus = serverStatus;
        this.serverMessage = serverMessage;
        this.attempts = attempts;
        this.rejectedRows = (rejectedRows != null) ? List.copyOf(rejectedRows) : List.of();
    }

    private static String compose(Reason reason, String table, String label, String serverStatus,
            String serverMessage, int attempts, List<String> rejectedRows) {
        StringBuilder message = new StringBuilder("Stream Load into '").append(table)
            .append((label != null) ? "' (label " + label + ")" : "' (before a label was assigned)")
            .append(" failed after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts")
            .append(": ").append(reason.description);
        if (serverStatus != null) {
            message.append("; status ").append(serverStatus);
        }
        if (serverMessage != null && !serverMessage.isEmpty()) {
            message.append("; server said: ").append(serverMessage);
        }
        if (rejectedRows != null && !rejectedRows.isEmpty()) {
            message.append("; first rejected rows:");
            rejectedRows.forEach((row) -> message.append("\n  ").append(row));
        }
        message.append(". ").append(reason.advice);
        return message.toString();
    }

    /** Why the load failed. */
    public Reason reason() {
        return this.reason;
    }

    /** The table of the load. */
    public String table() {
        return this.table;
    }

    /** The label of the load; a retry by the caller must reuse it to stay exactly-once. */
    public String label() {
        return this.label;
    }

    /** The server's {@code Status} ({@code Fail}, {@code FAILED}, an HTTP status...), or {@code null}. */
    public String serverStatus() {
        return this.serverStatus;
    }

    /** The server's message, or {@code null}. */
    public String serverMessage() {
        return this.serverMessage;
    }

    /** How many requests were made. */
    public int attempts() {
        return this.attempts;
    }

    /**
     * The batch that did not load, for {@link StreamLoadTemplate#retry(FailedBatch)} under the same label; present
     * for batches of {@code stream()} and writers (a single {@code load} is retried by subscribing again).
     */
    public java.util.Optional<FailedBatch> failedBatch() {
        return java.util.Optional.ofNullable(this.failedBatch);
    }

    /** Attaches the batch that failed (once, by the template). */
    StreamLoadException withFailedBatch(FailedBatch batch) {
        if (this.failedBatch == null) {
            this.failedBatch = batch;
        }
        return this;
    }

    /** The first lines of the server's rejected-rows log (empty when none or unavailable). */
    public List<String> rejectedRows() {
        return this.rejectedRows;
    }

    /** The closed set of failure reasons. */
    public enum Reason {

        /** The server refused the load ({@code Fail}/{@code FAILED}); retrying the same data fails again. */
        REJECTED("the server refused the load", "Fix the data or the load options; the label may be reused."),

        /** HTTP 401/403. */
        AUTHENTICATION("the credentials were refused",
                "Check starrocks.username/password and the user's INSERT privilege on the table."),

        /** Transient failures (5xx, connection errors, timeouts, busy server) went on past the retry budget. */
        RETRIES_EXHAUSTED("transient failures outlasted the retries",
                "Check the cluster's health; raise starrocks.stream-load.max-retries if the failures are brief."),

        /** No FE answered. */
        FRONTENDS_UNAVAILABLE("no FE could be reached", "Check starrocks.http.frontends and the FEs' /api/health."),

        /** The server answered something this client cannot interpret (redirect loop, unknown status, bad JSON). */
        PROTOCOL("unexpected answer from the server",
                "Check that starrocks.http.frontends points at StarRocks FE HTTP ports (8030)."),

        /**
         * The server answered {@code Success} (or {@code Publish Timeout}) without having read the whole body or
         * every row: something between the client and the BE (a proxy, a gateway following the redirect) dropped
         * data. The label is spent on what arrived.
         */
        BODY_NOT_RECEIVED("the server committed the load without the whole body",
                "Point starrocks.http.frontends at the FEs (or at a proxy that forwards request bodies); load the"
                        + " rows again under a new label after checking what arrived."),

        /**
         * Nobody knows whether the load committed: its answer was lost and the label's state could not be settled
         * (or the template closed while it ran). Look the label up ({@code GET /api/{db}/get_load_state?label=...})
         * before loading the rows again, and reuse the label if you do.
         */
        OUTCOME_UNKNOWN("the load's outcome is unknown",
                "Look the label up with get_load_state before loading these rows again, and reuse the label."),

        /** The template closed (shutdown timeout passed) before the load was sent: its rows were not loaded. */
        SHUTDOWN("the template closed before the load was sent",
                "Load the rows again after restart, or raise starrocks.stream-load.shutdown-timeout."),

        /**
         * Not sent because an earlier batch of the same writer failed: sending it would make rows visible out of
         * order.
         */
        SKIPPED_AFTER_FAILURE("an earlier batch of the same writer failed, so this one was not sent",
                "Retry the earlier batch first (StreamLoadTemplate.retry), then this one, in order."),

        /**
         * The rows' source failed ({@link #getCause()}); rows it had given that were not loaded are in
         * {@link #failedBatch()}, not sent.
         */
        SOURCE_FAILED("the rows' source failed",
                "Send the failed batch with StreamLoadTemplate.retry, or replay its rows from the source."),

        /** The load could not start on the client side (too large for the in-flight budget, template closed). */
        CLIENT("the client could not run the load", "See the message for the limit involved.");

        private final String description;

        private final String advice;

        Reason(String description, String advice) {
            this.description = description;
            this.advice = advice;
        }

    }

}
