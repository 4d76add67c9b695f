package io.github.srboot.actuate;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code starrocks.alter.wait} observation of each wait for ALTER jobs; declare a bean of this
 * type to replace {@link #DEFAULT}, which tags low-cardinality {@code outcome} and high-cardinality {@code table}.
 */
public interface AlterJobWaitObservationConvention extends ObservationConvention<AlterJobWaitObservationContext> {

    /** The default convention. */
    AlterJobWaitObservationConvention DEFAULT = new AlterJobWaitObservationConvention() {
    };

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof AlterJobWaitObservationContext;
    }

    @Override
    default String getName() {
        return "starrocks.alter.wait";
    }

    @Override
    default String getContextualName(AlterJobWaitObservationContext context) {
        return "starrocks alter wait";
    }

    @Override
    default KeyValues getLowCardinalityKeyValues(AlterJobWaitObservationContext context) {
        return KeyValues.of("outcome", context.getOutcome());
    }

    @Override
    default KeyValues getHighCardinalityKeyValues(AlterJobWaitObservationContext context) {
        String database = context.getWait().database();
        String table = context.getWait().table();
        return KeyValues.of("table", (database != null) ? database + "." + table : table);
    }

}
