package io.github.srboot.actuate;

import io.micrometer.observation.Observation;

import io.github.srboot.streamload.LoadResult;

import org.springframework.lang.Nullable;

/**
 * What a {@code starrocks.stream-load} observation knows about one load: where it goes, its label and format, and
 * once it ended, its outcome and result.
 */
public final class StreamLoadObservationContext extends Observation.Context {

    private final String database;

    private final String table;

    private final String label;

    private final String format;

    /** The reason of a load that did not fail and is not being retried. */
    static final String NO_REASON = "none";

    private String outcome = "unknown";

    private String reason = NO_REASON;

    @Nullable
    private LoadResult result;

    StreamLoadObservationContext(String database, String table, String label, String format) {
        this.database = database;
        this.table = table;
        this.label = label;
        this.format = format;
    }

    public String getDatabase() {
        return this.database;
    }

    public String getTable() {
        return this.table;
    }

    public String getLabel() {
        return this.label;
    }

    public String getFormat() {
        return this.format;
    }

    /**
     * {@code success}, {@code publish_timeout}, {@code already_loaded} (the server's status, lower case),
     * {@code failed}, {@code cancelled}, or {@code unknown} while running.
     */
    public String getOutcome() {
        return this.outcome;
    }

    void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    /**
     * Why the load failed for good ({@code StreamLoadException.Reason}, lower case) once it failed, why it is being
     * retried while it runs, else {@code none}.
     */
    public String getReason() {
        return this.reason;
    }

    void setReason(String reason) {
        this.reason = reason;
    }

    /**
     * The load's result when it succeeded, else {@code null}.
     */
    @Nullable
    public LoadResult getResult() {
        return this.result;
    }

    void setResult(LoadResult result) {
        this.result = result;
    }

}
