package io.github.srboot.test.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;

/**
 * An embedded StarRocks for tests: the Stream Load stub's FE and BE HTTP listeners plus StarRocks' SQL front end
 * over the MySQL protocol (the FE query port), sharing one catalogue. Unchanged MySQL Connector/J, HikariCP and Spring
 * JDBC connect to {@link #jdbcUrl()}.
 *
 * <pre>{@code
 * try (EmbeddedStarRocksServer starRocks = EmbeddedStarRocksServer.builder().start()) {
 *     DataSource dataSource = ... starRocks.jdbcUrl("shop") ..., user root, empty password
 *     // CREATE DATABASE / CREATE TABLE over JDBC, Stream Load to starRocks.stub().frontendUrls(), SELECT back
 * }
 * }</pre>
 *
 * <p>What the SQL side answers is ported from StarRocks' FE; what it does not implement it refuses with an error
 * naming the statement. Every listener binds 127.0.0.1.
 */
public final class EmbeddedStarRocksServer implements AutoCloseable {

    /** The StarRocks release imitated by default (the project's test image, {@code allin1-ubuntu:3.5.5}). */
    public static final String DEFAULT_VERSION = "3.5.5";

    /** The commit of {@link #DEFAULT_VERSION} as {@code @@version_comment} prints it. */
    public static final String DEFAULT_COMMIT = "e0b2fd4";

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final StreamLoadStubServer stub;

    private final Variables variables;

    private final String mysqlServerVersion;

    private final String starRocksVersion;

    private final String commit;

    private final Catalog catalog;

    private final SqlFrontend frontend;

    private final SqlFaults faults;

    private final AlterJobs alterJobs;

    private final ExecutorService executor;

    private final AtomicInteger nextConnectionId = new AtomicInteger();

    private final Set<QueryConnection> connections = ConcurrentHashMap.newKeySet();

    private final List<String> statementLog = new ArrayList<>();

    private final Consumer<String> logger;

    private final int requestedPort;

    private volatile ServerSocket listener;

    private volatile int queryPort;

    private volatile boolean running;

    private volatile boolean refusingConnections;

    private EmbeddedStarRocksServer(Builder builder) {
        this.stub = builder.stub.credentials(builder.username, builder.password).build();
        this.starRocksVersion = builder.version;
        this.commit = builder.commit;
        this.mysqlServerVersion = builder.mysqlServerVersion;
        this.variables = new Variables(builder.version, builder.commit, builder.mysqlServerVersion, builder.runMode);
        this.catalog = new Catalog(this.stub);
        this.frontend = new SqlFrontend(this, this.catalog);
        this.alterJobs = new AlterJobs(builder.clock, builder.alterPending,
                builder.alterWaitingTxn, builder.alterRunning);
        this.faults = new SqlFaults(this);
        this.logger = builder.logger;
        this.requestedPort = builder.queryPort;
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool((runnable) -> {
            Thread thread = new Thread(runnable, "embedded-starrocks-" + instance + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts configuring: one FE and one BE HTTP listener and the query port on free ports, user {@code root}
     * with an empty password, StarRocks {@value #DEFAULT_VERSION}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the HTTP listeners and the query port.
     * @throws UncheckedIOException when a port cannot be bound (everything opened is closed again)
     */
    public synchronized EmbeddedStarRocksServer start() {
        this.stub.start();
        this.running = true;
        try {
            startListening();
        }
        catch (UncheckedIOException ex) {
            close();
            throw ex;
        }
        return this;
    }

    /**
     * Closes the query port, every open connection and the HTTP listeners.
     */
    @Override
    public synchronized void close() {
        this.running = false;
        stopListening();
        this.connections.forEach(QueryConnection::close);
        this.executor.shutdownNow();
        try {
            this.executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.stub.close();
    }

    /** Whether {@link #start()} ran and {@link #close()} did not. */
    public boolean isRunning() {
        return this.running;
    }

    /** The query (MySQL protocol) port. */
    public int queryPort() {
        return this.queryPort;
    }

    /** {@code jdbc:mysql://127.0.0.1:<queryPort>} without a database. */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + this.queryPort;
    }

    /** {@code jdbc:mysql://127.0.0.1:<queryPort>/<database>}. */
    public String jdbcUrl(String database) {
        return jdbcUrl() + "/" + Objects.requireNonNull(database, "database");
    }

    /** The user the server accepts. */
    public String username() {
        return this.stub.username();
    }

    /** The password the server accepts (test credentials, needed to configure a client). */
    public String password() {
        return this.stub.password();
    }

    /** The Stream Load side: FE and BE HTTP listeners, tables and their rows, load faults. */
    public StreamLoadStubServer stub() {
        return this.stub;
    }

    /** The query port's faults. */
    public SqlFaults faults() {
        return this.faults;
    }

    /** The StarRocks release this server imitates. */
    public String version() {
        return this.starRocksVersion;
    }

    /** Every statement received so far, in order (for assertions and for a log of what a client sent). */
    public synchronized List<String> statements() {
        return List.copyOf(this.statementLog);
    }

    /**
     * Empties every table and forgets labels, load and SQL faults and the statement log; databases, tables, views
     * and materialized views stay.
     */
    public void reset() {
        this.stub.reset();
        this.faults.reset();
        synchronized (this) {
            this.statementLog.clear();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedStarRocksServer[version=" + this.starRocksVersion + ", queryPort=" + this.queryPort + ", frontends="
                + this.stub.frontendUrls() + ", backends=" + this.stub.backendUrls() + "]";
    }

    // ---- shared with the connection handlers ----

    Variables variables() {
        return this.variables;
    }

    SqlFrontend frontend() {
        return this.frontend;
    }

    AlterJobs alterJobs() {
        return this.alterJobs;
    }

    String mysqlServerVersion() {
        return this.mysqlServerVersion;
    }

    /**
     * {@code current_version()}: evaluated on a BE, so it needs a running BE listener.
     * @throws SqlError when no BE runs
     */
    String currentVersion() {
        if (this.stub.backends().stream().noneMatch(StubEndpoint::isRunning)) {
            // no BE to run the function on; the embedded server's own wording (not StarRocks')
            throw new SqlError(1064, "HY000", "current_version() runs on a BE and no BE of the embedded StarRocks is "
                    + "alive");
        }
        return this.starRocksVersion + " " + this.commit;
    }

    void log(String message) {
        if (message.startsWith("query [")) {
            synchronized (this) {
                if (this.statementLog.size() < 100_000) {
                    this.statementLog.add(message.substring(message.indexOf("]: ") + 3));
                }
            }
        }
        this.logger.accept(message);
    }

    void connectionClosed(QueryConnection connection) {
        this.connections.remove(connection);
    }

    void setRefusingConnections(boolean refusing) {
        this.refusingConnections = refusing;
    }

    private synchronized void startListening() {
        if (this.listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            int port = (this.queryPort != 0) ? this.queryPort : this.requestedPort;
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            this.queryPort = socket.getLocalPort();
            this.listener = socket;
            this.executor.execute(() -> accept(socket));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the query port " + this.requestedPort, ex);
        }
    }

    private synchronized void stopListening() {
        ServerSocket socket = this.listener;
        this.listener = null;
        if (socket != null) {
            try {
                socket.close();
            }
            catch (IOException ex) {
                // closing anyway
            }
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            }
            catch (IOException ex) {
                return;
            }
            if (this.refusingConnections) {
                refuse(client);
                continue;
            }
            QueryConnection connection = new QueryConnection(client, this, this.nextConnectionId.incrementAndGet());
            this.connections.add(connection);
            try {
                this.executor.execute(connection);
            }
            catch (java.util.concurrent.RejectedExecutionException ex) {
                connection.close();
                return;
            }
        }
    }

    /** Resets a connection at once (SO_LINGER 0 sends RST), as a refused fault. */
    private void refuse(Socket client) {
        try (Socket refused = client) {
            refused.setSoLinger(true, 0);
        }
        catch (IOException ex) {
            // it is being refused anyway
        }
        log("connection refused (fault)");
    }

    /**
     * Configures an {@link EmbeddedStarRocksServer}.
     */
    public static final class Builder {

        private final StreamLoadStubServer.Builder stub = StreamLoadStubServer.builder();

        private String username = "root";

        private String password = "";

        private String version = DEFAULT_VERSION;

        private String commit = DEFAULT_COMMIT;

        private String mysqlServerVersion = "8.0.33";

        private String runMode = "shared_nothing";

        private int queryPort;

        private java.time.Clock clock = java.time.Clock.systemDefaultZone();

        private java.time.Duration alterPending = java.time.Duration.ZERO;

        private java.time.Duration alterWaitingTxn = java.time.Duration.ZERO;

        private java.time.Duration alterRunning = java.time.Duration.ZERO;

        private Consumer<String> logger = (message) -> { };

        private Builder() {
        }

        /** The user and password the FE (query port and HTTP) and BE accept. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * The StarRocks release and commit to report ({@code @@version_comment} = {@code <version>-<commit>},
         * {@code current_version()} = {@code <version> <commit>}) and the MySQL version StarRocks announces for it
         * ({@code Config.mysql_server_version}: the handshake, {@code @@version}, {@code version()}).
         */
        public Builder version(String version, String commit, String mysqlServerVersion) {
            this.version = Objects.requireNonNull(version, "version");
            this.commit = Objects.requireNonNull(commit, "commit");
            this.mysqlServerVersion = Objects.requireNonNull(mysqlServerVersion, "mysqlServerVersion");
            return this;
        }

        /** {@code @@run_mode}: {@code shared_nothing} (default) or {@code shared_data}. */
        public Builder runMode(String runMode) {
            if (!runMode.equals("shared_nothing") && !runMode.equals("shared_data")) {
                throw new IllegalArgumentException("run mode must be shared_nothing or shared_data, got '" + runMode
                        + "'");
            }
            this.runMode = runMode;
            return this;
        }

        /**
         * How long an asynchronous ALTER job (schema change, rollup, optimize) stays PENDING, WAITING_TXN and
         * RUNNING before it is FINISHED; all zero by default (finished at once, as with fast schema evolution).
         */
        public Builder alterJobDurations(java.time.Duration pending, java.time.Duration waitingTxn,
                java.time.Duration running) {
            for (java.time.Duration duration : List.of(pending, waitingTxn, running)) {
                if (duration.isNegative()) {
                    throw new IllegalArgumentException("ALTER job durations must not be negative, got " + duration);
                }
            }
            this.alterPending = pending;
            this.alterWaitingTxn = waitingTxn;
            this.alterRunning = running;
            return this;
        }

        /** The clock ALTER jobs age by (a test can move it instead of waiting). */
        public Builder clock(java.time.Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The query port (0, the default, picks a free one). */
        public Builder queryPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.queryPort = port;
            return this;
        }

        /** Number of FE HTTP listeners. */
        public Builder frontends(int count) {
            this.stub.frontends(count);
            return this;
        }

        /** Number of BE HTTP listeners. */
        public Builder backends(int count) {
            this.stub.backends(count);
            return this;
        }

        /**
         * Configures the Stream Load side (FE and BE ports, tables, faults, request listener) that the query port
         * shares its catalogue with; the credentials are {@link #credentials(String, String)}'s.
         */
        public Builder stub(Consumer<StreamLoadStubServer.Builder> customizer) {
            customizer.accept(this.stub);
            return this;
        }

        /** Receives one line per connection event and statement (a standalone launcher prints them). */
        public Builder logger(Consumer<String> logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        public EmbeddedStarRocksServer build() {
            return new EmbeddedStarRocksServer(this);
        }

        public EmbeddedStarRocksServer start() {
            return build().start();
        }

    }

}
