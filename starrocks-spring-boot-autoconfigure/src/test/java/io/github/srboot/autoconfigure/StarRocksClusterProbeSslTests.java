package io.github.srboot.autoconfigure;

import java.io.File;

import io.github.srboot.actuate.ClusterState;
import io.github.srboot.actuate.StarRocksClusterProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FE health probe uses the SSL bundle named by {@code starrocks.http.ssl.bundle}, as Stream Load does: an FE
 * whose certificate only that bundle trusts is UP with it and DOWN without it.
 */
class StarRocksClusterProbeSslTests {

    private static final String CERTIFICATE = "classpath:tls/server.crt";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class,
                StarRocksClusterProbeAutoConfiguration.class, SslAutoConfiguration.class))
        .withPropertyValues("starrocks.database=db");

    private DisposableServer server;

    @AfterEach
    void stopServer() {
        if (this.server != null) {
            this.server.disposeNow();
        }
    }

    /** An FE over TLS with a self-signed certificate, answering /api/health as StarRocks does. */
    private String startTlsFrontend() throws Exception {
        File certificate = new File(getClass().getResource("/tls/server.crt").toURI());
        File key = new File(getClass().getResource("/tls/server.key").toURI());
        this.server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .secure((spec) -> spec.sslContext(Http11SslContextSpec.forServer(certificate, key)))
            .route((routes) -> routes.get("/api/health", (request, response) -> response
                .header("Content-Type", "application/json")
                .sendString(Mono.just("{\"status\":\"OK\",\"msg\":\"Success\",\"total_backend_num\":1,"
                        + "\"online_backend_num\":1}"))))
            .bindNow();
        return "https://localhost:" + this.server.port();
    }

    @Test
    void aFrontendTrustedOnlyByTheBundleIsUpWithTheBundle() throws Exception {
        String url = startTlsFrontend();
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=" + url, "starrocks.http.ssl.bundle=starrocks",
                    "spring.ssl.bundle.pem.starrocks.truststore.certificate=" + CERTIFICATE)
            .run((context) -> {
                ClusterState state = context.getBean(StarRocksClusterProbe.class).state();
                assertThat(state.frontends()).singleElement().satisfies((frontend) -> {
                    assertThat(frontend.up()).isTrue();
                    assertThat(frontend.onlineBackends()).isEqualTo(1);
                });
            });
    }

    @Test
    void withoutTheBundleTheSelfSignedFrontendIsDown() throws Exception {
        String url = startTlsFrontend();
        this.contextRunner.withPropertyValues("starrocks.http.frontends=" + url).run((context) -> {
            ClusterState state = context.getBean(StarRocksClusterProbe.class).state();
            assertThat(state.frontends()).singleElement()
                .satisfies((frontend) -> assertThat(frontend.up()).isFalse());
        });
    }

    @Test
    void anUnknownBundleFailsStartUpNamingTheProperty() {
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=https://localhost:8443", "starrocks.http.ssl.bundle=missing")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("starrocks.http.ssl.bundle")
                .hasMessageContaining("missing"));
    }

}
