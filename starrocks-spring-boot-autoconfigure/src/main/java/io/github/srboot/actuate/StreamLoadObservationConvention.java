package io.github.srboot.actuate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code starrocks.stream-load} observation; declare a bean of this type to replace
 * {@link DefaultStreamLoadObservationConvention}.
 */
public interface StreamLoadObservationConvention extends ObservationConvention<StreamLoadObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof StreamLoadObservationContext;
    }

}
