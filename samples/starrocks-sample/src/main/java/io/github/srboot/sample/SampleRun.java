package io.github.srboot.sample;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.github.srboot.streamload.cdc.AuditColumns;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.StreamLoadWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

/**
 * The sample's work, in the order a real service would do it: check the schema, bulk-load the order history, apply
 * the change feed (CDC), check the tables against the feed, then read health and metrics. Fails (and so ends the
 * application with a non-zero exit code) when the tables do not hold what the feed sent.
 */
@Component
class SampleRun implements ApplicationRunner {

    private static final Logger logger = LoggerFactory.getLogger(SampleRun.class);

    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(1);

    private final SampleMode mode;

    private final SampleTarget target;

    private final StreamLoadTemplate streamLoad;

    private final MeterRegistry meters;

    private final ObjectProvider<HealthEndpoint> health;

    private final SampleProperties properties;

    private SampleSummary summary;

    SampleRun(SampleMode mode, SampleTarget target, StreamLoadTemplate streamLoad, MeterRegistry meters,
            ObjectProvider<HealthEndpoint> health, SampleProperties properties) {
        this.mode = mode;
        this.target = target;
        this.streamLoad = streamLoad;
        this.meters = meters;
        this.health = health;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        logger.info("1. Schema");
        this.target.checkSchema().forEach(logger::info);

        OrderFeed feed = new OrderFeed(this.properties.seed());
        List<Order> history = feed.history(this.properties.orders());
        logger.info("2. Bulk load of {} orders with StreamLoadTemplate.stream, and their daily_sales rows with a "
                + "blocking StreamLoadWriter", history.size());
        this.target.beforeBulkLoad().forEach(logger::info);
        List<LoadResult> orderLoads = this.streamLoad.stream("orders", Flux.fromIterable(history))
            .collectList()
            .block(LOAD_TIMEOUT);
        orderLoads.forEach((load) -> logger.info("   {}", describe(load)));
        try (StreamLoadWriter<DailySale> writer = this.streamLoad.writer("daily_sales")) {
            history.forEach((order) -> writer.write(DailySale.of(order)));
        }

        List<OrderChange> changes = feed.changes(this.properties.changes());
        logger.info("3. Change feed: {} changes {} applied with StreamLoadTemplate.applyChanges (soft deletes, "
                + "ordered by change_seq)", changes.size(), feed.counts());
        List<LoadResult> changeLoads = this.streamLoad
            .applyChanges("orders", Flux.fromIterable(changes).map(OrderChange::toChangeRecord), cdcOptions())
            .collectList()
            .block(LOAD_TIMEOUT);
        logger.info("   {} loads, {} rows", changeLoads.size(),
                changeLoads.stream().mapToLong(LoadResult::loadedRows).sum());

        logger.info("4. Check the tables against the feed");
        SampleTarget.TableTotals expected = expectedTotals(feed.expectedRows().values(), history.size());
        SampleTarget.TableTotals actual = this.target.totals();
        if (!actual.equals(expected)) {
            throw new IllegalStateException("The tables do not hold what the feed sent: expected " + expected
                    + ", found " + actual);
        }
        logger.info("   {}", actual);

        logger.info("5. Health and metrics");
        String healthText = healthText();
        logger.info("   health: {}", healthText);
        this.meters.getMeters().stream()
            .filter((meter) -> meter.getId().getName().startsWith("starrocks."))
            .map((meter) -> meter.getId().getName())
            .distinct()
            .sorted()
            .forEach((name) -> logger.info("   meter {}", name));
        this.summary = new SampleSummary(this.mode, (long) sum("starrocks.stream-load.rows"), history.size(),
                feed.counts(), loadsExcept("failed"), loads() - loadsExcept("failed"),
                (long) sum("starrocks.stream-load.retry"), actual, healthText);
    }

    /**
     * What this run did; {@code null} until {@link #run} finished.
     */
    SampleSummary summary() {
        return this.summary;
    }

    private static String describe(LoadResult load) {
        return load.table() + ": " + load.loadedRows() + " rows, " + load.status() + ", label " + load.label()
                + ((load.attempts() > 1) ? ", " + load.attempts() + " attempts" : "");
    }

    /**
     * How the CDC path lands the feed: soft deletes (the row stays, marked), every upsert ordered by
     * {@code change_seq} through {@code merge_condition}, and the table's own names for the audit columns.
     */
    private CdcOptions cdcOptions() {
        return CdcOptions.builder()
            .deleteMode(DeleteMode.SOFT)
            .auditColumns(new AuditColumns("op_type", "is_deleted", "synced_at", "change_seq"))
            .maxBatchChanges(this.properties.changesPerLoad())
            .maxBatchInterval(this.properties.changeInterval())
            .build();
    }

    private static SampleTarget.TableTotals expectedTotals(Collection<OrderFeed.ExpectedRow> rows, long historySize) {
        long deleted = rows.stream().filter(OrderFeed.ExpectedRow::deleted).count();
        long changeSeqSum = rows.stream().mapToLong(OrderFeed.ExpectedRow::version).sum();
        return new SampleTarget.TableTotals(rows.size(), deleted, changeSeqSum, historySize);
    }

    private String healthText() {
        HealthEndpoint endpoint = this.health.getIfAvailable();
        return (endpoint != null) ? describe(endpoint.health()) : "health endpoint not available";
    }

    /** {@code UP (db UP, starrocks UP (frontends UP, backends UP))}: the status, then each component's. */
    private static String describe(HealthComponent health) {
        if (health instanceof CompositeHealth composite && composite.getComponents() != null) {
            return health.getStatus() + composite.getComponents()
                .entrySet()
                .stream()
                .map((entry) -> entry.getKey() + " " + describe(entry.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
        }
        return health.getStatus().toString();
    }

    private double sum(String name) {
        return this.meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Loads counted by the {@code starrocks.stream-load} observation's timer (one per load, by outcome). */
    private long loads() {
        return this.meters.find("starrocks.stream-load").timers().stream().mapToLong(Timer::count).sum();
    }

    private long loadsExcept(String outcome) {
        return loads() - this.meters.find("starrocks.stream-load").tag("outcome", outcome).timers().stream()
            .mapToLong(Timer::count).sum();
    }

}
