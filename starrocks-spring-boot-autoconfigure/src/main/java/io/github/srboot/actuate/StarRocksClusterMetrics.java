package io.github.srboot.actuate;

import java.net.URI;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.srboot.schema.MigrationPlan;

import org.springframework.lang.Nullable;

/**
 * Gauges of the cluster and the schema: {@code starrocks.frontends.available} (1 when the FE tagged
 * {@code frontend} answered {@code /api/health} in the last probe round, else 0), {@code starrocks.backends.alive}
 * (alive backends, NaN when unknown) and {@code starrocks.schema.drift} (changes pending between the database and the
 * desired schema, NaN when no plan could be made; only when a desired schema is declared). All read cached results
 * ({@link StarRocksClusterProbe}, {@link CachedSchemaPlan}), so a scrape costs at most one probe round or plan per
 * TTL.
 */
public final class StarRocksClusterMetrics implements MeterBinder {

    @Nullable
    private final StarRocksClusterProbe probe;

    @Nullable
    private final CachedSchemaPlan plans;

    /**
     * Creates the binder.
     * @param probe the cluster probe, or {@code null} for no cluster gauges
     * @param plans the cached schema plan of a declared desired schema, or {@code null} for no drift gauge
     */
    public StarRocksClusterMetrics(@Nullable StarRocksClusterProbe probe, @Nullable CachedSchemaPlan plans) {
        this.probe = probe;
        this.plans = plans;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (this.probe != null) {
            StarRocksClusterProbe probe = this.probe;
            for (URI frontend : probe.getFrontends()) {
                Gauge.builder("starrocks.frontends.available", probe, (p) -> available(p, frontend))
                    .description("Whether the FE answered /api/health in the last probe round (1) or not (0)")
                    .tag("frontend", frontend.toString())
                    .strongReference(true)
                    .register(registry);
            }
            Gauge.builder("starrocks.backends.alive", probe, StarRocksClusterMetrics::aliveBackends)
                .description("Alive StarRocks backends in the last probe round")
                .strongReference(true)
                .register(registry);
        }
        if (this.plans != null) {
            Gauge.builder("starrocks.schema.drift", this.plans, StarRocksClusterMetrics::pendingChanges)
                .description("Changes pending between the database and the desired schema")
                .strongReference(true)
                .register(registry);
        }
    }

    private static double available(StarRocksClusterProbe probe, URI frontend) {
        return probe.state()
            .frontends()
            .stream()
            .filter((state) -> state.url().equals(frontend))
            .anyMatch(ClusterState.Frontend::up) ? 1 : 0;
    }

    private static double aliveBackends(StarRocksClusterProbe probe) {
        Integer alive = probe.state().backends().alive();
        return (alive != null) ? alive : Double.NaN;
    }

    private static double pendingChanges(CachedSchemaPlan plans) {
        MigrationPlan plan = plans.get().plan();
        return (plan != null) ? plan.changes().size() : Double.NaN;
    }

}
