package io.github.srboot.streamload.transaction;

/**
 * A transaction Stream Load operation that did not succeed, with the label, the operation, what the server said
 * and whether the outcome is unknown (the request may or may not have been applied).
 */
public class StreamLoadTransactionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String table;

    private final String label;

    private final TransactionOperation operation;

    private final String serverStatus;

    private final String serverMessage;

    private final String existingJobStatus;

    private final boolean outcomeUnknown;

    /**
     * Creates an exception; the message is composed from the parts.
     */
    public StreamLoadTransactionException(String table, String label, TransactionOperation operation,
            String serverStatus, String serverMessage, String existingJobStatus, boolean outcomeUnknown,
            Throwable cause) {
        super(compose(table, label, operation, serverStatus, serverMessage, existingJobStatus, outcomeUnknown),
                cause);
        this.table = table;
        this.label = label;
        this.operation = operation;
        this.serverStatus = serverStatus;
        this.serverMessage = serverMessage;
        this.existingJobStatus = existingJobStatus;
        this.outcomeUnknown = outcomeUnknown;
    }

    private static String compose(String table, String label, TransactionOperation operation, String serverStatus,
            String serverMessage, String existingJobStatus, boolean outcomeUnknown) {
        StringBuilder message = new StringBuilder("Transaction ").append(operation).append(" of label ").append(label)
            .append(" on '").append(table).append("' ");
        message.append(outcomeUnknown ? "has an unknown outcome (no answer)" : "failed");
        if (serverStatus != null) {
            message.append("; status ").append(serverStatus);
        }
        if (existingJobStatus != null) {
            message.append(" (existing job ").append(existingJobStatus).append(')');
        }
        if (serverMessage != null && !serverMessage.isEmpty()) {
            message.append("; server said: ").append(serverMessage);
        }
        message.append(". ").append(advice(operation, serverStatus, outcomeUnknown));
        return message.toString();
    }

    private static String advice(TransactionOperation operation, String serverStatus, boolean outcomeUnknown) {
        if ("LABEL_ALREADY_EXISTS".equals(serverStatus)) {
            return "The label was used before: after a restart, run StreamLoadTemplate.recover(...) to finish or "
                    + "abort leftover transactions, and skip a checkpoint whose label is already VISIBLE.";
        }
        if (outcomeUnknown && operation == TransactionOperation.LOAD) {
            return "The rows may or may not be in the transaction: roll it back and load the batch again.";
        }
        if (outcomeUnknown) {
            return "Ask again (commit, prepare and rollback may be repeated) or look the label up with loadState.";
        }
        return "Roll the transaction back (or let it time out) and begin again.";
    }

    /** The table. */
    public String table() {
        return this.table;
    }

    /** The transaction's label. */
    public String label() {
        return this.label;
    }

    /** The operation that failed. */
    public TransactionOperation operation() {
        return this.operation;
    }

    /** The server's {@code Status} ({@code FAILED}, {@code LABEL_ALREADY_EXISTS}...), or {@code null}. */
    public String serverStatus() {
        return this.serverStatus;
    }

    /** The server's message, or {@code null}. */
    public String serverMessage() {
        return this.serverMessage;
    }

    /** {@code ExistingJobStatus} with {@code LABEL_ALREADY_EXISTS}, or {@code null}. */
    public String existingJobStatus() {
        return this.existingJobStatus;
    }

    /** Whether no answer came, so the operation may or may not have been applied. */
    public boolean outcomeUnknown() {
        return this.outcomeUnknown;
    }

}
