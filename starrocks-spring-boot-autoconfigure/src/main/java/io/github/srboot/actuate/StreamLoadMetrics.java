package io.github.srboot.actuate;

import java.util.Locale;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadObserver;

/**
 * Micrometer meters of {@code StreamLoadTemplate} that no observation records: the quantities of each load,
 * {@code starrocks.stream-load.rows}, {@code .bytes}, {@code .filtered-rows} (tagged by table and outcome),
 * {@code .in-flight-bytes} (gauge), and {@code .unflushed-batches} / {@code .unflushed-rows} (left behind at shutdown,
 * by state). Loads, their latency, failures and retries are counted once, by the {@code starrocks.stream-load}
 * observation ({@link StreamLoadObservations}): its timer and its {@code retry} event counter.
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
        counter("rows", table, "outcome", outcome).increment(Math.max(0, result.loadedRows()));
        counter("bytes", table, "outcome", outcome).increment(Math.max(0, result.loadBytes()));
        counter("filtered-rows", table, "outcome", outcome).increment(Math.max(0, result.filteredRows()));
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

}
