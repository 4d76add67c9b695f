package io.github.srboot.streamload.internal.http;

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
import org.springframework.http.HttpMethod;
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
public final class StreamLoadHttp implements AutoCloseable {

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
    public StreamLoadHttp(String username, String password, Duration connectTimeout, Duration readTimeout,
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
            .compress(false)
            .doOnRequest(ContinueGate::watch));
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
     * Sends the body to a BE (pooled connection), or to an address that runs loads itself, with the same headers,
     * {@code Authorization} and {@code Expect: 100-continue}; the body goes once the server answered
     * {@code 100 Continue} (StarRocks' BE does when its header handler accepted the load), or after
     * {@link #CONTINUE_WAIT} without any answer. An answer the BE gives from its header handler (a refusal, label
     * already used) therefore arrives as an answer, however large the body, not as a reset connection.
     */
    Mono<Answer> sendToBackend(URI url, Map<String, String> loadHeaders, Flux<ByteBuf> body, long length,
            Duration responseTimeout) {
        // The body waits for the BE's 100 Continue: a BE that refuses the load from its header handler answers
        // instead and closes, and a body already on its way would turn that answer into a connection reset.
        ContinueGate gate = new ContinueGate();
        Flux<DataBuffer> buffers = gate.opened(CONTINUE_WAIT).thenMany(body.map(BUFFERS::wrap));
        return this.backendClient.put()
            .uri(url)
            .headers((headers) -> {
                loadHeaders.forEach(headers::set);
                headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
                headers.setContentLength(length);
                headers.set(HttpHeaders.EXPECT, "100-continue");
            })
            .httpRequest((request) -> responseTimeout(request.getNativeRequest(), responseTimeout))
            .body(BodyInserters.fromDataBuffers(buffers))
            .exchangeToMono(StreamLoadHttp::answer)
            .contextWrite(reactor.util.context.Context.of(ContinueGate.class, gate));
    }

    /** How long a body waits for {@code 100 Continue} from a server that does not send it (curl waits as long). */
    static final Duration CONTINUE_WAIT = Duration.ofSeconds(1);

    /**
     * Holds a request body back until the server answered {@code 100 Continue} (or a final answer came first, then
     * for good), as RFC 9110 lets a client do after {@code Expect: 100-continue}; Reactor Netty passes interim
     * answers over, so a channel handler watches for them.
     */
    static final class ContinueGate {

        private final reactor.core.publisher.Sinks.One<Boolean> answered = reactor.core.publisher.Sinks.one();

        /** Completes when the body may go: at 100 Continue, or after {@code wait} without any answer. */
        Mono<Void> opened(Duration wait) {
            return this.answered.asMono()
                .timeout(wait, Mono.just(Boolean.TRUE))
                .flatMap((proceed) -> proceed ? Mono.<Void>empty() : Mono.<Void>never());
        }

        /** Installs the watcher on the connection of a request that carries a gate in its context. */
        static void watch(reactor.netty.http.client.HttpClientRequest request, reactor.netty.Connection connection) {
            ContinueGate gate = request.currentContextView().getOrDefault(ContinueGate.class, null);
            if (gate == null) {
                return;
            }
            connection.addHandlerFirst("srboot.continue", new io.netty.channel.ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(io.netty.channel.ChannelHandlerContext context, Object message) {
                    if (message instanceof io.netty.handler.codec.http.HttpResponse response) {
                        gate.answered.tryEmitValue(response.status().code() == 100);
                    }
                    context.fireChannelRead(message);
                }
            });
        }

    }

    /**
     * A GET with or without credentials; at most {@code maxBytes} of the body are read.
     */
    public Mono<Answer> get(URI url, boolean authenticate, int maxBytes) {
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

    /**
     * A request of the transaction API or a merge commit load, with {@code Authorization}, on the same clients as
     * the loads (to an FE on a fresh connection, elsewhere pooled); {@code body} may be empty, a GET sends none.
     */
    Mono<Answer> exchange(HttpMethod method, URI url, boolean toFrontend, Map<String, String> requestHeaders,
            byte[] body, boolean expectContinue, Duration responseTimeout) {
        // A body for a BE waits for its 100 Continue, as loads do (sendToBackend).
        boolean gated = !toFrontend && method != HttpMethod.GET && body.length > 0;
        ContinueGate gate = new ContinueGate();
        WebClient.RequestBodySpec request = (toFrontend ? this.frontendClient : this.backendClient).method(method)
            .uri(url)
            .headers((headers) -> {
                requestHeaders.forEach(headers::set);
                headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
                if (expectContinue || gated) {
                    headers.set(HttpHeaders.EXPECT, "100-continue");
                }
            })
            .httpRequest((nativeRequest) -> responseTimeout(nativeRequest.getNativeRequest(), responseTimeout));
        WebClient.RequestHeadersSpec<?> ready = (method == HttpMethod.GET) ? request
                : gated ? request.contentLength(body.length).body(BodyInserters.fromDataBuffers(gate.opened(CONTINUE_WAIT)
                    .thenMany(Mono.fromSupplier(() -> BUFFERS.wrap(io.netty.buffer.Unpooled.wrappedBuffer(body))))))
                : request.bodyValue(body);
        return ready.exchangeToMono(StreamLoadHttp::answer)
            .contextWrite(reactor.util.context.Context.of(ContinueGate.class, gate));
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
    public void close(Duration timeout) {
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
    public record Answer(int status, String location, String body) {

        boolean isRedirect() {
            return this.status == 301 || this.status == 302 || this.status == 303 || this.status == 307
                    || this.status == 308;
        }

    }

}
