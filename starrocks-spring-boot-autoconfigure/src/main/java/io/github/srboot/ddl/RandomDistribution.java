package io.github.srboot.ddl;

/**
 * {@code DISTRIBUTED BY RANDOM [BUCKETS n]}.
 *
 * @param buckets the bucket count, or null for automatic
 */
public record RandomDistribution(Integer buckets) implements DistributionDesc {

    /**
     * Checks the clause.
     */
    public RandomDistribution {
        if (buckets != null && buckets < 1) {
            throw new DdlValidationException("DISTRIBUTED BY RANDOM", "BUCKETS must be positive, got " + buckets);
        }
    }

}
