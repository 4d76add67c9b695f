package io.github.srboot.test.streamload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stub of the StarRocks Stream Load HTTP path: FE listeners that redirect loads (307) to BE listeners
 * that execute them into in-memory tables, with labels, transactions, counters and scripted faults.
 *
 * <pre>{@code
 * try (StreamLoadStubServer stub = StreamLoadStubServer.builder()
 *         .table(StubTable.builder("shop", "orders").column("id", "BIGINT").column("status", "VARCHAR(20)")
 *             .primaryKey("id").build())
 *         .start()) {
 *     // point the client at stub.frontendUrls(), load, then:
 *     assertThat(stub.table("shop", "orders").rowCount()).isEqualTo(3);
 * }
 * }</pre>
 *
 * <p>Every listener binds 127.0.0.1. Thread-safe; one instance serves any number of concurrent clients.
 */
public final class StreamLoadStubServer implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String username;

    private final String password;

    private final String expectedAuthorization;

    private final boolean storingRows;

    private final List<StubEndpoint> frontends = new ArrayList<>();

    private final List<StubEndpoint> backends = new ArrayList<>();

    private final StubEndpoint proxy;

    private final Map<String, Map<String, TableContents>> tables = new ConcurrentHashMap<>();

    /** Databases by lower-case key, as first named (CREATE DATABASE or a table's declaration). */
    private final Map<String, String> databaseNames = new ConcurrentHashMap<>();

    private final Map<String, Map<String, LoadJob>> jobs = new ConcurrentHashMap<>();

    private final Map<String, String> errorLogs = new ConcurrentHashMap<>();

    private final StubFaults faults = new StubFaults();

    private final AtomicLong nextTxnId = new AtomicLong(1000);

    private final AtomicInteger nextBackend = new AtomicInteger();

    private final AtomicLong loadsCommitted = new AtomicLong();

    private final ExecutorService executor;

    private final int unreachablePort;

    private final int leaderIndex;

    private final boolean leaderUnreachable;

    private volatile boolean running;

    private StreamLoadStubServer(Builder builder) {
        this.username = builder.username;
        this.password = builder.password;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
            .encodeToString((builder.username + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
        this.storingRows = builder.storingRows;
        if (builder.leaderIndex >= builder.frontendPorts.size()) {
            throw new IllegalArgumentException("No FE " + builder.leaderIndex + " to lead: the stub has "
                    + builder.frontendPorts.size() + " FE(s)");
        }
        this.leaderIndex = builder.leaderIndex;
        if (builder.leaderUnreachable && builder.leaderIndex < 0) {
            throw new IllegalArgumentException("leaderUnreachable() needs leaderFrontend(index)");
        }
        this.leaderUnreachable = builder.leaderUnreachable;
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory threadFactory = (runnable) -> {
            Thread thread = new Thread(runnable, "stream-load-stub-" + instance + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(threadFactory);
        StubRequestListener listener = builder.requestListener;
        StubEndpoint.Handler frontendHandler = reported(new FrontendHandler(this), listener);
        StubEndpoint.Handler backendHandler = reported(new BackendHandler(this), listener);
        for (int i = 0; i < builder.frontendPorts.size(); i++) {
            this.frontends.add(new StubEndpoint(StubRole.FRONTEND, i, builder.frontendPorts.get(i), this.executor,
                    frontendHandler));
        }
        for (int i = 0; i < builder.backendPorts.size(); i++) {
            this.backends.add(new StubEndpoint(StubRole.BACKEND, i, builder.backendPorts.get(i), this.executor,
                    backendHandler));
        }
        this.proxy = builder.operatorProxy ? new StubEndpoint(StubRole.PROXY, 0, 0, this.executor,
                reported(new ProxyHandler(this), listener)) : null;
        for (StubTable table : builder.tables) {
            createTable(table);
        }
        this.unreachablePort = reserveUnusedPort();
    }

    /**
     * The handler, telling the listener (when there is one) about each request once it has been served.
     */
    private static StubEndpoint.Handler reported(StubEndpoint.Handler handler, StubRequestListener listener) {
        if (listener == null) {
            return handler;
        }
        return (endpoint, exchange) -> {
            try {
                handler.handle(endpoint, exchange);
            }
            finally {
                RequestHead head = exchange.head();
                listener.served(endpoint, head.method(), head.target(), exchange.header("label"), exchange.status());
            }
        };
    }

    /**
     * Starts configuring a stub: by default one FE and one BE on free ports, user {@code root} with an empty
     * password, rows stored.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens every listener.
     * @return this stub
     * @throws UncheckedIOException when a port cannot be bound (everything opened so far is closed again)
     */
    public synchronized StreamLoadStubServer start() {
        try {
            this.frontends.forEach(StubEndpoint::start);
            this.backends.forEach(StubEndpoint::start);
            if (this.proxy != null) {
                this.proxy.start();
            }
        }
        catch (UncheckedIOException ex) {
            close();
            throw ex;
        }
        this.running = true;
        return this;
    }

    /**
     * Closes every listener and connection, including connections held by a lost-response fault.
     */
    @Override
    public synchronized void close() {
        this.running = false;
        if (this.proxy != null) {
            this.proxy.stop();
        }
        this.frontends.forEach(StubEndpoint::stop);
        this.backends.forEach(StubEndpoint::stop);
        this.executor.shutdownNow();
        try {
            this.executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether {@link #start()} ran and {@link #close()} did not.
     */
    public boolean isRunning() {
        return this.running;
    }

    /**
     * The FE listeners, in order.
     */
    public List<StubEndpoint> frontends() {
        return List.copyOf(this.frontends);
    }

    /**
     * The BE listeners, in order.
     */
    public List<StubEndpoint> backends() {
        return List.copyOf(this.backends);
    }

    /**
     * The first FE.
     */
    public StubEndpoint frontend() {
        return this.frontends.get(0);
    }

    /**
     * The operator FE proxy ({@link Builder#operatorProxy()}).
     * @throws IllegalStateException when the stub was built without one
     */
    public StubEndpoint proxy() {
        if (this.proxy == null) {
            throw new IllegalStateException("This stub has no FE proxy; build it with operatorProxy()");
        }
        return this.proxy;
    }

    /**
     * The FE base URLs, {@code http://127.0.0.1:<port>}, for {@code starrocks.http.frontends}.
     */
    public List<URI> frontendUrls() {
        return this.frontends.stream().map(StubEndpoint::url).toList();
    }

    /**
     * The BE base URLs.
     */
    public List<URI> backendUrls() {
        return this.backends.stream().map(StubEndpoint::url).toList();
    }

    /**
     * The user the stub accepts.
     */
    public String username() {
        return this.username;
    }

    /**
     * The password the stub accepts (test credentials, needed to configure a client).
     */
    public String password() {
        return this.password;
    }

    /**
     * Whether loaded rows are stored; {@code false} in counting mode.
     */
    public boolean storesRows() {
        return this.storingRows;
    }

    /**
     * Declares a table (replacing its contents if it existed).
     * @return its live contents
     */
    public TableContents createTable(StubTable table) {
        Objects.requireNonNull(table, "table");
        TableContents contents = new TableContents(table, this.storingRows);
        this.databaseNames.putIfAbsent(key(table.database()), table.database());
        this.tables.computeIfAbsent(key(table.database()), (db) -> new ConcurrentHashMap<>())
            .put(key(table.name()), contents);
        return contents;
    }

    /**
     * {@code ALTER TABLE ... ADD COLUMN} on a declared table: the column is appended, existing rows keep their values
     * and hold the column's default (or NULL), as in StarRocks.
     * @return the table's live contents from now on
     * @throws IllegalArgumentException when no such table is declared or it has a column of that name
     */
    public TableContents addColumn(String database, String table, StubColumn column) {
        Objects.requireNonNull(column, "column");
        TableContents current = table(database, table);
        if (current.table().column(column.name()).isPresent()) {
            throw new IllegalArgumentException("Table '" + database + "." + table + "' already has a column '"
                    + column.name() + "'");
        }
        TableContents altered = current.withColumnAdded(column);
        this.tables.get(key(database)).put(key(table), altered);
        return altered;
    }

    /**
     * A column change of {@code ALTER TABLE} on a declared table (a column added at a position, renamed, modified or
     * moved): the table takes the new shape, each new column keeping the values of the old column of index
     * {@code sources[i]}, or its default (or NULL) where that index is negative.
     * @return the table's live contents from now on
     * @throws IllegalArgumentException when no such table is declared, or the shape and sources differ in width
     */
    public TableContents reshapeTable(String database, String table, StubTable shape, int[] sources) {
        Objects.requireNonNull(shape, "shape");
        if (sources.length != shape.columns().size()) {
            throw new IllegalArgumentException("Table '" + database + "." + table + "': " + sources.length
                    + " column sources for " + shape.columns().size() + " columns");
        }
        TableContents altered = table(database, table).withShape(shape, sources);
        this.tables.get(key(database)).put(key(table), altered);
        return altered;
    }

    /**
     * {@code ALTER TABLE t RENAME n} on a declared table: its rows and counters move to the new name.
     * @return the table's live contents from now on
     * @throws IllegalArgumentException when no such table is declared or the new name is taken
     */
    public TableContents renameTable(String database, String table, StubTable renamed) {
        Objects.requireNonNull(renamed, "renamed");
        TableContents current = table(database, table);
        if (findTable(database, renamed.name()) != null) {
            throw new IllegalArgumentException("Table '" + database + "." + renamed.name() + "' exists");
        }
        int[] sources = java.util.stream.IntStream.range(0, current.table().columns().size()).toArray();
        TableContents moved = current.withShape(renamed, sources);
        this.tables.get(key(database)).remove(key(table));
        this.tables.get(key(database)).put(key(renamed.name()), moved);
        return moved;
    }

    /**
     * Creates an empty database ({@code CREATE DATABASE} over the embedded SQL front end).
     * @return {@code false} when it existed already
     */
    public boolean createDatabase(String database) {
        Objects.requireNonNull(database, "database");
        this.databaseNames.putIfAbsent(key(database), database);
        return this.tables.putIfAbsent(key(database), new ConcurrentHashMap<>()) == null;
    }

    /**
     * Drops a database with its tables.
     * @return {@code false} when there was no such database
     */
    public boolean dropDatabase(String database) {
        this.databaseNames.remove(key(database));
        return this.tables.remove(key(database)) != null;
    }

    /**
     * Every database, as first named, sorted; a database exists once created or once a table is declared in it.
     */
    public List<String> databases() {
        return this.tables.keySet().stream().map((db) -> this.databaseNames.getOrDefault(db, db)).sorted().toList();
    }

    /**
     * Whether the database exists.
     */
    public boolean hasDatabase(String database) {
        return databaseExists(database);
    }

    /**
     * Drops a table.
     * @return {@code false} when there was no such table
     */
    public boolean dropTable(String database, String table) {
        Map<String, TableContents> byName = this.tables.get(key(database));
        return byName != null && byName.remove(key(table)) != null;
    }

    /**
     * Empties a table ({@code TRUNCATE TABLE}): rows and counters.
     * @throws IllegalArgumentException when no such table is declared
     */
    public void truncateTable(String database, String table) {
        table(database, table).clear();
    }

    /**
     * The contents of a declared table, if it is declared.
     */
    public java.util.Optional<TableContents> findTableContents(String database, String table) {
        return java.util.Optional.ofNullable(findTable(database, table));
    }

    /**
     * {@code ALTER TABLE ... DROP COLUMN} on a declared table: existing rows lose the column.
     * @return the table's live contents from now on
     * @throws IllegalArgumentException when no such table is declared, it has no such column, or it is a key column
     */
    public TableContents dropColumn(String database, String table, String column) {
        TableContents current = table(database, table);
        int index = current.table().columnIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException("Table '" + database + "." + table + "' has no column '" + column + "'");
        }
        if (index < current.table().keyColumns().size()) {
            throw new IllegalArgumentException("Column '" + column + "' is a key column of '" + database + "." + table
                    + "'");
        }
        TableContents altered = current.withColumnDropped(index);
        this.tables.get(key(database)).put(key(table), altered);
        return altered;
    }

    /**
     * The contents of a declared table.
     * @throws IllegalArgumentException when no such table is declared
     */
    public TableContents table(String database, String table) {
        TableContents contents = findTable(database, table);
        if (contents == null) {
            throw new IllegalArgumentException("No table '" + database + "." + table + "' is declared on the stub; "
                    + "declared: " + tables().stream().map((t) -> t.table().database() + "." + t.table().name())
                        .sorted().toList());
        }
        return contents;
    }

    /**
     * Every declared table.
     */
    public List<TableContents> tables() {
        return this.tables.values().stream().flatMap((byName) -> byName.values().stream()).toList();
    }

    /**
     * The fault script.
     */
    public StubFaults faults() {
        return this.faults;
    }

    /**
     * The state of the load or transaction with this label, {@link LoadState#UNKNOWN} when there is none.
     */
    public LoadState loadState(String database, String label) {
        LoadJob job = job(database, label);
        return (job != null) ? job.state() : LoadState.UNKNOWN;
    }

    /**
     * Loads and transactions committed (including those answered {@code Publish Timeout} or whose response was
     * lost).
     */
    public long loadsCommitted() {
        return this.loadsCommitted.get();
    }

    /**
     * Empties every table and forgets labels, transactions, error logs, counters and faults; declarations stay.
     */
    public void reset() {
        tables().forEach(TableContents::clear);
        this.jobs.clear();
        this.errorLogs.clear();
        this.faults.reset();
        this.loadsCommitted.set(0);
        this.frontends.forEach(StubEndpoint::resetCounters);
        this.backends.forEach(StubEndpoint::resetCounters);
        if (this.proxy != null) {
            this.proxy.resetCounters();
        }
    }

    @Override
    public String toString() {
        return "StreamLoadStubServer[frontends=" + frontendUrls() + ", backends=" + backendUrls() + ", user="
                + this.username + ", storingRows=" + this.storingRows + "]";
    }

    // ---- shared with the FE and BE handlers ----

    boolean authorized(Exchange exchange) {
        String authorization = exchange.header("authorization");
        return authorization != null && authorization.trim().equals(this.expectedAuthorization);
    }

    /**
     * The user of the request's Basic {@code Authorization} header, or {@code null} when there is no such header or
     * it does not decode to {@code user:password} (as StarRocks' {@code parse_basic_auth} / {@code parseAuthInfo}).
     */
    static String basicUser(Exchange exchange) {
        String authorization = exchange.header("authorization");
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split(" ");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        int at = user.indexOf('@');
        return (at >= 0) ? user.substring(0, at) : user;
    }

    /**
     * Why an FE refuses the request's login ({@code BaseAction.getAuthorizationInfo} / {@code checkPassword}), or
     * {@code null} when it accepts it.
     */
    String frontendLoginProblem(Exchange exchange) {
        String user = basicUser(exchange);
        if (user == null) {
            return StubReplies.NEED_AUTH_INFORMATION;
        }
        return authorized(exchange) ? null : StubReplies.accessDenied(user);
    }

    TableContents findTable(String database, String table) {
        Map<String, TableContents> byName = this.tables.get(key(database));
        return (byName != null) ? byName.get(key(table)) : null;
    }

    boolean databaseExists(String database) {
        return this.tables.containsKey(key(database));
    }

    /**
     * The next running BE, round robin, or {@code null} when none runs.
     */
    StubEndpoint nextBackend() {
        List<StubEndpoint> running = this.backends.stream().filter(StubEndpoint::isRunning).toList();
        if (running.isEmpty()) {
            return null;
        }
        return running.get(Math.floorMod(this.nextBackend.getAndIncrement(), running.size()));
    }

    /**
     * The leader FE when the stub was built with one ({@link Builder#leaderFrontend(int)}), else {@code null}: every
     * FE then answers as a leader.
     */
    StubEndpoint leaderFrontend() {
        return (this.leaderIndex >= 0) ? this.frontends.get(this.leaderIndex) : null;
    }

    /**
     * Whether followers name the leader at an address nothing listens on ({@link Builder#leaderUnreachable()}).
     */
    boolean leaderUnreachable() {
        return this.leaderUnreachable;
    }

    int unreachablePort() {
        return this.unreachablePort;
    }

    /**
     * Registers a load under its label, or returns the job that holds the label already.
     */
    synchronized LoadJob begin(String database, String label, TableContents table, boolean transactional,
            int backendPort, LoadJob[] conflict) {
        Map<String, LoadJob> byLabel = this.jobs.computeIfAbsent(key(database), (db) -> new ConcurrentHashMap<>());
        LoadJob existing = byLabel.get(label);
        if (existing != null && existing.state().holdsLabel()) {
            conflict[0] = existing;
            return null;
        }
        LoadJob job = new LoadJob(database, label, table, this.nextTxnId.incrementAndGet(), transactional,
                backendPort);
        byLabel.put(label, job);
        return job;
    }

    /**
     * Runs a write under a label of the database, as {@code INSERT ... WITH LABEL} does: INSERT and Stream Load
     * share one label space per database (FE {@code transaction/DatabaseTransactionMgr.beginTransaction} refuses a
     * label that a transaction of the database, not aborted, holds). The label is held from before the write; a write
     * that fails aborts its transaction and frees the label again.
     * @return {@code false}, without writing, when the label is held
     */
    public boolean writeUnderLabel(String database, String label, TableContents table, Runnable write) {
        LoadJob[] conflict = new LoadJob[1];
        LoadJob job = begin(database, label, table, false, 0, conflict);
        if (job == null) {
            return false;
        }
        try {
            write.run();
        }
        catch (RuntimeException ex) {
            job.state(LoadState.ABORTED);
            throw ex;
        }
        job.state(LoadState.VISIBLE);
        return true;
    }

    LoadJob job(String database, String label) {
        Map<String, LoadJob> byLabel = this.jobs.get(key(database));
        return (byLabel != null && label != null) ? byLabel.get(label) : null;
    }

    void countCommit() {
        this.loadsCommitted.incrementAndGet();
    }

    String storeErrorLog(long txnId, List<String> errors) {
        String file = "error_log_stub_" + txnId;
        this.errorLogs.put(file, String.join("\n", errors) + "\n");
        return file;
    }

    String errorLog(String file) {
        return this.errorLogs.get(file);
    }

    ExecutorService executor() {
        return this.executor;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * A loopback port nothing listens on, for redirects to an unreachable BE.
     */
    private static int reserveUnusedPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot find a free loopback port", ex);
        }
    }

    /**
     * Configures a {@link StreamLoadStubServer}.
     */
    public static final class Builder {

        private List<Integer> frontendPorts = List.of(0);

        private List<Integer> backendPorts = List.of(0);

        private String username = "root";

        private String password = "";

        private boolean storingRows = true;

        private int leaderIndex = -1;

        private boolean leaderUnreachable;

        private boolean operatorProxy;

        private final List<StubTable> tables = new ArrayList<>();

        private StubRequestListener requestListener;

        private Builder() {
        }

        /**
         * Tells the listener about every request the stub's listeners serve (the standalone launcher logs them).
         */
        public Builder requestListener(StubRequestListener listener) {
            this.requestListener = listener;
            return this;
        }

        /**
         * This many FEs on OS-chosen ports.
         */
        public Builder frontends(int count) {
            this.frontendPorts = zeros(count, "FE");
            return this;
        }

        /**
         * This many BEs on OS-chosen ports.
         */
        public Builder backends(int count) {
            this.backendPorts = zeros(count, "BE");
            return this;
        }

        /**
         * One FE per port; 0 lets the OS choose.
         */
        public Builder frontendPorts(int... ports) {
            this.frontendPorts = ports(ports, "FE");
            return this;
        }

        /**
         * One BE per port; 0 lets the OS choose.
         */
        public Builder backendPorts(int... ports) {
            this.backendPorts = ports(ports, "BE");
            return this;
        }

        /**
         * Makes the FE at this index (from 0) the leader and every other FE a follower: a follower answers
         * {@code get_load_state} (and a Stream Load with {@code enable_merge_commit: true}) with a 307 to the
         * leader, as StarRocks' {@code RestBaseAction.redirectToLeader} does. Without this call every FE answers
         * those requests itself.
         */
        public Builder leaderFrontend(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("Not an FE index: " + index);
            }
            this.leaderIndex = index;
            return this;
        }

        /**
         * Makes the followers' redirects to the leader ({@link #leaderFrontend(int)}) name an address on which nothing
         * listens, as a leader FE inside a container network or behind NAT is known to the cluster by an address the
         * client cannot reach. The leader itself still answers on its own port.
         */
        public Builder leaderUnreachable() {
            this.leaderUnreachable = true;
            return this;
        }

        /**
         * Adds a listener that behaves like the StarRocks Kubernetes operator's FE proxy (nginx): it takes the
         * client's body, passes the request to an FE, catches the FE's 307 and sends the request with that body to
         * the BE itself, returning the BE's answer. Point a client at {@link StreamLoadStubServer#proxy()}.
         */
        public Builder operatorProxy() {
            this.operatorProxy = true;
            return this;
        }

        /**
         * The only user and password accepted (HTTP Basic).
         */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Declares a table.
         */
        public Builder table(StubTable table) {
            this.tables.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        /**
         * Declares tables.
         */
        public Builder tables(Collection<StubTable> tables) {
            tables.forEach(this::table);
            return this;
        }

        /**
         * Counting mode, for benchmarks: loads are parsed only as far as counting rows, and only rows and bytes are
         * kept, not the rows themselves.
         */
        public Builder countingOnly() {
            this.storingRows = false;
            return this;
        }

        /**
         * Creates the stub without opening its listeners.
         */
        public StreamLoadStubServer build() {
            return new StreamLoadStubServer(this);
        }

        /**
         * Creates the stub and opens its listeners.
         */
        public StreamLoadStubServer start() {
            return build().start();
        }

        private static List<Integer> zeros(int count, String role) {
            if (count < 1) {
                throw new IllegalArgumentException("The stub needs at least one " + role + ", got " + count);
            }
            return Collections.nCopies(count, 0);
        }

        private static List<Integer> ports(int[] ports, String role) {
            if (ports.length == 0) {
                throw new IllegalArgumentException("The stub needs at least one " + role + " port");
            }
            List<Integer> list = new ArrayList<>();
            for (int port : ports) {
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("Not a port: " + port);
                }
                list.add(port);
            }
            return List.copyOf(list);
        }

    }

}
