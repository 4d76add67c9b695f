package io.github.srboot.streamload;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by {@link StreamLoadTemplate#close()} when rows offered to the template could not be flushed: it lists each
 * batch left behind at the shutdown timeout, with its label and whether it had been sent (then its outcome is unknown:
 * look the label up before loading the rows again), and carries as suppressed exceptions the writers' loads that
 * failed while they were flushed.
 */
public final class StreamLoadShutdownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Unflushed> unflushed;

    /**
     * Creates the exception for the batches left behind.
     */
    public StreamLoadShutdownException(Duration shutdownTimeout, List<Unflushed> unflushed) {
        super(compose(shutdownTimeout, unflushed));
        this.unflushed = List.copyOf(unflushed);
    }

    private static String compose(Duration shutdownTimeout, List<Unflushed> unflushed) {
        long rows = unflushed.stream().mapToLong((batch) -> Math.max(0, batch.rows())).sum();
        if (unflushed.isEmpty()) {
            return "StreamLoadTemplate closed, but flushing its writers failed (see the suppressed exceptions).";
        }
        StringBuilder message = new StringBuilder("StreamLoadTemplate closed after the shutdown timeout of ")
            .append(shutdownTimeout)
            .append(" with ")
            .append(unflushed.size())
            .append(" batch(es), ")
            .append(rows)
            .append(" row(s), not known to be loaded:");
        for (Unflushed batch : unflushed) {
            message.append("\n  ").append(batch);
        }
        return message.toString();
    }

    /** The batches left behind. */
    public List<Unflushed> unflushed() {
        return this.unflushed;
    }

    /** Rows left behind in all batches (pre-encoded bodies count none). */
    public long unflushedRows() {
        return this.unflushed.stream().mapToLong((batch) -> Math.max(0, batch.rows())).sum();
    }

    /**
     * One batch left behind at shutdown.
     *
     * @param table the table
     * @param label its label
     * @param rows its rows, or {@code -1} for a pre-encoded body
     * @param sent whether it had been sent (then it may have committed: look the label up)
     */
    public record Unflushed(String table, String label, int rows, boolean sent) {

        @Override
        public String toString() {
            return "'" + this.table + "' label " + this.label + ", " + ((this.rows >= 0) ? this.rows : "?")
                    + " row(s), " + (this.sent ? "sent, outcome unknown" : "never sent");
        }

    }

}
