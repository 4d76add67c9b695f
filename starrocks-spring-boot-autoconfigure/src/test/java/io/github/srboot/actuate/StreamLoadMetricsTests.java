package io.github.srboot.actuate;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Micrometer side of Stream Load.
 */
class StreamLoadMetricsTests {

    @Test
    void inFlightGaugeKeepsReadingAfterGarbageCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicLong inFlight = new AtomicLong(42);
        // A fresh lambda that only the gauge holds, as a template's method reference is.
        new StreamLoadMetrics(registry).bindInFlightBytes(() -> inFlight.get());
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Gauge gauge = registry.get("starrocks.stream-load.in-flight-bytes").gauge();
        assertThat(gauge.value()).isEqualTo(42.0);
        inFlight.set(0);
        assertThat(gauge.value()).isZero();
    }

}
