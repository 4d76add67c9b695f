package io.github.srboot.autoconfigure;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.netty.http.Http11SslContextSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.transaction.StreamLoadTransactionException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the auto-configured template builds its HTTP client: from the application's {@code WebClient.Builder} (its
 * customizers apply) and with the SSL bundle named by {@code starrocks.http.ssl.bundle}, for loads and for the
 * transaction API alike.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamLoadHttpClientAutoConfigurationTests {

    private static final String CERTIFICATE = "classpath:tls/server.crt";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class,
                WebClientAutoConfiguration.class, ClientHttpConnectorAutoConfiguration.class, SslAutoConfiguration.class))
        .withPropertyValues("starrocks.database=db", "starrocks.stream-load.max-retries=0");

    private DisposableServer server;

    @AfterEach
    void stopServer() {
        if (this.server != null) {
            this.server.disposeNow();
        }
    }

    /** A server that refuses every load with a recognisable message, over TLS when asked. */
    private String startRefusingServer(boolean tls) throws Exception {
        HttpServer http = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> request.receive()
                .then(response.header("Content-Type", "application/json")
                    .sendString(Mono.just("{\"Status\":\"Fail\",\"Message\":\"refused by the test server\"}"))
                    .then()));
        if (tls) {
            File certificate = new File(getClass().getResource("/tls/server.crt").toURI());
            File key = new File(getClass().getResource("/tls/server.key").toURI());
            http = http.secure((spec) -> spec.sslContext(Http11SslContextSpec.forServer(certificate, key)));
        }
        this.server = http.bindNow();
        return (tls ? "https" : "http") + "://localhost:" + this.server.port();
    }

    private static StreamLoadException loadOneRow(StreamLoadTemplate template) {
        try {
            template.load("t", Flux.just(Map.of("id", 1)), LoadOptions.json()).block();
        }
        catch (StreamLoadException ex) {
            return ex;
        }
        throw new AssertionError("The load should have failed");
    }

    @Test
    void sslBundleIsUsedForHttpsFrontends() throws Exception {
        String url = startRefusingServer(true);
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=" + url, "starrocks.http.ssl.bundle=starrocks",
                    "spring.ssl.bundle.pem.starrocks.truststore.certificate=" + CERTIFICATE)
            .run((context) -> {
                StreamLoadException failure = loadOneRow(context.getBean(StreamLoadTemplate.class));
                // The server's own answer came back: the TLS handshake trusted the bundle's certificate.
                assertThat(failure.reason()).isEqualTo(StreamLoadException.Reason.REJECTED);
                assertThat(failure.serverMessage()).isEqualTo("refused by the test server");
            });
    }

    private static StreamLoadTransactionException beginTransaction(StreamLoadTemplate template) {
        try {
            template.transaction("t", "txn_1").begin().block();
        }
        catch (StreamLoadTransactionException ex) {
            return ex;
        }
        throw new AssertionError("The transaction's begin should have failed");
    }

    @Test
    void transactionRequestsUseTheSslBundle() throws Exception {
        String url = startRefusingServer(true);
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=" + url, "starrocks.http.ssl.bundle=starrocks",
                    "spring.ssl.bundle.pem.starrocks.truststore.certificate=" + CERTIFICATE)
            .run((context) -> {
                StreamLoadTransactionException failure = beginTransaction(context.getBean(StreamLoadTemplate.class));
                // The server's own answer came back: the TLS handshake trusted the bundle's certificate.
                assertThat(failure.outcomeUnknown()).isFalse();
                assertThat(failure.serverMessage()).isEqualTo("refused by the test server");
            });
    }

    @Test
    void withoutTheBundleTransactionRequestsDoNotTrustTheSelfSignedServer() throws Exception {
        String url = startRefusingServer(true);
        this.contextRunner.withPropertyValues("starrocks.http.frontends=" + url).run((context) -> {
            StreamLoadTransactionException failure = beginTransaction(context.getBean(StreamLoadTemplate.class));
            assertThat(failure.outcomeUnknown()).isTrue();
            assertThat(failure.serverMessage()).doesNotContain("refused by the test server");
        });
    }

    @Test
    void theApplicationsWebClientCustomizersApplyToTransactionRequests() throws Exception {
        String url = startRefusingServer(false);
        this.contextRunner.withUserConfiguration(RecordingCustomizer.class)
            .withPropertyValues("starrocks.http.frontends=" + url)
            .run((context) -> {
                beginTransaction(context.getBean(StreamLoadTemplate.class));
                assertThat(context.getBean(RecordingCustomizer.class).requests)
                    .containsExactly("POST /api/transaction/begin");
            });
    }

    @Test
    void withoutTheBundleTheSelfSignedServerIsNotTrusted() throws Exception {
        String url = startRefusingServer(true);
        this.contextRunner.withPropertyValues("starrocks.http.frontends=" + url).run((context) -> {
            StreamLoadException failure = loadOneRow(context.getBean(StreamLoadTemplate.class));
            assertThat(failure.reason()).isNotEqualTo(StreamLoadException.Reason.REJECTED);
            assertThat(failure.serverMessage()).doesNotContain("refused by the test server");
        });
    }

    @Test
    void anHttpsFrontendRedirectingToPlainHttpIsWarnedAbout(CapturedOutput output) throws Exception {
        DisposableServer backend = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> request.receive()
                .then(response.header("Content-Type", "application/json")
                    .sendString(Mono.just("{\"Status\":\"Success\",\"Message\":\"OK\",\"TxnId\":1}"))
                    .then()))
            .bindNow();
        try {
            File certificate = new File(getClass().getResource("/tls/server.crt").toURI());
            File key = new File(getClass().getResource("/tls/server.key").toURI());
            String location = "http://127.0.0.1:" + backend.port() + "/api/db/t/_stream_load";
            this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .secure((spec) -> spec.sslContext(Http11SslContextSpec.forServer(certificate, key)))
                .handle((request, response) -> response.status(307).header("Location", location).send())
                .bindNow();
            this.contextRunner
                .withPropertyValues("starrocks.http.frontends=https://localhost:" + this.server.port(),
                        "starrocks.http.ssl.bundle=starrocks",
                        "spring.ssl.bundle.pem.starrocks.truststore.certificate=" + CERTIFICATE)
                .run((context) -> {
                    context.getBean(StreamLoadTemplate.class).load("t", Flux.just(Map.of("id", 1))).block();
                    assertThat(output).containsOnlyOnce("redirects Stream Load to http://127.0.0.1:" + backend.port()
                            + " (plain http): the credentials and rows of every load through it cross the network"
                            + " unencrypted");
                });
        }
        finally {
            backend.disposeNow();
        }
    }

    @Test
    void anUnknownBundleFailsAtStartup() {
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=https://localhost:8443", "starrocks.http.ssl.bundle=missing")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("missing"));
    }

    @Test
    void theApplicationsWebClientCustomizersApply() throws Exception {
        String url = startRefusingServer(false);
        this.contextRunner.withUserConfiguration(RecordingCustomizer.class)
            .withPropertyValues("starrocks.http.frontends=" + url)
            .run((context) -> {
                loadOneRow(context.getBean(StreamLoadTemplate.class));
                assertThat(context.getBean(RecordingCustomizer.class).requests).contains("PUT /api/db/t/_stream_load");
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingCustomizer {

        final List<String> requests = new CopyOnWriteArrayList<>();

        @Bean
        WebClientCustomizer recordingWebClientCustomizer() {
            return (builder) -> builder.filter(ExchangeFilterFunction.ofRequestProcessor((request) -> {
                this.requests.add(request.method() + " " + request.url().getPath());
                return Mono.just(request);
            }));
        }

    }

}
