package io.github.srboot.actuate;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadObserver;

/**
 * Micrometer meters of {@code StreamLoadTemplate}: {@code starrocks.stream-load.loads}, {@code .rows},
 * {@code .bytes}, {@code .filtered-rows}, {@code .retries} (by reason), {@code .failures} (by reason),
 * {@code .latency} (timer), {@code .in-flight-bytes} (gauge), tagged by table and outcome, and
 * {@code .unflushed-batches} / {@code .unflushed-rows} (left behind at shutdown, by state).
 */
public final class StreamLoadMetrics implements StreamLoadObserver {

    private static final String PREFIX = "starrocks.stream-load.";

    private final MeterRegistry registry;

    public StreamLoadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void loadSucceeded(LoadResult result) {
        String table = result.table();
        String outcome = result.status().name().toLowerCase(Locale.ROOT);
        counter("loads", table, "outcome", outcome).increment();
        counter("rows", table, "outcome", outcome).increment(Math.max(0, result.loadedRows()));
        counter("bytes", table, "outcome", outcome).increment(Math.max(0, result.loadBytes()));
        counter("filtered-rows", table, "outcome", outcome).increment(Math.max(0, result.filteredRows()));
        timer(table, outcome).record(result.elapsed());
    }

    @Override
    public void loadFailed(String table, StreamLoadException failure, Duration elapsed) {
        counter("loads", table, "outcome", "failed").increment();
        counter("failures", table, "reason", failure.reason().name().toLowerCase(Locale.ROOT)).increment();
        timer(table, "failed").record(elapsed);
    }

    @Override
    public void retrying(String table, String label, RetryReason reason, int nextAttempt) {
        counter("retries", table, "reason", reason.name().toLowerCase(Locale.ROOT)).increment();
    }

    @Override
    public void unflushedAtShutdown(String table, String label, int rows, boolean sent) {
        String state = sent ? "outcome-unknown" : "not-sent";
        counter("unflushed-batches", table, "state", state).increment();
        counter("unflushed-rows", table, "state", state).increment(Math.max(0, rows));
    }

    @Override
    public void bindInFlightBytes(LongSupplier inFlightBytes) {
        Gauge.builder(PREFIX + "in-flight-bytes", inFlightBytes, (supplier) -> supplier.getAsLong())
            .description("Bytes held by Stream Load batches being filled, waiting or loading")
            .baseUnit("bytes")
            // The supplier is usually a method reference nothing else holds: a weak reference would let it be
            // collected while the template lives, and the gauge would read NaN.
            .strongReference(true)
            .register(this.registry);
    }

    private Counter counter(String name, String table, String tag, String value) {
        return Counter.builder(PREFIX + name).tag("table", table).tag(tag, value).register(this.registry);
    }

    private Timer timer(String table, String outcome) {
        return Timer.builder(PREFIX + "latency")
            .description("Stream Load latency from the first attempt to the final answer")
            .tag("table", table)
            .tag("outcome", outcome)
            .register(this.registry);
    }

}
