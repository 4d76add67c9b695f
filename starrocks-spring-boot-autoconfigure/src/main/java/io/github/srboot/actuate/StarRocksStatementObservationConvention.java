package io.github.srboot.actuate;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code starrocks.ddl} observation of each {@code StarRocksTemplate} statement; declare a bean
 * of this type to replace {@link #DEFAULT}, which tags low-cardinality {@code operation} and {@code outcome}, and
 * high-cardinality {@code object} and {@code db.statement} (the SQL with its secrets redacted).
 */
public interface StarRocksStatementObservationConvention
        extends ObservationConvention<StarRocksStatementObservationContext> {

    /** The default convention. */
    StarRocksStatementObservationConvention DEFAULT = new StarRocksStatementObservationConvention() {
    };

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof StarRocksStatementObservationContext;
    }

    @Override
    default String getName() {
        return "starrocks.ddl";
    }

    @Override
    default String getContextualName(StarRocksStatementObservationContext context) {
        return "starrocks " + context.getStatement().operation();
    }

    @Override
    default KeyValues getLowCardinalityKeyValues(StarRocksStatementObservationContext context) {
        return KeyValues.of("operation", context.getStatement().operation(), "outcome", context.getOutcome());
    }

    @Override
    default KeyValues getHighCardinalityKeyValues(StarRocksStatementObservationContext context) {
        String database = context.getStatement().database();
        String object = context.getStatement().object();
        String target = (object == null) ? "" : (database != null) ? database + "." + object : object;
        return KeyValues.of("object", target, "db.statement", context.getStatement().sql());
    }

}
