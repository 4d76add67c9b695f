package io.github.srboot.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.CompositeReactiveHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code starrocks} health contributor against the Stream Load stub, whose FEs serve {@code /api/health} with
 * the number of BEs running: all up, one FE down, all down, no alive backend, and an FE that never answers.
 */
class StarRocksHealthStubTest {

    /** Generous, so that a healthy stub FE on a loaded machine never counts as down. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    /** Short: the listener that never answers must make the probe give up without slowing the suite. */
    private static final Duration SHORT_PROBE_TIMEOUT = Duration.ofMillis(300);

    private final List<AutoCloseable> resources = new ArrayList<>();

    private StreamLoadStubServer stub(int frontends, int backends) {
        StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(frontends).backends(backends).start();
        this.resources.add(stub);
        return stub;
    }

    private StarRocksClusterProbe probe(List<URI> frontends) {
        return probe(frontends, PROBE_TIMEOUT);
    }

    private StarRocksClusterProbe probe(List<URI> frontends, Duration probeTimeout) {
        StarRocksClusterProbe probe = new StarRocksClusterProbe(null, frontends, probeTimeout, Duration.ZERO);
        this.resources.add(probe::destroy);
        return probe;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : this.resources) {
            resource.close();
        }
    }

    private static Health component(CompositeHealthContributor contributor, String name) {
        return ((HealthIndicator) contributor.getContributor(name)).health();
    }

    /** The composite's status, aggregated as Spring Boot's health endpoint does by default. */
    private static Status overall(CompositeHealthContributor contributor) {
        List<Status> statuses = new ArrayList<>();
        contributor.forEach((named) -> statuses.add(((HealthIndicator) named.getContributor()).health().getStatus()));
        return new SimpleStatusAggregator().getAggregateStatus(statuses.toArray(Status[]::new));
    }

    @Test
    void allUp() {
        StreamLoadStubServer stub = stub(2, 2);
        CompositeHealthContributor health = StarRocksHealthContributors.blocking(probe(stub.frontendUrls()));

        Health frontends = component(health, "frontends");
        assertThat(frontends.getStatus()).isEqualTo(Status.UP);
        assertThat(frontends.getDetails()).containsEntry("reachable", 2).containsEntry("total", 2)
            .doesNotContainKey("unreachable");
        assertThat(frontends.getDetails().get(stub.frontendUrls().get(0).toString()))
            .isEqualTo(Map.of("status", "UP", "onlineBackends", 2, "totalBackends", 2));
        Health backends = component(health, "backends");
        assertThat(backends.getStatus()).isEqualTo(Status.UP);
        assertThat(backends.getDetails()).containsEntry("source", "FRONTENDS").containsEntry("alive", 2)
            .containsEntry("total", 2).containsKey("note");
        assertThat(health.getContributor("jdbc")).as("no DataSource, no jdbc component").isNull();
        assertThat(overall(health)).isEqualTo(Status.UP);
    }

    @Test
    void oneFrontendDownStaysUpNamingIt() {
        StreamLoadStubServer stub = stub(2, 1);
        StubEndpoint second = stub.frontends().get(1);
        URI secondUrl = second.url();
        second.stop();
        CompositeHealthContributor health = StarRocksHealthContributors.blocking(probe(stub.frontendUrls()));

        Health frontends = component(health, "frontends");
        assertThat(frontends.getStatus()).isEqualTo(Status.UP);
        assertThat(frontends.getDetails()).containsEntry("reachable", 1)
            .containsEntry("unreachable", List.of(secondUrl.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> down = (Map<String, Object>) frontends.getDetails().get(secondUrl.toString());
        assertThat(down).containsEntry("status", "DOWN").containsKey("error");
        assertThat(overall(health)).isEqualTo(Status.UP);
    }

    @Test
    void allFrontendsDownIsDown() {
        StreamLoadStubServer stub = stub(2, 1);
        List<URI> urls = stub.frontendUrls();
        stub.frontends().forEach(StubEndpoint::stop);
        CompositeHealthContributor health = StarRocksHealthContributors.blocking(probe(urls));

        assertThat(component(health, "frontends").getStatus()).isEqualTo(Status.DOWN);
        Health backends = component(health, "backends");
        assertThat(backends.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(backends.getDetails()).containsEntry("source", "NONE");
        assertThat(overall(health)).isEqualTo(Status.DOWN);
    }

    @Test
    void frontendWithoutAliveBackendIsDown() {
        StreamLoadStubServer stub = stub(1, 2);
        stub.backends().forEach(StubEndpoint::stop);
        CompositeHealthContributor health = StarRocksHealthContributors.blocking(probe(stub.frontendUrls()));

        assertThat(component(health, "frontends").getStatus()).isEqualTo(Status.UP);
        Health backends = component(health, "backends");
        assertThat(backends.getStatus()).isEqualTo(Status.DOWN);
        assertThat(backends.getDetails()).containsEntry("alive", 0).containsEntry("total", 2);
        assertThat(overall(health)).isEqualTo(Status.DOWN);
    }

    @Test
    void someBackendsOfflineStayUp() {
        StreamLoadStubServer stub = stub(1, 2);
        stub.backends().get(0).stop();
        CompositeHealthContributor health = StarRocksHealthContributors.blocking(probe(stub.frontendUrls()));

        Health backends = component(health, "backends");
        assertThat(backends.getStatus()).isEqualTo(Status.UP);
        assertThat(backends.getDetails()).containsEntry("alive", 1).containsEntry("total", 2);
    }

    @Test
    void frontendThatNeverAnswersHitsTheProbeTimeout() throws IOException {
        // A listener that never accepts: the kernel completes the TCP handshake from its backlog, the request is
        // sent, and no answer ever comes; only the probe timeout ends the wait.
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.resources.add(silent);
        URI silentUrl = URI.create("http://127.0.0.1:" + silent.getLocalPort());
        CompositeHealthContributor health = StarRocksHealthContributors
            .blocking(probe(List.of(silentUrl), SHORT_PROBE_TIMEOUT));

        Health frontends = component(health, "frontends");
        assertThat(frontends.getStatus()).isEqualTo(Status.DOWN);
        assertThat(frontends.getDetails()).containsEntry("unreachable", List.of(silentUrl.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> silentDetails = (Map<String, Object>) frontends.getDetails().get(silentUrl.toString());
        assertThat(silentDetails).containsEntry("status", "DOWN").containsEntry("error", "no answer within 300 ms");
    }

    @Test
    void resultsAreReusedForTheCacheTtl() {
        StreamLoadStubServer stub = stub(1, 1);
        AtomicLong now = new AtomicLong();
        StarRocksClusterProbe probe = new StarRocksClusterProbe(null, stub.frontendUrls(), PROBE_TIMEOUT,
                Duration.ofSeconds(5), now::get);
        this.resources.add(probe::destroy);
        CompositeHealthContributor health = StarRocksHealthContributors.blocking(probe);
        StubEndpoint frontend = stub.frontend();

        component(health, "frontends");
        component(health, "backends");
        component(health, "frontends");
        assertThat(frontend.requests()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        component(health, "frontends");
        assertThat(frontend.requests()).isEqualTo(2);
    }

    @Test
    void reactiveVariantReportsTheSame() {
        StreamLoadStubServer stub = stub(2, 1);
        stub.frontends().get(1).stop();
        CompositeReactiveHealthContributor health = StarRocksHealthContributors.reactive(probe(stub.frontendUrls()));

        StepVerifier.create(((ReactiveHealthIndicator) health.getContributor("frontends")).health())
            .assertNext((frontends) -> {
                assertThat(frontends.getStatus()).isEqualTo(Status.UP);
                assertThat(frontends.getDetails()).containsEntry("reachable", 1);
            })
            .verifyComplete();
        StepVerifier.create(((ReactiveHealthIndicator) health.getContributor("backends")).health())
            .assertNext((backends) -> assertThat(backends.getStatus()).isEqualTo(Status.UP))
            .verifyComplete();
    }

}
