package io.github.srboot.streamload;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP calls of the transaction API, merge commit loads and label look-ups, on Spring's {@link WebClient} over
 * a Reactor Netty client that follows no redirect: each 307 is followed here, to the (rewritten) {@code Location},
 * with the same headers and {@code Authorization}.
 *
 * <p>A body is never sent to an FE: a request with a body goes to a configured FE (or an FE it redirects to, such
 * as the leader) with its headers, {@code Expect: 100-continue} and no body, and the body follows the redirect to
 * the first address that is not a configured FE (a BE). Credentials are never sent from an {@code https} address
 * to an {@code http} one.
 */
final class TransactionHttp implements AutoCloseable {

    private static final byte[] NO_BODY = new byte[0];

    private final ConnectionProvider pool;

    private final WebClient client;

    private final String authorization;

    private final HostRewrite hostRewrite;

    private final int maxRedirects;

    private final Set<String> frontends = new HashSet<>();

    TransactionHttp(List<URI> frontends, String username, String password, Duration connectTimeout,
            HostRewrite hostRewrite, int maxRedirects, WebClient.Builder webClientBuilder,
            java.util.function.UnaryOperator<HttpClient> httpClientCustomizer) {
        this.authorization = "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.hostRewrite = hostRewrite;
        this.maxRedirects = maxRedirects;
        frontends.forEach((frontend) -> this.frontends.add(authority(frontend)));
        this.pool = ConnectionProvider.builder("starrocks-stream-load-transactions")
            .maxConnections(16)
            .pendingAcquireMaxCount(-1)
            .maxIdleTime(Duration.ofSeconds(30))
            .build();
        HttpClient httpClient = HttpClient.create(this.pool)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(Math.max(1, connectTimeout.toMillis())))
            .followRedirect(false)
            .compress(false);
        if (httpClientCustomizer != null) {
            // The template's TLS (starrocks.http.ssl.bundle) applies here too.
            httpClient = httpClientCustomizer.apply(httpClient);
        }
        // Like the template's other calls: from the application's WebClient.Builder when there is one.
        WebClient.Builder base = (webClientBuilder != null) ? webClientBuilder.clone() : WebClient.builder();
        this.client = base.clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }

    /**
     * An answer: status, the address that gave it (after redirects) and the body text.
     */
    record Reply(int status, URI server, String body) {
    }

    /**
     * Sends a request (with or without a body) and follows redirects; completes with the first answer that is not
     * a redirect, or fails with the transport's exception.
     */
    Mono<Reply> send(HttpMethod method, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        return send(method, url, headers, (body != null) ? body : NO_BODY, timeout, 0);
    }

    private Mono<Reply> send(HttpMethod method, URI url, Map<String, String> headers, byte[] body, Duration timeout,
            int hops) {
        boolean toFrontend = this.frontends.contains(authority(url));
        boolean holdBody = toFrontend && body.length > 0;
        WebClient.RequestBodySpec request = this.client.method(method).uri(url).headers((sent) -> {
            headers.forEach(sent::set);
            sent.set(HttpHeaders.AUTHORIZATION, this.authorization);
            if (holdBody) {
                sent.set(HttpHeaders.EXPECT, "100-continue");
            }
        });
        WebClient.RequestHeadersSpec<?> ready = (method == HttpMethod.GET) ? request
                : request.bodyValue(holdBody ? NO_BODY : body);
        return ready.exchangeToMono((response) -> {
            int status = response.statusCode().value();
            String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
            if (isRedirect(status) && location != null) {
                return response.releaseBody().then(Mono.defer(() -> follow(method, url, location, headers, body,
                        timeout, hops)));
            }
            return response.bodyToMono(String.class).defaultIfEmpty("").map((text) -> new Reply(status, url, text));
        }).timeout(timeout);
    }

    private Mono<Reply> follow(HttpMethod method, URI from, String location, Map<String, String> headers, byte[] body,
            Duration timeout, int hops) {
        if (hops >= this.maxRedirects) {
            return Mono.error(new IllegalStateException("More than " + this.maxRedirects + " redirects from " + from));
        }
        URI next = from.resolve(location);
        next = (this.hostRewrite != null) ? this.hostRewrite.apply(next) : next;
        if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            return Mono.error(new IllegalStateException("Refusing to send credentials from " + from.getScheme()
                    + "://" + from.getAuthority() + " to the plain-HTTP redirect target " + next.getScheme() + "://"
                    + next.getAuthority() + "; configure the BE for HTTPS or use http FE addresses knowingly."));
        }
        return send(method, next, headers, body, timeout, hops + 1);
    }

    /**
     * A GET with credentials, following redirects (e.g. {@code get_load_state} to the leader FE).
     */
    Mono<Reply> get(URI url, Duration timeout) {
        return send(HttpMethod.GET, url, Map.of(), NO_BODY, timeout, 0);
    }

    /**
     * Calls the first FE and, while FEs refuse the connection (nothing reached them), the next ones in order.
     */
    static <T> Mono<T> firstReachable(List<URI> frontends, java.util.function.Function<URI, Mono<T>> call) {
        Mono<T> chain = call.apply(frontends.get(0));
        for (URI next : frontends.subList(1, frontends.size())) {
            chain = chain.onErrorResume(TransactionHttp::refused, (ex) -> call.apply(next));
        }
        return chain;
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String authority(URI url) {
        int port = url.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        }
        return String.valueOf(url.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public void close() {
        this.pool.disposeLater().block(Duration.ofSeconds(10));
    }

}
