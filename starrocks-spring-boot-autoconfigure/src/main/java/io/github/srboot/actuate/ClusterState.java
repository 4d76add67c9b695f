package io.github.srboot.actuate;

import java.net.URI;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * What one round of probes saw of a StarRocks cluster: the JDBC side, each FE's {@code /api/health}, and the
 * backends. Holds no credentials and no statements, so it can be shown on an actuator endpoint as is.
 *
 * @param jdbc the JDBC probe, or {@code null} when the application has no StarRocks DataSource
 * @param frontends one probe per configured FE, in configuration order (empty when none is configured)
 * @param backends what is known of the backends
 */
public record ClusterState(@Nullable Jdbc jdbc, List<Frontend> frontends, Backends backends) {

    public ClusterState {
        frontends = List.copyOf(frontends);
    }

    /**
     * The FEs that answered.
     */
    public List<Frontend> reachableFrontends() {
        return this.frontends.stream().filter(Frontend::up).toList();
    }

    /**
     * The JDBC probe: {@code SELECT @@version_comment} on the StarRocks DataSource.
     *
     * @param up whether the query answered
     * @param version the server's version (from {@code @@version_comment}, such as {@code 3.5.5-e0b2fd4}), or {@code null} when down
     * @param error why it is down, or {@code null}
     */
    public record Jdbc(boolean up, @Nullable String version, @Nullable String error) {
    }

    /**
     * One FE's {@code /api/health}.
     *
     * @param url the FE's HTTP base URL
     * @param up whether it answered with status OK
     * @param onlineBackends {@code online_backend_num}, or {@code null} when down
     * @param totalBackends {@code total_backend_num}, or {@code null} when down
     * @param error why it is down, or {@code null}
     */
    public record Frontend(URI url, boolean up, @Nullable Integer onlineBackends, @Nullable Integer totalBackends,
            @Nullable String error) {
    }

    /**
     * The backends (BEs and compute nodes).
     *
     * @param source where the counts come from: {@link Source#SHOW_BACKENDS}, {@link Source#FRONTENDS} or
     * {@link Source#NONE}
     * @param alive how many are alive, or {@code null} when unknown
     * @param total how many are registered, or {@code null} when unknown
     * @param offline the ones not alive ({@code host:heartbeatPort} and the server's reason), known only from
     * {@code SHOW BACKENDS}
     * @param note why the counts come from where they do, or {@code null}
     */
    public record Backends(Source source, @Nullable Integer alive, @Nullable Integer total, List<String> offline,
            @Nullable String note) {

        public Backends {
            offline = List.copyOf(offline);
        }

    }

    /**
     * Where the backend counts come from.
     */
    public enum Source {

        /** {@code SHOW BACKENDS} over JDBC (needs a cluster privilege), naming each backend. */
        SHOW_BACKENDS,

        /** The FEs' {@code /api/health} counts, without names. */
        FRONTENDS,

        /** Nothing answered. */
        NONE

    }

}
