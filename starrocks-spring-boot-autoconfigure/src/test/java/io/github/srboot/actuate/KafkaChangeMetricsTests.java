package io.github.srboot.actuate;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KafkaChangeMetrics}: changes and loads counted by topic, table and outcome, settled offsets and lag per
 * partition.
 */
class KafkaChangeMetricsTests {

    private static final TopicPartition PARTITION = new TopicPartition("dbserver1.inventory.accounts", 2);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final KafkaChangeMetrics metrics = new KafkaChangeMetrics(this.registry);

    /** A load's result as the client reports it (no server answer is imitated: only the status matters here). */
    private static LoadResult result(LoadStatus status) {
        return new LoadResult("shop", "accounts", "kafka_accounts_b-0", 7, status, "", 3, 3, 0, 0, 10,
                new LoadResult.ServerTimings(-1, -1, -1, -1, -1, -1), null, 1, Duration.ZERO, null, null);
    }

    private double counter(String name, String tag, String value) {
        return this.registry.get(name).tag("topic", PARTITION.topic()).tag("table", "accounts").tag(tag, value)
            .counter().count();
    }

    @Test
    void changesAndLoadsAreCountedByOutcome() {
        this.metrics.batchApplied(PARTITION, "accounts", 6, List.of(result(LoadStatus.SUCCESS),
                result(LoadStatus.PUBLISH_TIMEOUT)), false);
        this.metrics.batchApplied(PARTITION, "accounts", 6, List.of(result(LoadStatus.ALREADY_LOADED)), true);
        this.metrics.batchFailed(PARTITION, "accounts", 4, new IllegalStateException("injected"));

        assertThat(counter("starrocks.kafka.changes", "outcome", "applied")).isEqualTo(6);
        assertThat(counter("starrocks.kafka.changes", "outcome", "already-applied")).isEqualTo(6);
        assertThat(counter("starrocks.kafka.changes", "outcome", "failed")).isEqualTo(4);
        assertThat(counter("starrocks.kafka.loads", "status", "success")).isEqualTo(1);
        assertThat(counter("starrocks.kafka.loads", "status", "publish_timeout")).isEqualTo(1);
        assertThat(counter("starrocks.kafka.loads", "status", "already_loaded")).isEqualTo(1);
    }

    @Test
    void settledOffsetAndLagArePerPartitionGauges() {
        this.metrics.offsetSettled(PARTITION, 120, 30);
        this.metrics.offsetSettled(PARTITION, 150, 0);
        this.metrics.offsetSettled(new TopicPartition(PARTITION.topic(), 0), 9, -1);

        assertThat(this.registry.get("starrocks.kafka.settled-offset").tag("partition", "2").gauge().value())
            .isEqualTo(150);
        assertThat(this.registry.get("starrocks.kafka.lag").tag("partition", "2").gauge().value()).isZero();
        assertThat(this.registry.get("starrocks.kafka.lag").tag("partition", "0").gauge().value()).isEqualTo(-1);
    }

}
