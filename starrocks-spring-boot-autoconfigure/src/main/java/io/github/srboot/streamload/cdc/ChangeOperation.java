package io.github.srboot.streamload.cdc;

/**
 * What a source change did to a row: insert, update or delete, as CDC sources (Debezium, logical replication,
 * outbox relays) report it.
 */
public enum ChangeOperation {

    /** A new row; written as an upsert ({@code __op = 0}). */
    INSERT(0),

    /** A changed row; written as an upsert, or a partial update when the record names its changed columns. */
    UPDATE(1),

    /** A removed row; a hard delete ({@code __op = 1}) or a soft delete, as {@link CdcOptions} says. */
    DELETE(2);

    private final int auditCode;

    ChangeOperation(int auditCode) {
        this.auditCode = auditCode;
    }

    /** The value written to the operation audit column ({@code _sr_op_type}): 0, 1 or 2. */
    public int auditCode() {
        return this.auditCode;
    }

}
