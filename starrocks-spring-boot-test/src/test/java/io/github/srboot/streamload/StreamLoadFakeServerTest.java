package io.github.srboot.streamload;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import io.github.srboot.streamload.StubTemplates.Item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Situations the stub cannot produce because StarRocks alone never makes them: something between the client and the
 * BE (a gateway) that drops part of a body or answers 5xx after the BE committed. The FE and BE answers are shaped as
 * StarRocks writes them: the FE's 307 ({@code fe/fe-core/src/main/java/com/starrocks/http/rest/LoadAction.java}),
 * {@code get_load_state} ({@code .../http/rest/GetStreamLoadState.java}: {@code state} in a {@code RestBaseResult}),
 * the BE's Stream Load answer ({@code be/src/http/action/stream_load.cpp}, {@code StreamLoadContext::to_json}).
 */
class StreamLoadFakeServerTest {

    private DisposableServer frontend;

    private DisposableServer backend;

    private final List<String> labels = new CopyOnWriteArrayList<>();

    private final AtomicInteger bodies = new AtomicInteger();

    @AfterEach
    void stop() {
        if (this.frontend != null) {
            this.frontend.disposeNow();
        }
        if (this.backend != null) {
            this.backend.disposeNow();
        }
    }

    /** A BE answering each load with {@code answer(attempt, label, bytes read)}. */
    private void start(BackendAnswer answer, String loadState) {
        this.backend = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> request.receive()
            .aggregate()
            .asByteArray()
            .defaultIfEmpty(new byte[0])
            .flatMap((body) -> {
                String label = request.requestHeaders().get("label");
                this.labels.add(label);
                int attempt = this.bodies.incrementAndGet();
                return answer.answer(attempt, label, body.length, response);
            })).bindNow();
        String location = "http://127.0.0.1:" + this.backend.port();
        this.frontend = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
            if (request.uri().startsWith("/api/shop/get_load_state")) {
                return json(response, 200, "{\"state\":\"" + loadState + "\",\"status\":\"OK\",\"code\":\"0\","
                        + "\"msg\":\"Success\",\"message\":\"OK\"}");
            }
            if (request.uri().equals("/api/health")) {
                return json(response, 200, "{\"status\":\"OK\",\"msg\":\"Success\",\"total_backend_num\":1,"
                        + "\"online_backend_num\":1}");
            }
            return redirect(request, response, location);
        }).bindNow();
    }

    private static Mono<Void> redirect(HttpServerRequest request, HttpServerResponse response, String location) {
        return response.status(307).header("Location", location + request.uri()).header("Connection", "close")
            .send();
    }

    private static Mono<Void> json(HttpServerResponse response, int status, String body) {
        return response.status(status).header("Content-Type", "application/json").sendString(Mono.just(body))
            .then();
    }

    /** A Stream Load answer with the BE's fields. */
    private static String loadAnswer(String label, String status, long rows, long bytes) {
        return "{\"TxnId\":7,\"Label\":\"" + label + "\",\"Status\":\"" + status + "\",\"Message\":\"OK\","
                + "\"NumberTotalRows\":" + rows + ",\"NumberLoadedRows\":" + rows + ",\"NumberFilteredRows\":0,"
                + "\"NumberUnselectedRows\":0,\"LoadBytes\":" + bytes + ",\"LoadTimeMs\":1}";
    }

    private StreamLoadTemplate.Builder template(int maxRetries) {
        return StreamLoadTemplate.builder()
            .frontends(List.of(URI.create("http://127.0.0.1:" + this.frontend.port())))
            .database("shop")
            .retryPolicy(new RetryPolicy(maxRetries, Duration.ofMillis(10), Duration.ofMillis(50),
                    Duration.ofMillis(20)))
            .labelPollInterval(Duration.ofMillis(20))
            .readTimeout(Duration.ofSeconds(5));
    }

    @FunctionalInterface
    private interface BackendAnswer {

        Mono<Void> answer(int attempt, String label, int bytesRead, HttpServerResponse response);

    }

    // ---- issue 22 item 12: a batch whose body did not arrive is sent again under a new label ----

    @Test
    void aBatchWhoseBodyDidNotArriveIsRetriedUnderAFreshLabel() {
        // the first answer: a gateway passed on half the body and the BE committed what it read
        start((attempt, label, bytes, response) -> json(response, 200,
                loadAnswer(label, "Success", (attempt == 1) ? 1 : 2, (attempt == 1) ? bytes / 2 : bytes)), "VISIBLE");
        try (StreamLoadTemplate template = template(0).batchPolicy(new BatchPolicy(2, 1 << 20, Duration.ofHours(1)))
            .build()) {
            StreamLoadException failure = assertThatExceptionOfType(StreamLoadException.class)
                .isThrownBy(() -> template.stream("events", Flux.just(new Item(1, "a"), new Item(2, "b")))
                    .blockLast())
                .actual();
            assertThat(failure.reason()).isEqualTo(StreamLoadException.Reason.BODY_NOT_RECEIVED);
            FailedBatch batch = failure.failedBatch().orElseThrow();

            LoadResult retried = template.retry(batch).block();

            assertThat(retried.status()).isEqualTo(LoadStatus.SUCCESS);
            assertThat(this.labels).hasSize(2);
            // the first label is spent on what arrived: the retry never reuses it
            assertThat(this.labels.get(1)).isNotEqualTo(this.labels.get(0)).isEqualTo(batch.label())
                .isEqualTo(retried.label());
        }
    }

    // ---- issue 22 item 12: a 5xx on the last attempt is settled through the label ----

    @Test
    void aGatewayErrorOnTheLastAttemptIsSettledThroughTheLabel() {
        // a gateway in front of the BE answers 502 after the BE committed; get_load_state says VISIBLE
        start((attempt, label, bytes, response) -> response.status(502).sendString(Mono.just("Bad Gateway")).then(),
                "VISIBLE");
        try (StreamLoadTemplate template = template(0).build()) {
            LoadResult result = template.load("events", Flux.just(new Item(1, "a"))).block();

            assertThat(result.status()).isEqualTo(LoadStatus.ALREADY_LOADED);
            assertThat(this.bodies.get()).isOne();
        }
    }

}
