package io.github.srboot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.CompositeReactiveHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;

/**
 * The {@code starrocks} health contributor: a composite of {@code jdbc}, {@code frontends} and {@code backends},
 * all read from one {@link StarRocksClusterProbe} round (cached), blocking or reactive.
 *
 * <ul>
 * <li>{@code jdbc} (when the application has a StarRocks DataSource): UP with {@code version} from
 * {@code @@version_comment} (answered by the FE, with or without live backends); DOWN with the {@code error} when the query fails or times out.</li>
 * <li>{@code frontends} (when FE URLs are configured): UP while at least one FE answers {@code /api/health}, with
 * {@code reachable}, {@code total}, each FE's state and backend counts, and {@code unreachable} naming the FEs that
 * did not answer; DOWN when none answers.</li>
 * <li>{@code backends}: {@code alive}, {@code total} and {@code source} ({@code SHOW_BACKENDS}, or
 * {@code FRONTENDS} with a {@code note} saying why); {@code offline} names the backends not alive (from
 * {@code SHOW BACKENDS} only). UP while at least one backend is alive (some offline stay UP, named); DOWN when
 * backends are registered and none is alive, since then no query or load can succeed; UNKNOWN when none is registered
 * (compute nodes are not counted) or neither JDBC nor an FE answered.</li>
 * </ul>
 */
public final class StarRocksHealthContributors {

    private StarRocksHealthContributors() {
    }

    /**
     * The blocking composite, for servlet and non-web applications.
     */
    public static CompositeHealthContributor blocking(StarRocksClusterProbe probe) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        components(probe).forEach((name, toHealth) -> indicators.put(name, () -> toHealth.apply(probe.state())));
        return CompositeHealthContributor.fromMap(indicators);
    }

    /**
     * The reactive composite, for WebFlux applications: no thread waits for the probes.
     */
    public static CompositeReactiveHealthContributor reactive(StarRocksClusterProbe probe) {
        Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
        components(probe).forEach((name, toHealth) -> indicators.put(name,
                () -> Mono.fromFuture(probe::stateAsync).map(toHealth)));
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }

    private static Map<String, Function<ClusterState, Health>> components(StarRocksClusterProbe probe) {
        Map<String, Function<ClusterState, Health>> components = new LinkedHashMap<>();
        if (probe.hasDataSource()) {
            components.put("jdbc", StarRocksHealthContributors::jdbc);
        }
        if (!probe.getFrontends().isEmpty()) {
            components.put("frontends", StarRocksHealthContributors::frontends);
        }
        components.put("backends", StarRocksHealthContributors::backends);
        return components;
    }

    static Health jdbc(ClusterState state) {
        ClusterState.Jdbc jdbc = state.jdbc();
        if (jdbc == null) {
            return Health.unknown().withDetail("error", "no StarRocks DataSource").build();
        }
        return jdbc.up() ? Health.up().withDetail("version", String.valueOf(jdbc.version())).build()
                : Health.down().withDetail("error", String.valueOf(jdbc.error())).build();
    }

    static Health frontends(ClusterState state) {
        List<ClusterState.Frontend> reachable = state.reachableFrontends();
        Health.Builder health = reachable.isEmpty() ? Health.down() : Health.up();
        health.withDetail("reachable", reachable.size()).withDetail("total", state.frontends().size());
        List<String> unreachable = state.frontends()
            .stream()
            .filter((frontend) -> !frontend.up())
            .map((frontend) -> frontend.url().toString())
            .toList();
        if (!unreachable.isEmpty()) {
            health.withDetail("unreachable", unreachable);
        }
        for (ClusterState.Frontend frontend : state.frontends()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", frontend.up() ? "UP" : "DOWN");
            if (frontend.onlineBackends() != null) {
                details.put("onlineBackends", frontend.onlineBackends());
            }
            if (frontend.totalBackends() != null) {
                details.put("totalBackends", frontend.totalBackends());
            }
            if (frontend.error() != null) {
                details.put("error", frontend.error());
            }
            health.withDetail(frontend.url().toString(), details);
        }
        return health.build();
    }

    static Health backends(ClusterState state) {
        ClusterState.Backends backends = state.backends();
        Health.Builder health;
        if (backends.source() == ClusterState.Source.NONE || backends.alive() == null || backends.total() == null) {
            health = Health.unknown();
        }
        else if (backends.total() == 0) {
            // FE /api/health and SHOW BACKENDS count BEs only: a shared-data cluster may run compute nodes alone.
            health = Health.unknown().withDetail("reason", "no backend registered; compute nodes are not counted");
        }
        else if (backends.alive() == 0) {
            health = Health.down();
        }
        else {
            health = Health.up();
        }
        health.withDetail("source", backends.source().name());
        if (backends.alive() != null) {
            health.withDetail("alive", backends.alive());
        }
        if (backends.total() != null) {
            health.withDetail("total", backends.total());
        }
        if (!backends.offline().isEmpty()) {
            health.withDetail("offline", backends.offline());
        }
        if (backends.note() != null) {
            health.withDetail("note", backends.note());
        }
        return health.build();
    }

}
