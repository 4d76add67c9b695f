package io.github.srboot.ddl;

/**
 * The {@code DISTRIBUTED BY} clause.
 */
public sealed interface DistributionDesc permits HashDistribution, RandomDistribution {

    /**
     * The bucket count.
     * @return the count, or null when not written (automatic bucketing)
     */
    Integer buckets();

}
