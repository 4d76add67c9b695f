package io.github.srboot.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.sql.DataSource;

import io.github.srboot.jdbc.StarRocksDetection;
import io.github.srboot.jdbc.StarRocksSqlExceptionTranslator;
import io.github.srboot.streamload.internal.http.FrontendHealth;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.lang.Nullable;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * Probes a StarRocks cluster for health, metrics and the {@code starrocks} endpoint: the server's identity and
 * version ({@link StarRocksDetection}: variables the FE answers alone, so the JDBC side stays UP while every backend
 * is down, unlike {@code current_version()}, which runs on a backend) and {@code SHOW BACKENDS} over JDBC, and {@code GET /api/health} on each FE, all at once, each bounded by the probe
 * timeout. A round's result is reused for the cache TTL (counted from when it completed), and callers arriving
 * while a round runs share it, so frequent health checks and scrapes cannot hammer the cluster.
 *
 * <p>{@code SHOW BACKENDS} needs a cluster privilege ({@code OPERATE}); without it the backend counts come from the
 * FEs, which report how many backends are online but not which.
 */
public final class StarRocksClusterProbe implements DisposableBean {

    /** The default bound on each probe. */
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** The default time a round's result is reused. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);

    static final String SHOW_BACKENDS = "SHOW BACKENDS";

    @Nullable
    private final DataSource dataSource;

    private final List<URI> frontends;

    private final Duration probeTimeout;

    private final long cacheTtlNanos;

    private final LongSupplier nanoClock;

    /** The FE client's TLS context (an SSL bundle's), or {@code null} for the JDK's default. */
    @Nullable
    private final SSLContext sslContext;

    /** Protocols and ciphers for the FE client's TLS, or {@code null} for the context's defaults. */
    @Nullable
    private final SSLParameters sslParameters;

    /** Created at the first probe round, so that an unused probe holds no thread. */
    @Nullable
    private volatile HttpClient http;

    private final ExecutorService jdbcExecutor;

    private final AtomicReference<Round> round = new AtomicReference<>();

    /** The last JDBC probe started; only the round that wins {@link #round} starts one. */
    private final AtomicReference<CompletableFuture<JdbcAnswer>> jdbcProbe = new AtomicReference<>();

    /**
     * Creates a probe.
     * @param dataSource the StarRocks DataSource, or {@code null} when the application has none
     * @param frontends the FE HTTP base URLs (may be empty)
     * @param probeTimeout bound on each probe, positive
     * @param cacheTtl how long a round's result is reused, zero or positive
     */
    public StarRocksClusterProbe(@Nullable DataSource dataSource, List<URI> frontends, Duration probeTimeout,
            Duration cacheTtl) {
        this(dataSource, frontends, probeTimeout, cacheTtl, null, null);
    }

    /**
     * Creates a probe that calls https FEs with the given TLS settings (those of the SSL bundle that Stream Load
     * uses, so that an FE with a private CA is probed as it is loaded into).
     * @param dataSource the StarRocks DataSource, or {@code null} when the application has none
     * @param frontends the FE HTTP base URLs (may be empty)
     * @param probeTimeout bound on each probe, positive
     * @param cacheTtl how long a round's result is reused, zero or positive
     * @param sslContext the TLS context for https FEs, or {@code null} for the JDK's default
     * @param sslParameters protocols and ciphers, or {@code null} for the context's defaults
     */
    public StarRocksClusterProbe(@Nullable DataSource dataSource, List<URI> frontends, Duration probeTimeout,
            Duration cacheTtl, @Nullable SSLContext sslContext, @Nullable SSLParameters sslParameters) {
        this(dataSource, frontends, probeTimeout, cacheTtl, System::nanoTime, sslContext, sslParameters);
    }

    StarRocksClusterProbe(@Nullable DataSource dataSource, List<URI> frontends, Duration probeTimeout,
            Duration cacheTtl, LongSupplier nanoClock) {
        this(dataSource, frontends, probeTimeout, cacheTtl, nanoClock, null, null);
    }

    private StarRocksClusterProbe(@Nullable DataSource dataSource, List<URI> frontends, Duration probeTimeout,
            Duration cacheTtl, LongSupplier nanoClock, @Nullable SSLContext sslContext,
            @Nullable SSLParameters sslParameters) {
        if (probeTimeout == null || probeTimeout.isZero() || probeTimeout.isNegative()) {
            throw new IllegalArgumentException("probeTimeout must be positive, got " + probeTimeout);
        }
        if (cacheTtl == null || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must be zero or positive, got " + cacheTtl);
        }
        this.dataSource = dataSource;
        this.frontends = List.copyOf(frontends);
        this.probeTimeout = probeTimeout;
        this.cacheTtlNanos = cacheTtl.toNanos();
        this.nanoClock = nanoClock;
        this.sslContext = sslContext;
        this.sslParameters = sslParameters;
        this.jdbcExecutor = Executors.newCachedThreadPool((task) -> {
            Thread thread = new Thread(task, "starrocks-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    private HttpClient http() {
        HttpClient client = this.http;
        if (client == null) {
            synchronized (this) {
                client = this.http;
                if (client == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                        .connectTimeout(this.probeTimeout)
                        .executor(this.jdbcExecutor)
                        .followRedirects(HttpClient.Redirect.NEVER);
                    if (this.sslContext != null) {
                        builder.sslContext(this.sslContext);
                    }
                    if (this.sslParameters != null) {
                        builder.sslParameters(this.sslParameters);
                    }
                    client = builder.build();
                    this.http = client;
                }
            }
        }
        return client;
    }

    /**
     * Whether there is anything to probe: a DataSource or at least one FE.
     */
    public boolean hasTargets() {
        return this.dataSource != null || !this.frontends.isEmpty();
    }

    /**
     * Whether the JDBC side is probed.
     */
    public boolean hasDataSource() {
        return this.dataSource != null;
    }

    /**
     * The FE URLs probed.
     */
    public List<URI> getFrontends() {
        return this.frontends;
    }

    /**
     * The cluster's state, from the cache or a new round; waits for a running round.
     */
    public ClusterState state() {
        return stateAsync().join();
    }

    /**
     * The cluster's state without blocking the caller: a cached or running round, or a new one. Never completes
     * exceptionally; failures are part of the state.
     */
    public CompletableFuture<ClusterState> stateAsync() {
        while (true) {
            Round current = this.round.get();
            if (current != null && current.isFresh(this.nanoClock.getAsLong(), this.cacheTtlNanos)) {
                return current.result;
            }
            Round next = new Round();
            if (this.round.compareAndSet(current, next)) {
                probeNow().whenComplete((state, failure) -> {
                    next.completedAt = this.nanoClock.getAsLong();
                    next.completed = true;
                    next.result.complete(state);
                });
                return next.result;
            }
        }
    }

    private CompletableFuture<ClusterState> probeNow() {
        CompletableFuture<JdbcAnswer> jdbc = (this.dataSource != null)
                ? bounded(jdbcProbe().copy()).exceptionally((failure) -> JdbcAnswer.failed(describe(failure)))
                : CompletableFuture.completedFuture(null);
        List<CompletableFuture<ClusterState.Frontend>> frontends = this.frontends.stream()
            .map((url) -> bounded(probeFrontend(url))
                .exceptionally((failure) -> new ClusterState.Frontend(url, false, null, null, describe(failure))))
            .toList();
        List<CompletableFuture<?>> all = new ArrayList<>(frontends);
        all.add(jdbc);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
            JdbcAnswer jdbcAnswer = jdbc.join();
            List<ClusterState.Frontend> frontendStates = frontends.stream().map(CompletableFuture::join).toList();
            return new ClusterState((jdbcAnswer != null) ? jdbcAnswer.jdbc : null, frontendStates,
                    backends(jdbcAnswer, frontendStates));
        });
    }

    /**
     * The JDBC probe still running from an earlier round (a bounded wait ends the round, not the blocked JDBC call),
     * or a new one: a hung DataSource holds one probe thread, not one more per round.
     */
    private CompletableFuture<JdbcAnswer> jdbcProbe() {
        CompletableFuture<JdbcAnswer> running = this.jdbcProbe.get();
        if (running != null && !running.isDone()) {
            return running;
        }
        CompletableFuture<JdbcAnswer> started = CompletableFuture.supplyAsync(this::probeJdbc, this.jdbcExecutor);
        this.jdbcProbe.set(started);
        return started;
    }

    private <T> CompletableFuture<T> bounded(CompletableFuture<T> probe) {
        return probe.orTimeout(this.probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<ClusterState.Frontend> probeFrontend(URI url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripTrailingSlash(url) + "/api/health"))
            .timeout(this.probeTimeout)
            .GET()
            .build();
        return http().sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
            // the rule Stream Load chooses FEs by
            FrontendHealth health = FrontendHealth.of(response.statusCode(), response.body());
            return new ClusterState.Frontend(url, health.healthy(), health.onlineBackends(), health.totalBackends(),
                    health.problem());
        });
    }

    private static String stripTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * One JDBC round on one connection: the version, then the backends when the user may list them.
     */
    private JdbcAnswer probeJdbc() {
        Connection connection = null;
        try {
            connection = this.dataSource.getConnection();
            StarRocksDetection.Server server = StarRocksDetection.detect(connection, queryTimeoutSeconds());
            if (!server.starRocks()) {
                // A DataSource of another database (the starter only asks now, never while starting): nothing of
                // StarRocks to report, and no reason to call the application's database DOWN.
                return new JdbcAnswer(null, null, "the DataSource is not StarRocks (@@version_comment: "
                        + server.versionComment() + ")");
            }
            String version = server.version();
            ClusterState.Jdbc jdbc = new ClusterState.Jdbc(true, version, null);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(queryTimeoutSeconds());
                try (ResultSet result = statement.executeQuery(SHOW_BACKENDS)) {
                    return new JdbcAnswer(jdbc, readBackends(result), null);
                }
            }
            catch (SQLException ex) {
                DataAccessException translated = new StarRocksSqlExceptionTranslator().translate("health",
                        SHOW_BACKENDS, ex);
                String reason = (translated instanceof PermissionDeniedDataAccessException)
                        ? "SHOW BACKENDS needs the OPERATE privilege, which the JDBC user lacks"
                        : "SHOW BACKENDS failed: " + ex.getMessage();
                return new JdbcAnswer(jdbc, null, reason);
            }
        }
        catch (SQLException | RuntimeException ex) {
            return JdbcAnswer.failed(describe(ex));
        }
        finally {
            JdbcUtils.closeConnection(connection);
        }
    }

    private int queryTimeoutSeconds() {
        return (int) Math.max(1, (this.probeTimeout.toMillis() + 999) / 1000);
    }

    private static ClusterState.Backends readBackends(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        int alive = 0;
        int total = 0;
        List<String> offline = new ArrayList<>();
        while (result.next()) {
            Map<String, String> row = new LinkedCaseInsensitiveMap<>(Locale.ROOT);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), result.getString(i));
            }
            total++;
            if ("true".equalsIgnoreCase(row.get("Alive"))) {
                alive++;
            }
            else {
                String host = (row.get("IP") != null) ? row.get("IP") : row.get("Host");
                String error = row.get("ErrMsg");
                offline.add(host + ":" + row.get("HeartbeatPort")
                        + ((error != null && !error.isBlank()) ? " (" + error + ")" : ""));
            }
        }
        return new ClusterState.Backends(ClusterState.Source.SHOW_BACKENDS, alive, total, offline, null);
    }

    private static ClusterState.Backends backends(@Nullable JdbcAnswer jdbc, List<ClusterState.Frontend> frontends) {
        if (jdbc != null && jdbc.backends != null) {
            return jdbc.backends;
        }
        String note = (jdbc == null) ? "no StarRocks DataSource: counts from the FEs' /api/health"
                : (jdbc.backendsUnavailable != null) ? jdbc.backendsUnavailable + "; counts from the FEs' /api/health"
                        : "JDBC is down; counts from the FEs' /api/health";
        return frontends.stream()
            .filter((frontend) -> frontend.up() && frontend.totalBackends() != null)
            .findFirst()
            .map((frontend) -> new ClusterState.Backends(ClusterState.Source.FRONTENDS, frontend.onlineBackends(),
                    frontend.totalBackends(), List.of(), note))
            .orElseGet(() -> new ClusterState.Backends(ClusterState.Source.NONE, null, null, List.of(),
                    "neither SHOW BACKENDS nor an FE answered"));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "no answer within " + this.probeTimeout.toMillis() + " ms";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + ((message != null) ? ": " + firstLine(message) : "");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0) ? message : message.substring(0, newline);
    }

    @Override
    public void destroy() {
        this.jdbcExecutor.shutdownNow();
    }

    /** What the JDBC probe learnt. */
    private record JdbcAnswer(ClusterState.Jdbc jdbc, @Nullable ClusterState.Backends backends,
            @Nullable String backendsUnavailable) {

        static JdbcAnswer failed(String error) {
            return new JdbcAnswer(new ClusterState.Jdbc(false, null, error), null, null);
        }

    }

    /** One round of probes and when it completed. */
    private static final class Round {

        final CompletableFuture<ClusterState> result = new CompletableFuture<>();

        volatile boolean completed;

        volatile long completedAt;

        boolean isFresh(long now, long ttlNanos) {
            return !this.completed || now - this.completedAt < ttlNanos;
        }

    }

}
