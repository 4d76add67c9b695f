package io.github.srboot.streamload;

/**
 * What a row does to a Primary Key table, written as the virtual column {@code __op}.
 */
public enum RowOperation {

    /** Insert the row or replace the row with the same key ({@code __op = 0}). */
    UPSERT(0),

    /** Delete the row with the same key ({@code __op = 1}). */
    DELETE(1);

    private final int code;

    RowOperation(int code) {
        this.code = code;
    }

    /** The value StarRocks expects in {@code __op}. */
    public int code() {
        return this.code;
    }

}
