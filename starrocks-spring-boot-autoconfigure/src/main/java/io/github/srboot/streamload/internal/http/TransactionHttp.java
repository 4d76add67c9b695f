package io.github.srboot.streamload.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * The HTTP calls of the transaction API, merge commit loads and label look-ups, on the template's own
 * {@link StreamLoadHttp} clients (so the application's {@code WebClient.Builder}, its customizers and observations,
 * and {@code starrocks.http.ssl.bundle} apply), which follow no redirect: each 307 is followed here by the one
 * redirect rule ({@link Redirects}), with the same headers and {@code Authorization}.
 *
 * <p>A body is never sent to an FE: a request with a body goes to a configured FE (or an FE it redirects to, such
 * as the leader) with its headers, {@code Expect: 100-continue} and no body, and the body follows the redirect to
 * the first address that is not a configured FE (a BE). A configured address that runs the request itself instead
 * of redirecting (a BE given as FE, or the Kubernetes operator's FE proxy, which follows the 307 itself and hands the
 * BE whatever body the client sent) answers the body-less request with {@code LoadBytes} 0: it is then remembered as
 * such ({@link Frontends#markRunsLoads}, shared with plain loads) and the request is sent again with its body, which
 * is safe because nothing was read.
 */
public final class TransactionHttp {

    private static final byte[] NO_BODY = new byte[0];

    private final StreamLoadHttp http;

    private final Frontends frontends;

    private final Redirects redirects;

    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public TransactionHttp(Frontends frontends, StreamLoadHttp http, Redirects redirects) {
        this.http = http;
        this.frontends = frontends;
        this.redirects = redirects;
    }

    /**
     * An answer: status, the address that gave it (after redirects) and the body text.
     */
    public record Reply(int status, URI server, String body) {
    }

    /**
     * Sends a request (with or without a body) and follows redirects; completes with the first answer that is not
     * a redirect, or fails with the transport's exception.
     */
    public Mono<Reply> send(HttpMethod method, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        return send(method, url, url, headers, (body != null) ? body : NO_BODY, timeout, 0);
    }

    private Mono<Reply> send(HttpMethod method, URI origin, URI url, Map<String, String> headers, byte[] body,
            Duration timeout, int hops) {
        boolean toFrontend = this.frontends.isConfigured(url);
        boolean runsLoads = toFrontend && this.frontends.runsLoads(url);
        boolean holdBody = toFrontend && !runsLoads && body.length > 0;
        return this.http
            .exchange(method, url, toFrontend, headers, holdBody ? NO_BODY : body, holdBody || runsLoads, timeout)
            .timeout(timeout)
            .flatMap((answer) -> {
                if (answer.isRedirect() && answer.location() != null) {
                    return follow(method, origin, url, answer.location(), headers, body, timeout, hops);
                }
                if (holdBody && ranItself(answer)) {
                    this.frontends.markRunsLoads(url);
                    return send(method, origin, url, headers, body, timeout, hops);
                }
                return Mono.just(new Reply(answer.status(), url, answer.body()));
            });
    }

    /** Whether a body-less request was run where it was sent: it says it read 0 bytes instead of redirecting. */
    private boolean ranItself(StreamLoadHttp.Answer answer) {
        ServerAnswer parsed = (answer.status() == 200) ? ServerAnswer.parse(this.json, answer.body()) : null;
        return parsed != null && parsed.loadBytes() == 0;
    }

    private Mono<Reply> follow(HttpMethod method, URI origin, URI from, String location, Map<String, String> headers,
            byte[] body, Duration timeout, int hops) {
        if (hops >= this.redirects.maxRedirects()) {
            return Mono.error(new IllegalStateException("More than " + this.redirects.maxRedirects()
                    + " redirects from " + from));
        }
        return send(method, origin, this.redirects.next(origin, from, location), headers, body, timeout, hops + 1);
    }

    /**
     * Calls the FEs in turn while they refuse the connection (nothing reached them), in the order of
     * {@link Frontends#inOrderOfHealth()}, the FE choice of plain loads: an FE that refuses is ejected as a load's
     * transport failure ejects it, and the next call starts at an FE in rotation.
     */
    public <T> Mono<T> firstReachable(java.util.function.Function<URI, Mono<T>> call) {
        return this.frontends.inTurn(call, TransactionHttp::refused);
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

}
