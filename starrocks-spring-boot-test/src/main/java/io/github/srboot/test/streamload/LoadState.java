package io.github.srboot.test.streamload;

/**
 * The state of a load or transaction by label, as {@code GET /api/{db}/get_load_state} reports it.
 */
public enum LoadState {

    /** Begun, receiving data. */
    PREPARE,

    /** A transaction whose data is durable but not visible ({@code /api/transaction/prepare}). */
    PREPARED,

    /** Committed, not yet visible (after {@code Publish Timeout}). */
    COMMITTED,

    /** Committed and visible. */
    VISIBLE,

    /** Failed or rolled back; the label may be used again. */
    ABORTED,

    /** No load with this label. */
    UNKNOWN;

    /**
     * Whether a load in this state still holds its label ({@code Label Already Exists}).
     */
    boolean holdsLabel() {
        return this != ABORTED && this != UNKNOWN;
    }

    /**
     * {@code ExistingJobStatus} of a {@code Label Already Exists} answer: FINISHED once committed, else RUNNING.
     */
    String existingJobStatus() {
        return (this == COMMITTED || this == VISIBLE) ? "FINISHED" : "RUNNING";
    }

}
