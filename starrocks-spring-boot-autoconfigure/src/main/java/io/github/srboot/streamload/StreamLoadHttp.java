package io.github.srboot.streamload;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP calls of Stream Load, all through Spring's {@link WebClient} over tuned Reactor Netty clients: a
 * header-only request to the FE on a fresh connection (the FE closes it after its 307), the body to the BE on pooled
 * keep-alive connections, and small GETs (health, load state, error log).
 *
 * <p>Both clients start from the application's {@code WebClient.Builder} when there is one (its customizers,
 * filters and observation registry apply), and get their own connector: no redirect is ever followed here (the
 * caller reads {@code Location} and decides), timeouts are per request, and the body goes out as the batch's
 * pooled Netty buffers wrapped as {@link DataBuffer}s, never copied.
 */
final class StreamLoadHttp implements AutoCloseable {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(
            io.netty.buffer.PooledByteBufAllocator.DEFAULT);

    private final ConnectionProvider backendPool;

    private final WebClient frontendClient;

    private final WebClient backendClient;

    private final String authorization;

    private final Duration readTimeout;

    /**
     * @param webClientBuilder the application's builder (cloned, never changed), or {@code null} for a plain one
     * @param httpClientCustomizer applied to both Reactor Netty clients last (SSL), or {@code null}
     */
    StreamLoadHttp(String username, String password, Duration connectTimeout, Duration readTimeout,
            int maxBackendConnections, WebClient.Builder webClientBuilder, UnaryOperator<HttpClient> httpClientCustomizer) {
        this.authorization = "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.readTimeout = readTimeout;
        int connectMillis = Math.toIntExact(Math.max(1, connectTimeout.toMillis()));
        UnaryOperator<HttpClient> customizer = (httpClientCustomizer != null) ? httpClientCustomizer
                : UnaryOperator.identity();
        this.backendPool = ConnectionProvider.builder("starrocks-stream-load")
            .maxConnections(maxBackendConnections)
            .pendingAcquireMaxCount(-1)
            .maxIdleTime(Duration.ofSeconds(30))
            .build();
        HttpClient backend = customizer.apply(HttpClient.create(this.backendPool)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
            .keepAlive(true)
            .followRedirect(false)
            .compress(false));
        HttpClient frontend = customizer.apply(HttpClient.newConnection()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
            .keepAlive(false)
            .followRedirect(false)
            .compress(false));
        WebClient.Builder base = (webClientBuilder != null) ? webClientBuilder.clone() : WebClient.builder();
        this.backendClient = base.clone().clientConnector(new ReactorClientHttpConnector(backend)).build();
        this.frontendClient = base.clone().clientConnector(new ReactorClientHttpConnector(frontend)).build();
    }

    /**
     * Sends the load's headers to an FE without any body ({@code Content-Length: 0}) and returns its answer,
     * normally a 307 to a BE.
     */
    Mono<Answer> askFrontend(URI url, Map<String, String> loadHeaders) {
        return this.frontendClient.put()
            .uri(url)
            .headers((headers) -> {
                loadHeaders.forEach(headers::set);
                headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
                headers.set(HttpHeaders.EXPECT, "100-continue");
                headers.setContentLength(0);
            })
            .httpRequest((request) -> responseTimeout(request.getNativeRequest(), this.readTimeout))
            .exchangeToMono(StreamLoadHttp::answer);
    }

    /**
     * Sends the body to a BE (pooled connection) with the same headers and {@code Authorization}; with
     * {@code expectContinue} (an address that runs loads itself, maybe a proxy passing the request to an FE, which
     * requires it) also {@code Expect: 100-continue}.
     */
    Mono<Answer> sendToBackend(URI url, Map<String, String> loadHeaders, Flux<ByteBuf> body, long length,
            Duration responseTimeout, boolean expectContinue) {
        Flux<DataBuffer> buffers = body.map(BUFFERS::wrap);
        return this.backendClient.put()
            .uri(url)
            .headers((headers) -> {
                loadHeaders.forEach(headers::set);
                headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
                headers.setContentLength(length);
                if (expectContinue) {
                    headers.set(HttpHeaders.EXPECT, "100-continue");
                }
            })
            .httpRequest((request) -> responseTimeout(request.getNativeRequest(), responseTimeout))
            .body(BodyInserters.fromDataBuffers(buffers))
            .exchangeToMono(StreamLoadHttp::answer);
    }

    /**
     * A GET with or without credentials; at most {@code maxBytes} of the body are read.
     */
    Mono<Answer> get(URI url, boolean authenticate, int maxBytes) {
        return this.backendClient.get()
            .uri(url)
            .headers((headers) -> {
                if (authenticate) {
                    headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
                }
            })
            .httpRequest((request) -> responseTimeout(request.getNativeRequest(), this.readTimeout))
            .exchangeToMono((response) -> {
                Flux<DataBuffer> head = DataBufferUtils
                    .takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()), maxBytes);
                return DataBufferUtils.join(head)
                    .map((joined) -> {
                        try {
                            return joined.toString(StandardCharsets.UTF_8);
                        }
                        finally {
                            DataBufferUtils.release(joined);
                        }
                    })
                    .defaultIfEmpty("")
                    .map((text) -> new Answer(response.statusCode().value(),
                            response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION), text));
            });
    }

    private static Mono<Answer> answer(ClientResponse response) {
        return response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map((body) -> new Answer(response.statusCode().value(),
                    response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION), body));
    }

    private static void responseTimeout(Object nativeRequest, Duration timeout) {
        if (nativeRequest instanceof HttpClientRequest request) {
            request.responseTimeout(timeout);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Closes the pooled connections, waiting at most {@code timeout} for them to close gracefully. */
    void close(Duration timeout) {
        try {
            this.backendPool.disposeLater().block(timeout);
        }
        catch (IllegalStateException ex) {
            // Timed out: the pool is disposed anyway, its last connections close in the background.
        }
    }

    /**
     * An HTTP answer: status, {@code Location} (or {@code null}) and body text.
     */
    record Answer(int status, String location, String body) {

        boolean isRedirect() {
            return this.status == 301 || this.status == 302 || this.status == 303 || this.status == 307
                    || this.status == 308;
        }

    }

}
