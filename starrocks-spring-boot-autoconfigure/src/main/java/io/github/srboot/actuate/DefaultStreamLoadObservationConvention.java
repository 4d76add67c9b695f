package io.github.srboot.actuate;

import io.micrometer.common.KeyValues;

/**
 * The default {@code starrocks.stream-load} convention: low-cardinality {@code table}, {@code format},
 * {@code outcome}, {@code reason}; high-cardinality {@code label} and {@code database}.
 */
public class DefaultStreamLoadObservationConvention implements StreamLoadObservationConvention {

    /** The observation's name. */
    public static final String NAME = "starrocks.stream-load";

    /** The key of the failure or retry reason. */
    public static final String REASON = "reason";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(StreamLoadObservationContext context) {
        return "stream load " + context.getTable();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(StreamLoadObservationContext context) {
        return KeyValues.of("table", context.getTable(), "format", context.getFormat(), "outcome",
                context.getOutcome(), REASON, context.getReason());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(StreamLoadObservationContext context) {
        return KeyValues.of("label", context.getLabel(), "database", context.getDatabase());
    }

}
