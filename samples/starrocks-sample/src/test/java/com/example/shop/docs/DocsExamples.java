package com.example.shop.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.srboot.actuate.DefaultStreamLoadObservationConvention;
import io.github.srboot.actuate.StreamLoadObservationContext;
import io.github.srboot.actuate.StreamLoadObservationConvention;
import io.github.srboot.flyway.AlterJobWaitCallback;
import io.github.srboot.flyway.FlywayCallbacks;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksError;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.CdcSchema;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.ChangeWriter;
import io.github.srboot.streamload.transaction.CheckpointBatch;
import io.github.srboot.streamload.transaction.CheckpointLabels;
import io.github.srboot.streamload.transaction.CheckpointWriter;
import io.github.srboot.streamload.FailedBatch;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.transaction.RecoveryReport;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.streamload.StreamLoadWriter;
import io.micrometer.common.KeyValues;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Java examples of docs/*.md, each a tagged region that DocsExamplesTests finds in the document: compiled with
 * the build, so an example that no longer matches the API fails it. The fields and parameters are what the
 * examples take from their surroundings. Not run: they need a StarRocks or a source system.
 */
@SuppressWarnings("unused")
abstract class DocsExamples {

    private static final Logger log = LoggerFactory.getLogger(DocsExamples.class);

    StreamLoadTemplate streamLoad;

    StarRocksTemplate starRocksTemplate;

    CdcOptions options;

    JdbcTemplate jdbcTemplate;

    DataSource dataSource;

    /** Where a pipeline records its completed checkpoints and source positions (docs/cdc.md). */
    interface CheckpointStore {

        void save(long checkpoint, String sourcePosition);

        long lastCheckpoint();

    }

    /** A row of the checkpoint examples. */
    record Event(long id, String payload) {
    }

    /** A row of the orders examples. */
    record Order(long id, String status) {
    }

    /** A batch of a source that numbers its batches. */
    record SourceBatch(String id, List<Event> rows) {
    }

    abstract ChangeRecord toChange(SourceEvent event);

    void changeWriter(List<SourceEvent> batch) {
        // tag::docs-cdc-change-writer[]
        try (ChangeWriter writer = streamLoad.changeWriter("shop.customers", options)) {
            for (SourceEvent event : batch) {
                writer.write(toChange(event));       // applies a full batch (maxBatchChanges) on this thread
            }
            writer.flush();                          // at the source's commit point
        }
        // end::docs-cdc-change-writer[]
    }

    CdcOptions schemaEvolution() {
        // tag::docs-cdc-schema-evolution[]
        CdcOptions options = CdcOptions.builder()
            .schema(CdcSchema.of(starRocksTemplate))
            .createTable(true)                                          // CREATE TABLE IF NOT EXISTS from the first batch
            .schemaEvolution(CdcOptions.SchemaEvolution.ADD_COLUMNS)    // ALTER TABLE ... ADD COLUMN, waiting for the job
            .tableProperty("replication_num", "1")
            .build();
        // end::docs-cdc-schema-evolution[]
        return options;
    }

    void transaction(long n, List<Map<String, Object>> rows, CheckpointStore checkpointStore, String sourcePosition) {
        // tag::docs-cdc-transaction[]
        String label = CheckpointLabels.of("orders-sink", "orders", n);
        StreamLoadTransaction txn = streamLoad.transaction("orders", label);
        txn.begin().block();
        txn.load(rows).block();                   // as often as needed
        txn.prepare().block();
        checkpointStore.save(n, sourcePosition);  // your durable record: checkpoint n is complete
        txn.commit().block();
        // end::docs-cdc-transaction[]
    }

    RecoveryReport recover(CheckpointStore checkpointStore) {
        // tag::docs-cdc-recover[]
        long last = checkpointStore.lastCheckpoint();            // -1 when none
        RecoveryReport report = streamLoad.recover("orders", "orders-sink", last, 10).block();
        // PREPARED transactions of checkpoints <= last were committed (report.committed());
        // open transactions of later checkpoints were rolled back (report.rolledBack()): replay them from the saved position;
        // report.alreadyVisible() lists later checkpoints that had committed: skip them when replaying.
        // end::docs-cdc-recover[]
        return report;
    }

    void checkpoints(Flux<SourceBatch> batches, Event event) {
        // tag::docs-cdc-checkpoints[]
        Flux<LoadResult> results = streamLoad.streamCheckpoints("events",
                batches.map((batch) -> new CheckpointBatch<>(batch.id(), batch.rows())),
                LoadOptions.json().withLabelPrefix("events-producer"));

        CheckpointWriter<Event> writer = streamLoad.checkpointWriter("events",
                LoadOptions.json().withLabelPrefix("events-producer"));
        writer.write(event);
        LoadResult result = writer.checkpoint("1042");           // one load labelled events-producer_events_1042
        // end::docs-cdc-checkpoints[]
    }

    Flyway flyway() {
        // tag::docs-flyway-callbacks[]
        Flyway flyway = Flyway.configure()
            .dataSource(dataSource)
            .callbacks(FlywayCallbacks.of(new AlterJobWaitCallback(AlterJobPolling.defaults())))
            .load();
        // end::docs-flyway-callbacks[]
        return flyway;
    }

    void errorDetail() {
        // tag::docs-operations-error-detail[]
        try {
            jdbcTemplate.execute("ALTER TABLE events ADD COLUMN note STRING");
        }
        catch (TransientDataAccessException ex) {               // Spring's type: your retry rules keep working
            StarRocksError.find(ex).ifPresent((detail) -> log.warn("StarRocks {}: {}", detail.errorCode(), detail.serverMessage()));
        }
        // end::docs-operations-error-detail[]
    }

    // tag::docs-operations-convention[]
    @Bean
    StreamLoadObservationConvention streamLoadConvention() {
        return new DefaultStreamLoadObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(StreamLoadObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and("pipeline", "orders");
            }
        };
    }
    // end::docs-operations-convention[]

    void loads(List<Order> orders, Flux<Event> events) {
        // tag::docs-stream-load-overview[]
        // streamLoad: the auto-configured StreamLoadTemplate, injected.

        // One Stream Load of all the rows (they must fit in starrocks.stream-load.max-in-flight-bytes).
        Mono<LoadResult> one = streamLoad.load("orders", Flux.fromIterable(orders));

        // Continuous ingestion: rows are cut into loads by the batch policy (rows, bytes, age), one result per load.
        Flux<LoadResult> all = streamLoad.stream("events", events);

        // Blocking code: write() encodes on the caller's thread and waits when the in-flight memory bound is reached.
        try (StreamLoadWriter<Order> writer = streamLoad.writer("orders")) {
            orders.forEach(writer::write);
        }
        // end::docs-stream-load-overview[]
    }

    void retryFailedBatches(StreamLoadWriter<Event> writer) {
        // tag::docs-stream-load-retry[]
        try {
            writer.flush();
        }
        catch (StreamLoadException failed) {
            List<FailedBatch> inOrder = new ArrayList<>();
            failed.failedBatch().ifPresent(inOrder::add);
            for (Throwable later : failed.getSuppressed()) {
                if (later instanceof StreamLoadException skipped) {
                    skipped.failedBatch().ifPresent(inOrder::add);
                }
            }
            for (FailedBatch batch : inOrder) {
                streamLoad.retry(batch).block();
            }
        }
        // end::docs-stream-load-retry[]
    }

}
