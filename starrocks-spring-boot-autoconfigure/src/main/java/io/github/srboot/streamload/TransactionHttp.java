package io.github.srboot.streamload;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * The HTTP calls of the transaction API, merge commit loads and label look-ups, on the template's own
 * {@link StreamLoadHttp} clients (so the application's {@code WebClient.Builder}, its customizers and observations,
 * and {@code starrocks.http.ssl.bundle} apply), which follow no redirect: each 307 is followed here, to the
 * (rewritten) {@code Location}, with the same headers and {@code Authorization}.
 *
 * <p>A body is never sent to an FE: a request with a body goes to a configured FE (or an FE it redirects to, such
 * as the leader) with its headers, {@code Expect: 100-continue} and no body, and the body follows the redirect to
 * the first address that is not a configured FE (a BE). Credentials are never sent from an {@code https} address
 * to an {@code http} one.
 */
final class TransactionHttp {

    private static final byte[] NO_BODY = new byte[0];

    private final StreamLoadHttp http;

    private final HostRewrite hostRewrite;

    private final int maxRedirects;

    private final Set<String> frontends = new HashSet<>();

    TransactionHttp(List<URI> frontends, StreamLoadHttp http, HostRewrite hostRewrite, int maxRedirects) {
        this.http = http;
        this.hostRewrite = hostRewrite;
        this.maxRedirects = maxRedirects;
        frontends.forEach((frontend) -> this.frontends.add(authority(frontend)));
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
        return this.http.exchange(method, url, toFrontend, headers, holdBody ? NO_BODY : body, holdBody, timeout)
            .timeout(timeout)
            .flatMap((answer) -> (answer.isRedirect() && answer.location() != null)
                    ? follow(method, url, answer.location(), headers, body, timeout, hops)
                    : Mono.just(new Reply(answer.status(), url, answer.body())));
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

    private static String authority(URI url) {
        int port = url.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        }
        return String.valueOf(url.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
    }

}
