package io.github.srboot.streamload.internal.http;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.srboot.streamload.HostRewrite;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one rule for following a StarRocks redirect (an FE's 307 to the leader FE or to a BE), used by plain loads,
 * transactions, merge commit loads and label look-ups alike: the {@code Location} is resolved against the address
 * that answered, the BE host rewrite applied, the hops counted, and an {@code https} FE that sends a request on to
 * plain {@code http} (StarRocks BEs serve plain HTTP) is reported once, as a warning, never silently and never as a
 * refusal that only some paths would make.
 */
public final class Redirects {

    private static final Log logger = LogFactory.getLog(Redirects.class);

    private final HostRewrite hostRewrite;

    private final int maxRedirects;

    /** FEs already reported for redirecting https requests to plain http. */
    private final Set<String> cleartextWarned = ConcurrentHashMap.newKeySet();

    public Redirects(HostRewrite hostRewrite, int maxRedirects) {
        this.hostRewrite = hostRewrite;
        this.maxRedirects = maxRedirects;
    }

    /** Redirects followed at most per request. */
    int maxRedirects() {
        return this.maxRedirects;
    }

    /**
     * Where a redirect leads: {@code location} resolved against {@code from}, the host rewrite applied; warns (once
     * per {@code origin}, the configured FE the request started at) when an https origin sends it to plain http.
     */
    URI next(URI origin, URI from, String location) {
        URI next = rewrite(from.resolve(location));
        warnIfCleartext(origin, next);
        return next;
    }

    /**
     * Where a redirect from one FE to another leads (a follower sending a label look-up on to the leader):
     * {@code location} resolved against {@code from}, without the host rewrite (which names a BE), with the same
     * https-to-http warning as {@link #next}.
     */
    URI toFrontend(URI origin, URI from, String location) {
        URI next = from.resolve(location);
        warnIfCleartext(origin, next);
        return next;
    }

    private void warnIfCleartext(URI origin, URI next) {
        if ("https".equalsIgnoreCase(origin.getScheme()) && "http".equalsIgnoreCase(next.getScheme())
                && this.cleartextWarned.add(origin.getScheme() + "://" + origin.getRawAuthority())) {
            logger.warn("StarRocks FE " + origin.getScheme() + "://" + origin.getRawAuthority() + " (https) redirects"
                    + " Stream Load to " + next.getScheme() + "://" + next.getHost() + ":" + next.getPort()
                    + " (plain http): the credentials and rows of every load through it cross the network"
                    + " unencrypted.");
        }
    }

    /** An address the cluster announced (a redirect target, an error log URL) made reachable by the rewrite. */
    URI rewrite(URI url) {
        return (this.hostRewrite != null) ? this.hostRewrite.apply(url) : url;
    }

}
