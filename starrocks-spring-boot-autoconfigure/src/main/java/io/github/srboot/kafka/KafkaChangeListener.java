package io.github.srboot.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.ChangeWriter;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * A batch listener that applies change events to StarRocks and commits each partition's offsets only once the
 * loads carrying its records are visible. Run it in a container with {@code AckMode.MANUAL} (the container then
 * commits nothing itself; {@link KafkaChangeContainers} sets this up).
 *
 * <p>Per partition, the records are mapped ({@link ChangeEventMapper}) and routed ({@link KafkaChangeRoutes}) in
 * offset order; each table's changes of the batch are applied as one CDC batch (compacted per key, then its loads
 * one after the other, as {@link StreamLoadTemplate#changeWriter} does), tables in the order they first appear.
 * A load answered {@code Publish Timeout} or settled by its label after a lost answer is waited for until
 * {@code get_load_state} says VISIBLE. Then the partition's offset is committed. When a table's batch fails, the
 * offsets before the first record of that table (or of any table not yet applied) are committed, the partition is
 * rewound there and the listener waits {@code retryBackoff} before the next poll delivers the records again.
 *
 * <p>Replays (after a failure, a crash before the commit, or a rebalance) therefore re-deliver, in offset order,
 * everything from a committed offset on. They are harmless on the CDC tables because every upsert carries
 * {@code merge_condition} on the version column (see {@code docs/kafka.md} for what holds per delete mode).
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
     * @param labelPrefix the prefix of the load labels (1 to 64 of {@code [0-9A-Za-z_-]}) of tables whose CDC
     * options set none
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
     * Applies one partition's records.
     * @return the offset to commit (all records before it are visible in StarRocks or skipped), and the failure
     * that stopped the partition, if any
     */
    Outcome applyPartition(TopicPartition partition, List<ConsumerRecord<Object, Object>> records) {
        Map<String, TableBatch> tables = new LinkedHashMap<>();
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
            if (change.isPresent()) {
                String table = this.routes.table(record.topic(), change.get());
                tables.computeIfAbsent(table, (name) -> new TableBatch(name, record.offset()))
                    .changes.add(change.get().change());
            }
        }
        List<TableBatch> batches = new ArrayList<>(tables.values());
        for (int i = 0; i < batches.size(); i++) {
            try {
                apply(batches.get(i));
            }
            catch (RuntimeException ex) {
                long rewind = end;
                for (TableBatch unapplied : batches.subList(i, batches.size())) {
                    rewind = Math.min(rewind, unapplied.first);
                }
                return new Outcome(rewind, new IllegalStateException("The changes of " + partition + " for table '"
                        + batches.get(i).table + "' from offset " + batches.get(i).first + " failed to load: "
                        + ex.getMessage(), ex));
            }
        }
        return new Outcome(end, mappingFailure);
    }

    private void apply(TableBatch batch) {
        CdcOptions base = this.routes.options(batch.table);
        CdcOptions options = base.toBuilder()
            .maxBatchChanges(batch.changes.size())
            .loadOptions((base.loadOptions().labelPrefix() != null) ? base.loadOptions()
                    : base.loadOptions().withLabelPrefix(this.settings.labelPrefix()))
            .build();
        List<LoadResult> results = new ArrayList<>();
        try (ChangeWriter writer = this.streamLoad.changeWriter(batch.table, options)) {
            for (ChangeRecord change : batch.changes) {
                results.addAll(writer.write(change));
            }
            results.addAll(writer.flush());
        }
        for (LoadResult result : results) {
            if (result.status() != LoadStatus.SUCCESS) {
                awaitVisible(batch.table, result.label(), result.status());
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

    /** One table's changes of one partition's batch, in offset order. */
    private static final class TableBatch {

        final String table;

        /** The offset of the table's first record in the batch. */
        final long first;

        final List<ChangeRecord> changes = new ArrayList<>();

        TableBatch(String table, long first) {
            this.table = table;
            this.first = first;
        }

    }

}
