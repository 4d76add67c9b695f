package io.github.srboot.actuate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;

import io.github.srboot.kafka.KafkaChangeObserver;
import io.github.srboot.streamload.LoadResult;

/**
 * Micrometer meters of the Kafka change listener: {@code starrocks.kafka.changes} (by topic, table and outcome
 * {@code applied}, {@code already-applied} or {@code failed}), {@code starrocks.kafka.loads} (by topic, table and
 * status), and per partition the gauges {@code starrocks.kafka.settled-offset} (the last committed offset) and
 * {@code starrocks.kafka.lag} (records after it, not yet visible in StarRocks; -1 until the consumer knows the end).
 */
public final class KafkaChangeMetrics implements KafkaChangeObserver {

    private static final String PREFIX = "starrocks.kafka.";

    private final MeterRegistry registry;

    private final Map<TopicPartition, Offsets> partitions = new ConcurrentHashMap<>();

    /** Meters registered in {@code registry}. */
    public KafkaChangeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void batchApplied(TopicPartition partition, String table, int changes, List<LoadResult> results,
            boolean alreadyApplied) {
        changes(partition, table, alreadyApplied ? "already-applied" : "applied").increment(changes);
        for (LoadResult result : results) {
            Counter.builder(PREFIX + "loads")
                .tag("topic", partition.topic())
                .tag("table", table)
                .tag("status", result.status().name().toLowerCase(Locale.ROOT))
                .register(this.registry)
                .increment();
        }
    }

    @Override
    public void batchFailed(TopicPartition partition, String table, int changes, RuntimeException failure) {
        changes(partition, table, "failed").increment(changes);
    }

    @Override
    public void offsetSettled(TopicPartition partition, long offset, long lag) {
        Offsets offsets = this.partitions.computeIfAbsent(partition, this::register);
        offsets.settled.set(offset);
        offsets.lag.set(lag);
    }

    private Counter changes(TopicPartition partition, String table, String outcome) {
        return Counter.builder(PREFIX + "changes")
            .tag("topic", partition.topic())
            .tag("table", table)
            .tag("outcome", outcome)
            .register(this.registry);
    }

    private Offsets register(TopicPartition partition) {
        Offsets offsets = new Offsets();
        String number = Integer.toString(partition.partition());
        Gauge.builder(PREFIX + "settled-offset", offsets.settled, AtomicLong::get)
            .tag("topic", partition.topic())
            .tag("partition", number)
            .register(this.registry);
        Gauge.builder(PREFIX + "lag", offsets.lag, AtomicLong::get)
            .tag("topic", partition.topic())
            .tag("partition", number)
            .register(this.registry);
        return offsets;
    }

    /** The last settled offset and lag of one partition. */
    private static final class Offsets {

        final AtomicLong settled = new AtomicLong(-1);

        final AtomicLong lag = new AtomicLong(-1);

    }

}
