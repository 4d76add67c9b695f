package io.github.srboot.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ServerVariables;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC side of the {@code starrocks} health contributor: the version from {@code @@version_comment}
 * ({@link ServerVariables}: what the FE answers alone), backends
 * from {@code SHOW BACKENDS} when the user may list them, and what is reported when it may not or JDBC fails.
 * (The FE side is tested against the Stream Load stub in the test module.)
 *
 * <p>Scripted, not over the wire: most cases need answers the embedded StarRocks does not give — a user refused
 * {@code SHOW BACKENDS}, no backend or every backend down, a MySQL server, a failing or hung data source.
 */
class StarRocksClusterProbeTests {

    /**
     * {@code SHOW BACKENDS} columns as named in {@code fe/fe-core/src/main/java/com/starrocks/common/proc/
     * BackendsProcDir.java} TITLE_NAMES (the ones the probe reads, by name; the FE sends some twenty more).
     */
    private static final List<String> BACKEND_COLUMNS = List.of("BackendId", "IP", "HeartbeatPort", "BePort",
            "HttpPort", "Alive", "ErrMsg");

    private final ScriptedJdbc server = new ScriptedJdbc();

    private StarRocksClusterProbe probe;

    private CompositeHealthContributor health() {
        this.probe = new StarRocksClusterProbe(this.server.dataSource(), List.of(), Duration.ofSeconds(20),
                Duration.ZERO);
        return StarRocksHealthContributors.blocking(this.probe);
    }

    @AfterEach
    void close() {
        if (this.probe != null) {
            this.probe.destroy();
        }
    }

    private static Health component(CompositeHealthContributor health, String name) {
        return ((HealthIndicator) health.getContributor(name)).health();
    }

    private void version() {
        ServerVariables.starRocks(this.server);
    }

    @Test
    void versionAndBackendsFromShowBackends() {
        version();
        this.server.on("^SHOW BACKENDS", new Rows(BACKEND_COLUMNS,
                List.of(List.of("10001", "10.0.0.1", "9050", "9060", "8040", "true", ""),
                        List.of("10002", "10.0.0.2", "9050", "9060", "8040", "false", "heartbeat timed out"))));
        CompositeHealthContributor health = health();

        Health jdbc = component(health, "jdbc");
        assertThat(jdbc.getStatus()).isEqualTo(Status.UP);
        assertThat(jdbc.getDetails()).containsEntry("version", ServerVariables.VERSION_COMMENT);
        Health backends = component(health, "backends");
        assertThat(backends.getStatus()).isEqualTo(Status.UP);
        assertThat(backends.getDetails()).containsEntry("source", "SHOW_BACKENDS")
            .containsEntry("alive", 1)
            .containsEntry("total", 2)
            .containsEntry("offline", List.of("10.0.0.2:9050 (heartbeat timed out)"));
        assertThat(health.getContributor("frontends")).as("no FE configured").isNull();
    }

    @Test
    void withoutThePrivilegeToListBackendsItSaysSo() {
        version();
        this.server.on("^SHOW BACKENDS", new Failure(5203, "42000",
                "Access denied; you need (at least one of) the OPERATE privilege(s) on SYSTEM for this operation."));
        CompositeHealthContributor health = health();

        assertThat(component(health, "jdbc").getStatus()).isEqualTo(Status.UP);
        Health backends = component(health, "backends");
        assertThat(backends.getStatus()).as("no FE to count them either").isEqualTo(Status.UNKNOWN);
        assertThat(backends.getDetails()).containsEntry("source", "NONE");
        assertThat(this.probe.state().backends().note()).isEqualTo("neither SHOW BACKENDS nor an FE answered");
    }

    @Test
    void withoutThePrivilegeTheFrontendsCountsAreUsedSayingSo() throws IOException {
        version();
        this.server.on("^SHOW BACKENDS", new Failure(5203, "42000",
                "Access denied; you need (at least one of) the OPERATE privilege(s) on SYSTEM for this operation."));
        // An FE answering /api/health as StarRocks' HealthAction does.
        HttpServer frontend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        frontend.createContext("/api/health", (exchange) -> {
            byte[] body = "{\"status\":\"OK\",\"msg\":\"Success\",\"total_backend_num\":3,\"online_backend_num\":2}"
                .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        frontend.start();
        try {
            this.probe = new StarRocksClusterProbe(this.server.dataSource(),
                    List.of(URI.create("http://127.0.0.1:" + frontend.getAddress().getPort())), Duration.ofSeconds(20),
                    Duration.ZERO);
            CompositeHealthContributor health = StarRocksHealthContributors.blocking(this.probe);

            Health backends = component(health, "backends");
            assertThat(backends.getStatus()).isEqualTo(Status.UP);
            assertThat(backends.getDetails()).containsEntry("source", "FRONTENDS")
                .containsEntry("alive", 2)
                .containsEntry("total", 3)
                .containsEntry("note", "SHOW BACKENDS needs the OPERATE privilege, which the JDBC user lacks; "
                        + "counts from the FEs' /api/health")
                .doesNotContainKey("offline");
        }
        finally {
            frontend.stop(0);
        }
    }

    @Test
    void noBackendRegisteredIsUnknown() {
        version();
        this.server.on("^SHOW BACKENDS", new Rows(BACKEND_COLUMNS, List.of()));
        Health backends = component(health(), "backends");
        assertThat(backends.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(backends.getDetails()).containsEntry("total", 0)
            .containsEntry("reason", "no backend registered; compute nodes are not counted");
    }

    /**
     * Every backend down: {@code current_version()} would need one (it runs on a BE), but the version comes from
     * {@code @@version_comment}, which the FE answers alone, and so does {@code SHOW BACKENDS}. JDBC stays UP and
     * the backends read DOWN, not UNKNOWN. (This server has no answer to {@code current_version()}: asking it fails
     * the probe.)
     */
    @Test
    void everyBackendDownLeavesJdbcUpAndBackendsDown() {
        version();
        this.server.on("^SHOW BACKENDS", new Rows(BACKEND_COLUMNS,
                List.of(List.of("10001", "10.0.0.1", "9050", "9060", "8040", "false", "heartbeat timed out"))));
        CompositeHealthContributor health = health();

        assertThat(component(health, "jdbc").getStatus()).isEqualTo(Status.UP);
        assertThat(component(health, "backends").getStatus()).isEqualTo(Status.DOWN);
        assertThat(this.server.executedSql()).noneMatch((sql) -> sql.contains("current_version"));
    }

    /**
     * The starter never asks while starting whether a MySQL-protocol DataSource is StarRocks; the probe asks. A
     * MySQL application's database is not reported DOWN (nor UP as StarRocks): JDBC reads UNKNOWN.
     */
    @Test
    void aMySqlDataSourceIsNotReportedAsStarRocks() {
        ServerVariables.mysql8(this.server);
        CompositeHealthContributor health = health();

        assertThat(component(health, "jdbc").getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(component(health, "backends").getStatus()).isEqualTo(Status.UNKNOWN);
        // One question per round (the cache TTL is 0 here), and no SHOW BACKENDS sent to MySQL.
        assertThat(this.server.executedSql()).containsOnly("SELECT @@version_comment");
    }

    @Test
    void failingJdbcIsDownWithTheErrorAndNoStatement() {
        this.server.on("@@version_comment", new Failure(1045, "28000", "Access denied for user 'app'@'10.0.0.9'"));
        CompositeHealthContributor health = health();

        Health jdbc = component(health, "jdbc");
        assertThat(jdbc.getStatus()).isEqualTo(Status.DOWN);
        assertThat(jdbc.getDetails().get("error").toString()).contains("Access denied for user 'app'")
            .doesNotContain("SELECT");
        assertThat(this.server.executedSql()).containsExactly("SELECT @@version_comment");
    }

    @Test
    void aHungDataSourceHoldsOneProbeNotOnePerRound() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger connectionsAsked = new AtomicInteger();
        AbstractDataSource hung = new AbstractDataSource() {

            @Override
            public Connection getConnection() {
                connectionsAsked.incrementAndGet();
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("released");
            }

            @Override
            public Connection getConnection(String username, String password) {
                return getConnection();
            }

        };
        // The probe timeout only ends each round: the DataSource answers when the latch is released, never before.
        this.probe = new StarRocksClusterProbe(hung, List.of(), Duration.ofMillis(50), Duration.ZERO);
        try {
            for (int round = 0; round < 3; round++) {
                assertThat(this.probe.state().jdbc().error()).isEqualTo("no answer within 50 ms");
            }
            assertThat(connectionsAsked).hasValue(1);
        }
        finally {
            release.countDown();
        }
    }

}
