package io.github.srboot.kafka;

import java.util.List;

import org.apache.kafka.common.TopicPartition;

import io.github.srboot.streamload.LoadResult;

/**
 * Hears what a {@link KafkaChangeListener} applied and settled, for metrics ({@code KafkaChangeMetrics} in package
 * {@code actuate} counts changes and loads and tracks settled offsets and lag). Called on the listener's consumer
 * thread; implementations must be quick and thread-safe (one listener serves every consumer of its container).
 */
public interface KafkaChangeObserver {

    /** An observer that does nothing. */
    KafkaChangeObserver NONE = new KafkaChangeObserver() {
    };

    /**
     * One table's changes of one partition's batch are visible in StarRocks.
     * @param changes the changes of the batch for the table (before compaction)
     * @param results the results of its loads
     * @param alreadyApplied whether StarRocks recognised every load's label as committed before (a replay of a
     * batch that an earlier attempt applied), so that nothing was loaded again
     */
    default void batchApplied(TopicPartition partition, String table, int changes, List<LoadResult> results,
            boolean alreadyApplied) {
    }

    /** One table's changes of one partition's batch failed to load; the partition will be delivered again. */
    default void batchFailed(TopicPartition partition, String table, int changes, RuntimeException failure) {
    }

    /**
     * A partition's offset was committed after the records before it were visible.
     * @param lag the records of the partition after {@code offset} (its end offset minus {@code offset}), or -1 when
     * the consumer does not know its end yet
     */
    default void offsetSettled(TopicPartition partition, long offset, long lag) {
    }

}
