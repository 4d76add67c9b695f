package io.github.srboot.streamload.transaction;

/**
 * The operations of StarRocks' transaction Stream Load API ({@code /api/transaction/<operation>}).
 */
public enum TransactionOperation {

    /** Opens the transaction under its label. */
    BEGIN,

    /** Adds rows (repeatable). */
    LOAD,

    /** Makes the loaded rows durable, not yet visible. */
    PREPARE,

    /** Makes the rows visible. */
    COMMIT,

    /** Drops the rows and frees the label. */
    ROLLBACK;

    /** The path segment. */
    String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

}
