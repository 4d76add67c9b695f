package io.github.srboot.streamload;

import java.net.URI;

/**
 * Replaces the host (and optionally the port) of the BE addresses the FE redirects to, for BEs that announce an
 * address the client cannot reach (containers, NAT).
 *
 * @param host the reachable host
 * @param port the reachable port, or {@code -1} to keep the announced port
 */
public record HostRewrite(String host, int port) {

    /**
     * Validates the parts.
     */
    public HostRewrite {
        if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
            throw new IllegalArgumentException("Invalid redirect host rewrite host '" + host + "'.");
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("Invalid redirect host rewrite port " + port + ".");
        }
    }

    /**
     * Parses {@code host} or {@code host:port} ({@code [v6]:port} for IPv6).
     */
    public static HostRewrite parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A redirect host rewrite needs a host, optionally host:port.");
        }
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon || (value.startsWith("[") && value.contains("]:"))) {
            String port = value.substring(colon + 1);
            try {
                return new HostRewrite(value.substring(0, colon), Integer.parseInt(port));
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("Invalid port '" + port + "' in redirect host rewrite '" + text
                        + "'.", ex);
            }
        }
        return new HostRewrite(value, -1);
    }

    /**
     * The URL with this host (and port), keeping scheme, path and query exactly as they were.
     */
    public URI apply(URI url) {
        int port = (this.port != -1) ? this.port : url.getPort();
        StringBuilder text = new StringBuilder(url.getScheme()).append("://").append(this.host);
        if (port != -1) {
            text.append(':').append(port);
        }
        if (url.getRawPath() != null) {
            text.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            text.append('?').append(url.getRawQuery());
        }
        return URI.create(text.toString());
    }

    @Override
    public String toString() {
        return (this.port != -1) ? this.host + ":" + this.port : this.host;
    }

}
