package io.github.srboot.streamload;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP calls of Stream Load over Reactor Netty: a header-only request to the FE on a fresh connection (the FE
 * closes it after its 307), the body to the BE on pooled keep-alive connections, and small GETs (health, load
 * state, error log).
 *
 * <p>No redirect is followed here; the caller reads {@code Location} and decides.
 */
final class StreamLoadHttp implements AutoCloseable {

    private final ConnectionProvider backendPool;

    private final HttpClient frontendClient;

    private final HttpClient backendClient;

    private final String authorization;

    private final Duration readTimeout;

    StreamLoadHttp(String username, String password, Duration connectTimeout, Duration readTimeout,
            int maxBackendConnections) {
        this.authorization = "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.readTimeout = readTimeout;
        int connectMillis = Math.toIntExact(Math.max(1, connectTimeout.toMillis()));
        this.backendPool = ConnectionProvider.builder("starrocks-stream-load")
            .maxConnections(maxBackendConnections)
            .pendingAcquireMaxCount(-1)
            .maxIdleTime(Duration.ofSeconds(30))
            .build();
        this.backendClient = HttpClient.create(this.backendPool)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
            .keepAlive(true)
            .followRedirect(false)
            .compress(false);
        this.frontendClient = HttpClient.newConnection()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
            .keepAlive(false)
            .followRedirect(false)
            .compress(false);
    }

    /**
     * Sends the load's headers to an FE without any body ({@code Content-Length: 0}) and returns its answer,
     * normally a 307 to a BE.
     */
    Mono<Answer> askFrontend(URI url, Map<String, String> loadHeaders) {
        return this.frontendClient.headers((headers) -> {
            loadHeaders.forEach(headers::set);
            headers.set(HttpHeaderNames.AUTHORIZATION, this.authorization);
            headers.set(HttpHeaderNames.EXPECT, "100-continue");
            headers.set(HttpHeaderNames.CONTENT_LENGTH, 0);
        })
            .responseTimeout(this.readTimeout)
            .put()
            .uri(url)
            .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .map((body) -> new Answer(response.status().code(), response.responseHeaders(), body)));
    }

    /**
     * Sends the body to a BE (pooled connection) with the same headers and {@code Authorization}.
     */
    Mono<Answer> sendToBackend(URI url, Map<String, String> loadHeaders, Flux<ByteBuf> body, long length,
            Duration responseTimeout) {
        return this.backendClient.headers((headers) -> {
            loadHeaders.forEach(headers::set);
            headers.set(HttpHeaderNames.AUTHORIZATION, this.authorization);
            headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        })
            .responseTimeout(responseTimeout)
            .put()
            .uri(url)
            .send(body)
            .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .map((text) -> new Answer(response.status().code(), response.responseHeaders(), text)));
    }

    /**
     * A GET with or without credentials; at most {@code maxBytes} of the body are read.
     */
    Mono<Answer> get(URI url, boolean authenticate, int maxBytes) {
        HttpClient client = this.backendClient.headers((headers) -> {
            if (authenticate) {
                headers.set(HttpHeaderNames.AUTHORIZATION, this.authorization);
            }
        }).responseTimeout(this.readTimeout);
        return client.get().uri(url).response((response, content) -> {
            int status = response.status().code();
            HttpHeaders headers = response.responseHeaders();
            return content.asByteArray()
                .scan(new byte[0], StreamLoadHttp::append)
                .takeUntil((bytes) -> bytes.length >= maxBytes)
                .last(new byte[0])
                .map((bytes) -> new Answer(status, headers, new String(bytes, 0, Math.min(bytes.length, maxBytes),
                        StandardCharsets.UTF_8)));
        }).single();
    }

    private static byte[] append(byte[] head, byte[] tail) {
        byte[] joined = new byte[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }

    @Override
    public void close() {
        this.backendPool.disposeLater().block(Duration.ofSeconds(10));
    }

    /**
     * An HTTP answer: status, headers and body text.
     */
    record Answer(int status, HttpHeaders headers, String body) {

        String location() {
            return this.headers.get(HttpHeaderNames.LOCATION);
        }

        boolean isRedirect() {
            return this.status == 301 || this.status == 302 || this.status == 303 || this.status == 307
                    || this.status == 308;
        }

    }

}
