package io.github.srboot.streamload;

/**
 * How a successful load ended. Failures are never a status: they are a {@link StreamLoadException}.
 */
public enum LoadStatus {

    /** The server answered {@code Success}: the rows are committed and visible. */
    SUCCESS,

    /** The server answered {@code Publish Timeout}: committed, visible a little later. Never retried. */
    PUBLISH_TIMEOUT,

    /**
     * The label was already used by an earlier attempt of this same batch (whose answer was lost) and that attempt
     * committed; the row counters then come from this attempt's answer and may be zero.
     */
    ALREADY_LOADED

}
