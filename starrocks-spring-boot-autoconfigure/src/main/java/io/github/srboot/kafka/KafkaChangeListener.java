package io.github.srboot.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import reactor.core.publisher.Mono;

import io.github.srboot.streamload.CdcOptions;
import io.github.srboot.streamload.ChangeRecord;
import io.github.srboot.streamload.ChangeWriter;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * A batch listener that applies change events to StarRocks and commits each partition's offsets only once the
 * loads carrying its records are visible. Run it in a container with {@code AckMode.MANUAL} (the container then
 * commits nothing itself; {@link KafkaChangeContainers} sets this up).
 *
 * <p>Per partition, in offset order, the records are mapped ({@link ChangeEventMapper}), routed
 * ({@link KafkaChangeRoutes}) and cut into runs of consecutive changes of one table and one shape (one load each);
 * each run is one load labelled from its topic, partition and offset range ({@link KafkaLabels}), so a run replayed
 * with the same records is answered {@code Label Already Exists} instead of being loaded twice. A load answered
 * {@code Publish Timeout}, or found already loaded, is waited for until {@code get_load_state} says VISIBLE.
 * Then the partition's offset is committed. When a run fails, the offsets before it are committed, the partition
 * is rewound to it and the listener waits {@code retryBackoff} before the next poll delivers it again.
 */
public final class KafkaChangeListener implements BatchConsumerAwareMessageListener<Object, Object> {

    private static final Log logger = LogFactory.getLog(KafkaChangeListener.class);

    private static final String VISIBLE = "VISIBLE";

    /** States of a label whose transaction may still become visible. */
    private static final Set<String> PENDING = Set.of("COMMITTED", "PREPARE", "PREPARED");

    private final StreamLoadTemplate streamLoad;

    private final ChangeEventMapper mapper;

    private final KafkaChangeRoutes routes;

    private final Settings settings;

    /**
     * A listener loading through {@code streamLoad}.
     */
    public KafkaChangeListener(StreamLoadTemplate streamLoad, ChangeEventMapper mapper, KafkaChangeRoutes routes,
            Settings settings) {
        this.streamLoad = Objects.requireNonNull(streamLoad, "streamLoad");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * How the listener labels loads and waits.
     *
     * @param labelPrefix the prefix of every label (1 to 64 of {@code [0-9A-Za-z_-]}); give each application that
     * loads the same topics into the same tables its own prefix only if it must load them again
     * @param settleTimeout how long a committed load may take to become visible before the batch counts as failed
     * @param pollInterval the wait between two {@code get_load_state} requests
     * @param retryBackoff the wait after a failed batch, before the rewound records are polled again
     */
    public record Settings(String labelPrefix, Duration settleTimeout, Duration pollInterval, Duration retryBackoff) {

        /** Checks the settings. */
        public Settings {
            Objects.requireNonNull(labelPrefix, "labelPrefix");
            requirePositive("settleTimeout", settleTimeout);
            requirePositive("pollInterval", pollInterval);
            if (retryBackoff == null || retryBackoff.isNegative()) {
                throw new IllegalArgumentException("retryBackoff must be zero or positive, got " + retryBackoff);
            }
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }

    }

    @Override
    public void onMessage(List<ConsumerRecord<Object, Object>> records, Consumer<?, ?> consumer) {
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<Object, Object> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    (partition) -> new ArrayList<>()).add(record);
        }
        Map<TopicPartition, OffsetAndMetadata> settled = new LinkedHashMap<>();
        boolean failed = false;
        for (Map.Entry<TopicPartition, List<ConsumerRecord<Object, Object>>> partition : byPartition.entrySet()) {
            Outcome outcome = applyPartition(partition.getKey(), partition.getValue());
            long first = partition.getValue().get(0).offset();
            if (outcome.nextOffset() > first) {
                settled.put(partition.getKey(), new OffsetAndMetadata(outcome.nextOffset()));
            }
            if (outcome.failure() != null) {
                failed = true;
                consumer.seek(partition.getKey(), outcome.nextOffset());
                logger.warn("Changes of " + partition.getKey() + " from offset " + outcome.nextOffset()
                        + " were not applied; they will be delivered again: " + outcome.failure().getMessage(),
                        outcome.failure());
            }
        }
        commit(consumer, settled);
        if (failed && !this.settings.retryBackoff().isZero()) {
            Mono.delay(this.settings.retryBackoff()).block();
        }
    }

    private static void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> settled) {
        if (settled.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(settled);
        }
        catch (CommitFailedException ex) {
            // The partitions were given to another consumer meanwhile: it replays from the last committed offsets,
            // and the labels (or merge_condition) keep the replay from applying anything twice.
            logger.warn("Offsets " + settled + " could not be committed after their loads (the group rebalanced); "
                    + "the new owner replays them: " + ex.getMessage());
        }
        catch (KafkaException ex) {
            logger.warn("Offsets " + settled + " could not be committed after their loads; they will be replayed: "
                    + ex.getMessage(), ex);
        }
    }

    /**
     * Applies one partition's records in offset order.
     * @return the offset to commit (all records before it are visible in StarRocks or skipped), and the failure
     * that stopped the partition, if any
     */
    Outcome applyPartition(TopicPartition partition, List<ConsumerRecord<Object, Object>> records) {
        List<Run> runs = new ArrayList<>();
        long end = records.get(records.size() - 1).offset() + 1;
        RuntimeException mappingFailure = null;
        for (ConsumerRecord<Object, Object> record : records) {
            Optional<SourceChange> change;
            try {
                change = this.mapper.map(record);
            }
            catch (RuntimeException ex) {
                mappingFailure = new IllegalArgumentException("The record at " + DebeziumJsonMapper.where(record)
                        + " cannot be read as a change: " + ex.getMessage(), ex);
                end = record.offset();
                break;
            }
            if (change.isEmpty()) {
                continue;
            }
            String table = this.routes.table(record.topic(), change.get());
            ChangeRecord changeRecord = change.get().change();
            Shape shape = Shape.of(changeRecord);
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.table.equals(table) && last.shape.equals(shape)) {
                last.add(record.offset(), changeRecord);
            }
            else {
                runs.add(new Run(table, shape, record.offset(), changeRecord));
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            try {
                apply(partition, run);
            }
            catch (RuntimeException ex) {
                return new Outcome(run.first, ex);
            }
        }
        return new Outcome(end, mappingFailure);
    }

    private void apply(TopicPartition partition, Run run) {
        String label = KafkaLabels.of(this.settings.labelPrefix(), run.table, partition.topic(),
                partition.partition(), run.first, run.last);
        CdcOptions base = this.routes.options(run.table);
        CdcOptions options = base.toBuilder()
            .maxBatchChanges(run.changes.size())
            .loadOptions(base.loadOptions().withLabel(label))
            .build();
        List<LoadResult> results = new ArrayList<>();
        try (ChangeWriter writer = this.streamLoad.changeWriter(run.table, options)) {
            for (ChangeRecord change : run.changes) {
                results.addAll(writer.write(change));
            }
            results.addAll(writer.flush());
        }
        if (results.size() > 1) {
            // A run is cut so that it makes one load; two loads under one label would drop the second.
            throw new IllegalStateException("The run " + label + " of " + run.changes.size() + " changes made "
                    + results.size() + " loads under one label; this is a bug of the Kafka adapter.");
        }
        for (LoadResult result : results) {
            if (result.status() != LoadStatus.SUCCESS) {
                awaitVisible(run.table, label, result.status());
            }
        }
    }

    /** Waits until StarRocks says the label's transaction is visible. */
    private void awaitVisible(String table, String label, LoadStatus status) {
        Duration interval = this.settings.pollInterval();
        this.streamLoad.loadState(table, label)
            .flatMap((state) -> {
                if (VISIBLE.equals(state)) {
                    return Mono.just(state);
                }
                if (PENDING.contains(state)) {
                    return Mono.empty();
                }
                return Mono.error(new IllegalStateException("The load " + label + " of '" + table + "' ended "
                        + status + " but its label is " + state + " in StarRocks, not VISIBLE."));
            })
            .repeatWhenEmpty((repeats) -> repeats.delayElements(interval))
            .timeout(this.settings.settleTimeout(), Mono.error(() -> new IllegalStateException("The load " + label
                    + " of '" + table + "' ended " + status + " but was not VISIBLE within "
                    + this.settings.settleTimeout() + ".")))
            .block();
    }

    /** Where a partition stopped: the next offset to read and the failure, or {@code null}. */
    record Outcome(long nextOffset, RuntimeException failure) {
    }

    /**
     * What decides which load a change goes into: changes of one shape go into one load (whole rows with the
     * same columns, deletes, partial updates of the same columns).
     */
    record Shape(boolean delete, boolean withValues, Set<String> changedColumns, List<String> keyColumns,
            List<String> valueColumns) {

        static Shape of(ChangeRecord change) {
            Object values = change.values();
            return new Shape(change.operation() == io.github.srboot.streamload.ChangeOperation.DELETE,
                    values != null, change.changedColumns(), List.copyOf(change.key().keySet()), columns(values));
        }

        private static List<String> columns(Object values) {
            if (values == null) {
                return List.of();
            }
            if (values instanceof ObjectNode node) {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                return names;
            }
            if (values instanceof Map<?, ?> map) {
                List<String> names = new ArrayList<>(map.size());
                map.keySet().forEach((name) -> names.add(String.valueOf(name)));
                return names;
            }
            // Records and beans of one class have one set of columns.
            return List.of(values.getClass().getName());
        }

    }

    /** Consecutive changes of one partition for one table and of one shape: one load. */
    private static final class Run {

        final String table;

        final Shape shape;

        final long first;

        long last;

        final List<ChangeRecord> changes = new ArrayList<>();

        Run(String table, Shape shape, long offset, ChangeRecord change) {
            this.table = table;
            this.shape = shape;
            this.first = offset;
            add(offset, change);
        }

        void add(long offset, ChangeRecord change) {
            this.last = offset;
            this.changes.add(change);
        }

    }

}
