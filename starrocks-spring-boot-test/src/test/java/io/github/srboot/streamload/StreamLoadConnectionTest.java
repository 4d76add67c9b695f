package io.github.srboot.streamload;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ConnectionObserver;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.github.srboot.streamload.StubTemplates.Item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connection handling and answer checks that need a scripted FE/BE pair rather than the stub: FE connections used
 * once and closed, BE connections pooled and kept alive, and answers that must never count as success.
 */
class StreamLoadConnectionTest {

    /** Client addresses (one per TCP connection) seen by the FE; the server reports each request on a connection. */
    private final Set<SocketAddress> frontendConnections = ConcurrentHashMap.newKeySet();

    private final Set<SocketAddress> backendConnections = ConcurrentHashMap.newKeySet();

    private final List<Map<String, String>> frontendHeaders = new CopyOnWriteArrayList<>();

    private final AtomicReference<String> backendAnswer = new AtomicReference<>(
            "{\"Status\":\"Success\",\"Message\":\"OK\",\"NumberTotalRows\":1,\"NumberLoadedRows\":1,\"TxnId\":5}");

    private final AtomicInteger backendStatus = new AtomicInteger(200);

    /** One permit each time a BE connection goes back to the template's pool. */
    private final Semaphore backendReleases = new Semaphore(0);

    private DisposableServer frontend;

    private DisposableServer backend;

    private StreamLoadTemplate template;

    private void start() {
        this.backend = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .doOnConnection((connection) -> this.backendConnections.add(connection.channel().remoteAddress()))
            .route((routes) -> routes.put("/api/shop/orders/_stream_load",
                    (request, response) -> request.receive().aggregate().then(Mono.defer(() -> response
                        .status(this.backendStatus.get())
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(this.backendAnswer.get()))
                        .then()))))
            .bindNow();
        String location = "http://127.0.0.1:" + this.backend.port() + "/api/shop/orders/_stream_load";
        this.frontend = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .doOnConnection((connection) -> this.frontendConnections.add(connection.channel().remoteAddress()))
            .route((routes) -> routes.put("/api/shop/orders/_stream_load", (request, response) -> {
                Map<String, String> headers = new java.util.HashMap<>();
                request.requestHeaders().forEach((header) -> headers.put(header.getKey().toLowerCase(), header.getValue()));
                this.frontendHeaders.add(headers);
                return response.status(307).header(HttpHeaderNames.LOCATION, location)
                    .header(HttpHeaderNames.CONNECTION, "close").send();
            }))
            .bindNow();
        this.template = StreamLoadTemplate.builder()
            .frontends(List.of(java.net.URI.create("http://127.0.0.1:" + this.frontend.port())))
            .credentials("root", "pw")
            .database("shop")
            .retryPolicy(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5)))
            .httpClientCustomizer((client) -> client.observe((connection, state) -> {
                if (state == ConnectionObserver.State.RELEASED
                        && connection.channel().remoteAddress() instanceof InetSocketAddress address
                        && address.getPort() == this.backend.port()) {
                    this.backendReleases.release();
                }
            }))
            .build();
    }

    @AfterEach
    void stop() {
        if (this.template != null) {
            this.template.close();
        }
        if (this.frontend != null) {
            this.frontend.disposeNow();
        }
        if (this.backend != null) {
            this.backend.disposeNow();
        }
    }

    @Test
    void frontendConnectionsAreUsedOnceAndBackendConnectionsAreKeptAlive() throws InterruptedException {
        start();
        for (int i = 0; i < 5; i++) {
            this.template.load("orders", Flux.just(new Item(i, "x"))).block();
            // The answer can reach block() just before the event loop returns the connection to the pool; the next
            // load must find it there, or it would open a second one and the count would depend on scheduling.
            assertThat(this.backendReleases.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(this.frontendConnections).hasSize(5);
        assertThat(this.backendConnections).hasSize(1);
        assertThat(this.frontendHeaders).hasSize(5).allSatisfy((headers) -> {
            assertThat(headers).containsEntry("expect", "100-continue")
                .containsEntry("content-length", "0")
                .containsEntry("authorization", "Basic cm9vdDpwdw==");
            assertThat(headers.get("label")).startsWith("srboot_orders_");
        });
    }

    @Test
    void anOkWithoutAStreamLoadAnswerIsNotASuccess() {
        start();
        this.backendAnswer.set("OK");
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("orders", Flux.just(new Item(1, "x"))).block())
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.PROTOCOL));
        this.backendAnswer.set("{\"Status\":\"Maybe\"}");
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("orders", Flux.just(new Item(1, "x"))).block())
            .satisfies((ex) -> assertThat(ex.serverMessage()).contains("unknown Status 'Maybe'"));
    }

    @Test
    void forbiddenIsAnAuthenticationFailure() {
        start();
        this.backendStatus.set(403);
        this.backendAnswer.set("{\"status\":\"FAILED\",\"msg\":\"Access denied; you need INSERT privilege\"}");
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("orders", Flux.just(new Item(1, "x"))).block())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.AUTHENTICATION);
                assertThat(ex.serverStatus()).isEqualTo("HTTP 403");
                assertThat(ex.attempts()).isOne();
            });
    }

    @Test
    void aSuccessWithoutTheWholeBodyOrEveryRowIsNotASuccess() {
        start();
        // What a gateway that followed the redirect with an empty body gets back: Success, nothing read.
        this.backendAnswer.set("{\"Status\":\"Success\",\"Message\":\"OK\",\"NumberTotalRows\":0,"
                + "\"NumberLoadedRows\":0,\"LoadBytes\":0,\"TxnId\":5}");
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("orders", Flux.just(new Item(1, "x"))).block())
            .satisfies((ex) -> {
                assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.BODY_NOT_RECEIVED);
                assertThat(ex.serverMessage()).contains("read 0 of the");
            });
        // Every byte but not every row (rows the client counted): also not a success.
        this.backendAnswer.set("{\"Status\":\"Success\",\"Message\":\"OK\",\"NumberTotalRows\":1,"
                + "\"NumberLoadedRows\":1,\"TxnId\":6}");
        assertThatExceptionOfType(StreamLoadException.class)
            .isThrownBy(() -> this.template.load("orders", Flux.just(new Item(1, "x"), new Item(2, "y"))).block())
            .satisfies((ex) -> assertThat(ex.serverMessage()).contains("read 1 of the 2 rows"));
    }

}
