package io.github.srboot.streamload.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The FEs, used round robin. An FE that fails at the transport level is ejected; it comes back only after its
 * {@code /api/health} answers, probed at most once per probe interval while another FE takes the loads, and at once
 * when every FE is out of rotation.
 */
public final class Frontends {

    private static final Log logger = LogFactory.getLog(Frontends.class);

    private final List<Node> nodes;

    private final AtomicInteger next = new AtomicInteger();

    private final Function<URI, Mono<Boolean>> probe;

    private final long probeIntervalNanos;

    public Frontends(List<URI> urls, Function<URI, Mono<Boolean>> probe, Duration probeInterval) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("At least one FE HTTP URL is required.");
        }
        List<Node> nodes = new ArrayList<>();
        urls.forEach((url) -> nodes.add(new Node(withoutTrailingSlash(url))));
        this.nodes = List.copyOf(nodes);
        this.probe = probe;
        this.probeIntervalNanos = probeInterval.toNanos();
    }

    /**
     * The next healthy FE; when every FE is ejected, probes them all now (joining a probe already under way) and
     * returns the first that answers as healthy, else fails with {@link NoFrontendException}.
     */
    Mono<URI> select() {
        long now = System.nanoTime();
        int start = Math.floorMod(this.next.getAndIncrement(), this.nodes.size());
        URI chosen = null;
        List<Node> due = new ArrayList<>();
        List<Node> ejected = new ArrayList<>();
        for (int i = 0; i < this.nodes.size(); i++) {
            Node node = this.nodes.get((start + i) % this.nodes.size());
            if (!node.ejected) {
                if (chosen == null) {
                    chosen = node.url;
                }
                continue;
            }
            ejected.add(node);
            if (node.probeDue(now, this.probeIntervalNanos)) {
                due.add(node);
            }
        }
        if (chosen != null) {
            // Bring recovered FEs back in the background; the load goes on with a healthy one.
            due.forEach((node) -> probe(node).subscribe());
            return Mono.just(chosen);
        }
        // No FE is left to take the load: waiting for the probe interval would only fail every load meanwhile (one
        // reset of a single FE would refuse all loads until the next probe), so each FE is asked now.
        return Flux.fromIterable(ejected)
            .concatMap((node) -> probe(node).filter(Boolean::booleanValue).map((ok) -> node.url))
            .next()
            .switchIfEmpty(Mono.error(() -> new NoFrontendException(urls())));
    }

    /** The node's health probe: the one under way when there is one, else a new one. */
    private Mono<Boolean> probe(Node node) {
        Mono<Boolean> running = node.probe.get();
        if (running != null) {
            return running;
        }
        Mono<Boolean> started = Mono.defer(() -> {
            node.lastProbe = System.nanoTime();
            return this.probe.apply(node.url);
        }).onErrorReturn(false).doOnNext((healthy) -> {
            if (healthy) {
                node.ejected = false;
                logger.info("StarRocks FE " + node.url + " answers /api/health again; back in rotation.");
            }
        }).doFinally((signal) -> node.probe.set(null)).cache();
        return node.probe.compareAndSet(null, started) ? started : probe(node);
    }

    /**
     * Whether an FE's {@code /api/health} answer says it can take loads ({@link FrontendHealth#takesLoads()}).
     */
    public static boolean healthy(int status, String body) {
        return FrontendHealth.of(status, body).takesLoads();
    }

    /**
     * The FEs to try in turn for a call that is not a load (transaction calls, merge commit loads): those in
     * rotation first, then the ejected ones, each group in configured order.
     */
    List<URI> inOrderOfHealth() {
        List<URI> ordered = new ArrayList<>();
        this.nodes.stream().filter((node) -> !node.ejected).forEach((node) -> ordered.add(node.url));
        this.nodes.stream().filter((node) -> node.ejected).forEach((node) -> ordered.add(node.url));
        return ordered;
    }

    /**
     * Calls the FEs in turn, in {@link #inOrderOfHealth()}, for a call that is not a load: while a call fails as
     * {@code moveOn} accepts, its FE is ejected (as a load's transport failure ejects it) and the next FE is asked;
     * the last FE's failure passes on as it is. The one FE choice of transaction calls, merge commit loads and label
     * look-ups.
     */
    public <T> Mono<T> inTurn(Function<URI, Mono<T>> call, Predicate<? super Throwable> moveOn) {
        return Mono.defer(() -> inTurn(inOrderOfHealth(), call, moveOn));
    }

    private <T> Mono<T> inTurn(List<URI> candidates, Function<URI, Mono<T>> call,
            Predicate<? super Throwable> moveOn) {
        URI first = candidates.get(0);
        Mono<T> chain = call.apply(first);
        if (candidates.size() == 1) {
            return chain;
        }
        return chain.onErrorResume(moveOn, (ex) -> {
            eject(first, ex);
            return inTurn(candidates.subList(1, candidates.size()), call, moveOn);
        });
    }

    /**
     * Takes an FE out of rotation after a transport failure.
     */
    void eject(URI url, Throwable cause) {
        for (Node node : this.nodes) {
            if (node.url.equals(url) && !node.ejected) {
                node.lastProbe = System.nanoTime();
                node.ejected = true;
                logger.warn("StarRocks FE " + url + " ejected after " + cause + "; probing /api/health before use.");
            }
        }
    }

    /**
     * Whether the configured address that {@code url} is on (any path) answered a load itself (a BE, CN or a proxy
     * following the redirect). Loads, transaction loads and merge commit loads share this knowledge.
     */
    boolean runsLoads(URI url) {
        return this.nodes.stream().anyMatch((node) -> sameOrigin(node.url, url) && node.runsLoads);
    }

    /** Whether {@code url} is on a configured FE address (any path). */
    boolean isConfigured(URI url) {
        return this.nodes.stream().anyMatch((node) -> sameOrigin(node.url, url));
    }

    /** Remembers that the configured address {@code url} is on runs loads itself: later requests get the body. */
    void markRunsLoads(URI url) {
        for (Node node : this.nodes) {
            if (sameOrigin(node.url, url) && !node.runsLoads) {
                node.runsLoads = true;
                logger.warn("StarRocks address " + node.url + " in starrocks.http.frontends runs Stream Loads itself"
                        + " instead of redirecting to a BE (a BE/CN, or a proxy that follows the redirect): loads"
                        + " through it send the body to it directly.");
            }
        }
    }

    List<URI> urls() {
        return this.nodes.stream().map((node) -> node.url).toList();
    }

    /** Whether the FE is in rotation. */
    boolean isHealthy(URI url) {
        return this.nodes.stream().anyMatch((node) -> node.url.equals(url) && !node.ejected);
    }

    /** Same scheme, host (case-insensitively) and port (the scheme's default when absent). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static URI withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    private static final class Node {

        final URI url;

        volatile boolean ejected;

        volatile long lastProbe;

        volatile boolean runsLoads;

        /** The health probe under way, shared by every caller until it answers; {@code null} when none is. */
        final AtomicReference<Mono<Boolean>> probe = new AtomicReference<>();

        Node(URI url) {
            this.url = url;
        }

        boolean probeDue(long now, long interval) {
            return this.probe.get() == null && now - this.lastProbe >= interval;
        }

    }

    /** Every FE is out of rotation and none answered a probe. */
    static final class NoFrontendException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NoFrontendException(List<URI> urls) {
            super("No StarRocks FE is available; tried " + urls);
        }

    }

}
