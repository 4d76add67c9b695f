package io.github.srboot.ddl;

import java.util.List;

/**
 * {@code DISTRIBUTED BY HASH(cols) [BUCKETS n]}.
 *
 * @param columns the distribution columns, at least one
 * @param buckets the bucket count, or null for automatic
 */
public record HashDistribution(List<String> columns, Integer buckets) implements DistributionDesc {

    /**
     * Checks the clause.
     */
    public HashDistribution {
        columns = Lists.names("HASH distribution column", columns);
        if (columns.isEmpty()) {
            throw new DdlValidationException("DISTRIBUTED BY HASH", "needs at least one column");
        }
        if (buckets != null && buckets < 1) {
            throw new DdlValidationException("DISTRIBUTED BY HASH", "BUCKETS must be positive, got " + buckets);
        }
    }

}
