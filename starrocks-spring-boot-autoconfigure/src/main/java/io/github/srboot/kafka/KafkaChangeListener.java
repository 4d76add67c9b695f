package io.github.srboot.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
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
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * A batch listener that applies change events to StarRocks exactly once and commits each partition's offsets only
 * once the loads carrying its records are visible. Run it in a container with {@code AckMode.MANUAL} (the container
 * then commits nothing itself; {@link KafkaChangeContainers} sets this up).
 *
 * <p>Per partition of a poll, the records are mapped ({@link ChangeEventMapper}) and routed
 * ({@link KafkaChangeRoutes}) in offset order. Before anything is loaded, the partition's current offset is committed
 * again with the batch's last offset in its metadata: the range of the batch is then on record, so that whoever
 * replays the partition from that offset (this consumer after a failure, another one after a crash or a rebalance)
 * re-forms the same range. Each table's changes of the range are applied as one CDC batch through
 * {@link StreamLoadTemplate#applyChangeBatch} under labels derived from topic, partition and range
 * ({@link #batchId}), tables in the order they first appear: a replayed load whose label StarRocks holds as
 * committed is not loaded again, and the several loads of one table's batch are all-or-nothing. A load answered
 * {@code Publish Timeout} or settled by its label is waited for until {@code get_load_state} says VISIBLE. Then
 * the offset after the range is committed. When a table's batch fails, the partition is rewound to the start of the
 * range and the listener waits {@code retryBackoff} before the next poll delivers it again.
 *
 * <p>Labels are kept by StarRocks only for a while ({@code label_keep_max_second}, {@code label_keep_max_num}):
 * they protect the short window between "visible" and "offset committed". What protects everything before it is
 * the committed offset; a replay older than the label window is loaded again, which {@code merge_condition} on the
 * version column makes harmless for ordered CDC tables (see {@code docs/kafka.md}).
 */
public final class KafkaChangeListener implements BatchConsumerAwareMessageListener<Object, Object> {

    private static final Log logger = LogFactory.getLog(KafkaChangeListener.class);

    private static final String VISIBLE = "VISIBLE";

    /** The name of the observation of one table's changes of one partition's batch. */
    public static final String OBSERVATION = "starrocks.kafka.batch";

    /**
     * The metadata of an offset committed before its batch is loaded: this prefix, then the batch's last offset. A
     * replay from that offset re-forms the same range, so its loads get the same labels.
     */
    static final String INTENT = "srboot-batch-last=";

    /** Polls that may start a replay without reaching its range's end before the shorter range is applied. */
    private static final int MAX_INCOMPLETE_REPLAYS = 3;

    /** States of a label whose transaction may still become visible. */
    private static final Set<String> PENDING = Set.of("COMMITTED", "PREPARE", "PREPARED");

    private final StreamLoadTemplate streamLoad;

    private final ChangeEventMapper mapper;

    private final KafkaChangeRoutes routes;

    private final Settings settings;

    private final KafkaChangeObserver observer;

    private final ObservationRegistry observations;

    /** Polls of each partition that started a replay without reaching the end of its range. */
    private final Map<TopicPartition, Integer> incompleteReplays = new ConcurrentHashMap<>();

    /**
     * A listener loading through {@code streamLoad}, without metrics or observations.
     */
    public KafkaChangeListener(StreamLoadTemplate streamLoad, ChangeEventMapper mapper, KafkaChangeRoutes routes,
            Settings settings) {
        this(streamLoad, mapper, routes, settings, KafkaChangeObserver.NONE, ObservationRegistry.NOOP);
    }

    /**
     * A listener loading through {@code streamLoad} that reports to {@code observer} and observes each table batch
     * as a {@code starrocks.kafka.batch} observation in {@code observations}.
     */
    public KafkaChangeListener(StreamLoadTemplate streamLoad, ChangeEventMapper mapper, KafkaChangeRoutes routes,
            Settings settings, KafkaChangeObserver observer, ObservationRegistry observations) {
        this.streamLoad = Objects.requireNonNull(streamLoad, "streamLoad");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    /**
     * How the listener labels loads and waits.
     *
     * @param labelPrefix the prefix of the load labels (1 to 64 of {@code [0-9A-Za-z-]}, no {@code _}) of tables
     * whose CDC options set none
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
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = consumer.committed(byPartition.keySet());
        }
        catch (KafkaException ex) {
            rewindAll(consumer, byPartition, "their committed offsets could not be read", ex);
            return;
        }
        Map<TopicPartition, PartitionBatch> batches = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> intents = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> skippedOnly = new LinkedHashMap<>();
        boolean failed = false;
        for (Map.Entry<TopicPartition, List<ConsumerRecord<Object, Object>>> partition : byPartition.entrySet()) {
            PartitionBatch batch = batch(partition.getKey(), partition.getValue(), committed.get(partition.getKey()));
            if (batch.failure != null) {
                failed = true;
                logger.warn("Changes of " + partition.getKey() + " from offset " + batch.first + " were not applied; "
                        + "they will be delivered again: " + batch.failure.getMessage(), batch.failure);
            }
            if (batch.tables.isEmpty()) {
                if (batch.last >= batch.first) {
                    // Only records that carry no change (tombstones, schema changes): settled as they are.
                    skippedOnly.put(partition.getKey(), new OffsetAndMetadata(batch.last + 1));
                }
                consumer.seek(partition.getKey(), (batch.rest != null) ? batch.rest
                        : (batch.last >= batch.first) ? batch.last + 1 : batch.first);
                continue;
            }
            batches.put(partition.getKey(), batch);
            if (!batch.intentCommitted) {
                intents.put(partition.getKey(), new OffsetAndMetadata(batch.first, INTENT + batch.last));
            }
        }
        if (!intents.isEmpty() && !commit(consumer, intents, "the batch ranges")) {
            // Not committed: the partitions may have another owner now, which reads them from the last committed
            // offset; nothing of this poll is loaded.
            rewindAll(consumer, byPartition, "their batch ranges could not be committed", null);
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> settled = new LinkedHashMap<>(skippedOnly);
        for (Map.Entry<TopicPartition, PartitionBatch> entry : batches.entrySet()) {
            TopicPartition partition = entry.getKey();
            PartitionBatch batch = entry.getValue();
            RuntimeException failure = apply(partition, batch);
            if (failure != null) {
                failed = true;
                consumer.seek(partition, batch.first);
                logger.warn("Changes of " + partition + " at offsets " + batch.first + " to " + batch.last + " were "
                        + "not all applied; they will be delivered again and applied under the same labels: "
                        + failure.getMessage(), failure);
                continue;
            }
            settled.put(partition, new OffsetAndMetadata(batch.last + 1));
            if (batch.rest != null) {
                // Records after a replayed range, or from an unreadable record on: read again by the next poll.
                consumer.seek(partition, batch.rest);
            }
        }
        if (!settled.isEmpty() && commit(consumer, settled, "the applied offsets")) {
            settled.forEach((partition, offset) -> this.observer.offsetSettled(partition, offset.offset(),
                    lag(consumer, partition, offset.offset())));
        }
        if (failed && !this.settings.retryBackoff().isZero()) {
            Mono.delay(this.settings.retryBackoff()).block();
        }
    }

    /** Records not yet settled after {@code settled}: the partition's end offset minus it, or -1 when unknown. */
    private static long lag(Consumer<?, ?> consumer, TopicPartition partition, long settled) {
        try {
            OptionalLong behindPosition = consumer.currentLag(partition);
            return behindPosition.isPresent() ? consumer.position(partition) + behindPosition.getAsLong() - settled
                    : -1;
        }
        catch (RuntimeException ex) {
            return -1;
        }
    }

    private void rewindAll(Consumer<?, ?> consumer,
            Map<TopicPartition, List<ConsumerRecord<Object, Object>>> byPartition, String reason, Exception cause) {
        logger.warn("The records of " + byPartition.keySet() + " were not applied (" + reason + "); they will be "
                + "delivered again" + ((cause != null) ? ": " + cause.getMessage() : "."));
        byPartition.forEach((partition, records) -> consumer.seek(partition, records.get(0).offset()));
        if (!this.settings.retryBackoff().isZero()) {
            Mono.delay(this.settings.retryBackoff()).block();
        }
    }

    private static boolean commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> offsets,
            String what) {
        try {
            consumer.commitSync(offsets);
            return true;
        }
        catch (CommitFailedException ex) {
            // The partitions were given to another consumer meanwhile: it reads them from the last committed offsets
            // (with the last committed range), and the labels keep the replay from applying anything twice.
            logger.warn("Offsets " + offsets + " (" + what + ") could not be committed (the group rebalanced); the "
                    + "new owner replays them: " + ex.getMessage());
        }
        catch (KafkaException ex) {
            logger.warn("Offsets " + offsets + " (" + what + ") could not be committed; they will be replayed: "
                    + ex.getMessage(), ex);
        }
        return false;
    }

    /**
     * The batch of one partition: its records mapped and routed, up to the first one the mapper cannot read, and up
     * to the end of the range committed before when this poll starts where that range starts (a replay).
     */
    PartitionBatch batch(TopicPartition partition, List<ConsumerRecord<Object, Object>> records,
            OffsetAndMetadata committed) {
        long first = records.get(0).offset();
        long intendedLast = intendedLast(committed, first);
        PartitionBatch batch = new PartitionBatch(first, intendedLast >= 0);
        if (intendedLast >= 0 && records.get(records.size() - 1).offset() < intendedLast
                && this.incompleteReplays.merge(partition, 1, Integer::sum) <= MAX_INCOMPLETE_REPLAYS) {
            // A replay must cover the same range as the attempt before it to be labelled the same: wait for a poll
            // that reaches its end (or, after a few polls that do not, apply the shorter range under new labels).
            return batch;
        }
        this.incompleteReplays.remove(partition);
        for (ConsumerRecord<Object, Object> record : records) {
            if (intendedLast >= 0 && record.offset() > intendedLast) {
                batch.rest = record.offset();
                break;
            }
            Optional<SourceChange> change;
            try {
                change = this.mapper.map(record);
            }
            catch (RuntimeException ex) {
                batch.failure = new IllegalArgumentException("The record at " + DebeziumJsonMapper.where(record)
                        + " cannot be read as a change: " + ex.getMessage(), ex);
                batch.rest = record.offset();
                break;
            }
            batch.last = record.offset();
            if (change.isPresent()) {
                String table = this.routes.table(record.topic(), change.get());
                batch.tables.computeIfAbsent(table, (name) -> new ArrayList<>()).add(change.get().change());
            }
        }
        if (intendedLast >= 0 && batch.last != intendedLast) {
            batch.intentCommitted = false;
        }
        return batch;
    }

    /** The last offset of the range committed as the next batch of a partition that is read from {@code first}. */
    private static long intendedLast(OffsetAndMetadata committed, long first) {
        if (committed == null || committed.offset() != first || committed.metadata() == null
                || !committed.metadata().startsWith(INTENT)) {
            return -1;
        }
        try {
            return Long.parseLong(committed.metadata().substring(INTENT.length()));
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    /**
     * Applies one partition's batch, table by table in the order they first appear, each under labels derived from
     * the partition's range.
     * @return the failure that stopped it, or {@code null}
     */
    private RuntimeException apply(TopicPartition partition, PartitionBatch batch) {
        String batchId = batchId(partition.topic(), partition.partition(), batch.first, batch.last);
        for (Map.Entry<String, List<ChangeRecord>> table : batch.tables.entrySet()) {
            Observation observation = Observation.createNotStarted(OBSERVATION, this.observations)
                .lowCardinalityKeyValue("topic", partition.topic())
                .lowCardinalityKeyValue("table", table.getKey())
                .highCardinalityKeyValue("partition", Integer.toString(partition.partition()))
                .highCardinalityKeyValue("offsets", batch.first + "-" + batch.last)
                .start();
            try {
                List<LoadResult> results = apply(table.getKey(), table.getValue(), batchId);
                boolean replayed = !results.isEmpty()
                        && results.stream().allMatch((result) -> result.status() == LoadStatus.ALREADY_LOADED);
                observation.lowCardinalityKeyValue("outcome", replayed ? "already-applied" : "applied");
                this.observer.batchApplied(partition, table.getKey(), table.getValue().size(), results, replayed);
            }
            catch (RuntimeException ex) {
                observation.lowCardinalityKeyValue("outcome", "failed").error(ex);
                this.observer.batchFailed(partition, table.getKey(), table.getValue().size(), ex);
                return new IllegalStateException("The changes of " + partition + " for table '" + table.getKey()
                        + "' at offsets " + batch.first + " to " + batch.last + " failed to load: " + ex.getMessage(),
                        ex);
            }
            finally {
                observation.stop();
            }
        }
        return null;
    }

    private List<LoadResult> apply(String table, List<ChangeRecord> changes, String batchId) {
        CdcOptions base = this.routes.options(table);
        CdcOptions options = (base.loadOptions().labelPrefix() != null) ? base
                : base.toBuilder().loadOptions(base.loadOptions().withLabelPrefix(this.settings.labelPrefix())).build();
        List<LoadResult> results = this.streamLoad.applyChangeBatch(table, changes, options, batchId)
            .collectList()
            .block();
        for (LoadResult result : results) {
            if (result.status() != LoadStatus.SUCCESS) {
                awaitVisible(table, result.label(), result.status());
            }
        }
        return results;
    }

    /**
     * The batch id of a partition's offset range, the last part of its load labels
     * ({@code <prefix>_<table>_<batchId>-<load>}): {@code <topic hash>-<partition>-<first>-<last>}, the topic as the
     * first 16 hexadecimal digits of its SHA-256, since a topic name may hold {@code .} (not allowed in a label) and
     * be up to 249 characters long. Two ranges of one table get the same id only when two topics' hashes agree in
     * 64 bits.
     */
    static String batchId(String topic, int partition, long first, long last) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(topic.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
        return HexFormat.of().formatHex(digest, 0, 8) + "-" + partition + "-" + first + "-" + last;
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

    /** One partition's part of a poll: its range and each table's changes in it. */
    static final class PartitionBatch {

        /** The offset of the first record. */
        final long first;

        /** The offset of the last record of the batch (the range's end), or {@code first - 1} for none. */
        long last;

        /** Whether the range is already committed as this partition's next batch (a replay). */
        boolean intentCommitted;

        /** Each table's changes, tables in the order they first appear. */
        final Map<String, List<ChangeRecord>> tables = new LinkedHashMap<>();

        /** The offset to read from again after the batch, or {@code null} when the poll ended with it. */
        Long rest;

        /** Why the batch ends before the poll does, or {@code null}. */
        RuntimeException failure;

        PartitionBatch(long first, boolean intentCommitted) {
            this.first = first;
            this.last = first - 1;
            this.intentCommitted = intentCommitted;
        }

    }

}
