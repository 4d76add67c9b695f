package io.github.srboot.test;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.srboot.ddl.DdlSyntaxException;
import io.github.srboot.test.migration.MigrationCheckCommand;
import io.github.srboot.test.sql.EmbeddedStarRocksServer;
import io.github.srboot.test.streamload.DdlTables;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;
import io.github.srboot.test.streamload.StubTable;

/**
 * Runs a {@link StreamLoadStubServer} as a process until killed, for manual and external use, and with
 * {@code --query-port} the {@link EmbeddedStarRocksServer} SQL front end over the same tables: prints one line per
 * listener ({@code FE http://127.0.0.1:<port>}, {@code BE http://127.0.0.1:<port>}, {@code QUERY
 * jdbc:mysql://127.0.0.1:<port>}, {@code CONSOLE http://127.0.0.1:<port>/} for the page showing the tables), then one
 * line per request or statement served.
 *
 * <pre>
 * java -jar starrocks-spring-boot-test-&lt;version&gt;-standalone.jar --fe-ports 8030 --be-ports 0,0 --ddl schema.sql
 * </pre>
 */
public final class StreamLoadStubMain {

    static final String USAGE = """
            Usage: java -jar starrocks-spring-boot-test-<version>-standalone.jar [options]
            Runs the Stream Load stub (an in-process StarRocks FE and BE HTTP interface), with --query-port also the
            SQL front end over the same tables, until stopped with Ctrl-C.
              --fe-ports <p1,p2,..>   FE ports, 0 = any free port (default: 0)
              --be-ports <p1,p2,..>   BE ports, 0 = any free port (default: 0)
              --user <name>           accepted user (default: root)
              --password <secret>     accepted password (default: empty)
              --ddl <file>            tables as StarRocks CREATE TABLE statements (database from CREATE DATABASE/USE)
              --database <name>       database for tables the DDL file does not place in one
              --fault-rate <0..1>     probability of a fault per load request (default: 0)
              --seed <long>           seed of the fault generator (default: 0)
              --counting-only         count rows and bytes without storing rows
              --leader <index>        FE at this index (from 0) leads; the others redirect get_load_state to it
              --proxy                 also run an FE proxy like the Kubernetes operator's (follows the FE's 307)
              --query-port <port>     also serve SQL over the MySQL protocol as StarRocks' FE does (the embedded
                                      StarRocks, same tables), 0 = any free port (default: no SQL)
              --console-port <port>   port of the page showing the tables, 0 = any free port (default: 0)
              --no-console            no such page
              --quiet                 do not print a line per request served
              --help                  print this help and exit
            With check-migrations as its first argument, checks Flyway migrations against a desired schema instead
            (check-migrations --help says how).
            """;

    private static final List<String> VALUE_OPTIONS = List.of("--fe-ports", "--be-ports", "--user", "--password",
            "--ddl", "--database", "--fault-rate", "--seed", "--leader", "--console-port", "--query-port");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private StreamLoadStubMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(MigrationCheckCommand.NAME)) {
            System.exit(MigrationCheckCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Standalone standalone;
        try {
            standalone = start(Options.parse(args), System.out);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        catch (UncheckedIOException ex) {
            System.err.println(ex.getMessage() + ": " + ex.getCause().getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(standalone::close, "stream-load-stub-shutdown"));
        new CountDownLatch(1).await();
    }

    /**
     * What the launcher runs, closed together.
     * @param stub the Stream Load stub (FE and BE listeners)
     * @param sql the SQL front end over the stub's tables, or {@code null} without {@code --query-port}
     * @param console the page showing the stub's tables, or {@code null} with {@code --no-console}
     * @param servers every server started, in the order to close them (last started, first closed)
     */
    record Standalone(StreamLoadStubServer stub, EmbeddedStarRocksServer sql, StubConsole console,
            List<AutoCloseable> servers)
            implements AutoCloseable {

        @Override
        public void close() {
            for (AutoCloseable server : this.servers) {
                try {
                    server.close();
                }
                catch (Exception ex) {
                    // shutting down: the others still close
                }
            }
        }

    }

    /**
     * Starts what the options describe and prints one line per listener. This is where each server of the
     * standalone process starts: the Stream Load stub (under the SQL front end with {@code --query-port}), then
     * what reads its tables (the console page).
     */
    static Standalone start(Options options, PrintStream out) {
        LinkedList<AutoCloseable> servers = new LinkedList<>();
        EmbeddedStarRocksServer sql = null;
        StreamLoadStubServer server;
        if (options.queryPort() >= 0) {
            EmbeddedStarRocksServer.Builder embedded = EmbeddedStarRocksServer.builder()
                .credentials(options.user(), options.password())
                .queryPort(options.queryPort())
                .stub((stub) -> configure(stub, options, out));
            if (options.logRequests()) {
                embedded.logger((line) -> out.println(TIME.format(LocalTime.now()) + " SQL " + line));
            }
            sql = embedded.start();
            servers.addFirst(sql);
            server = sql.stub();
        }
        else {
            StreamLoadStubServer.Builder builder = StreamLoadStubServer.builder();
            configure(builder, options, out);
            server = builder.start();
            servers.addFirst(server);
        }
        StubConsole console = null;
        try {
            if (options.faultRate() > 0) {
                server.faults().random(options.faultRate(), options.seed());
            }
            if (options.consolePort() >= 0) {
                console = StubConsole.start(server, options.consolePort());
                servers.addFirst(console);
            }
        }
        catch (RuntimeException ex) {
            new Standalone(server, sql, console, servers).close();
            throw ex;
        }
        synchronized (out) {
            for (StubEndpoint frontend : server.frontends()) {
                out.println("FE " + frontend.url());
            }
            for (StubEndpoint backend : server.backends()) {
                out.println("BE " + backend.url());
            }
            if (options.proxy()) {
                out.println("PROXY " + server.proxy().url());
            }
            if (sql != null) {
                out.println("QUERY " + sql.jdbcUrl());
            }
            if (console != null) {
                out.println("CONSOLE " + console.url());
            }
            out.flush();
        }
        return new Standalone(server, sql, console, List.copyOf(servers));
    }

    /** The Stream Load side as the options describe it, alone or under the SQL front end. */
    private static void configure(StreamLoadStubServer.Builder builder, Options options, PrintStream out) {
        builder.frontendPorts(options.frontendPorts())
            .backendPorts(options.backendPorts())
            .credentials(options.user(), options.password())
            .tables(options.tables());
        if (options.countingOnly()) {
            builder.countingOnly();
        }
        if (options.leader() >= 0) {
            builder.leaderFrontend(options.leader());
        }
        if (options.proxy()) {
            builder.operatorProxy();
        }
        if (options.logRequests()) {
            builder.requestListener((endpoint, method, target, label, status) -> out.println(requestLine(
                    LocalTime.now(), endpoint, method, target, label, status)));
        }
    }

    /**
     * {@code 10:15:02.120 FE 127.0.0.1:8030 PUT /api/shop/orders/_stream_load label=l1 -> 307}; a status of 0 (an
     * injected reset, a held connection) reads {@code -> no answer}.
     */
    static String requestLine(LocalTime time, StubEndpoint endpoint, String method, String target, String label,
            int status) {
        String role = switch (endpoint.role()) {
            case FRONTEND -> "FE";
            case BACKEND -> "BE";
            case PROXY -> "PROXY";
        };
        return TIME.format(time) + " " + role + " 127.0.0.1:" + endpoint.port() + " " + method + " " + target
                + ((label != null) ? " label=" + label : "") + " -> " + ((status > 0) ? status : "no answer");
    }

    /**
     * The parsed command line.
     */
    record Options(int[] frontendPorts, int[] backendPorts, String user, String password, List<StubTable> tables,
            double faultRate, long seed, boolean countingOnly, int leader, boolean proxy, int consolePort,
            int queryPort, boolean logRequests) {

        static Options parse(String[] args) {
            int[] frontendPorts = { 0 };
            int[] backendPorts = { 0 };
            String user = "root";
            String password = "";
            Path ddl = null;
            String database = null;
            double faultRate = 0;
            long seed = 0;
            boolean countingOnly = false;
            int leader = -1;
            boolean proxy = false;
            int consolePort = 0;
            int queryPort = -1;
            boolean logRequests = true;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--counting-only")) {
                    countingOnly = true;
                    continue;
                }
                if (option.equals("--no-console")) {
                    consolePort = -1;
                    continue;
                }
                if (option.equals("--quiet")) {
                    logRequests = false;
                    continue;
                }
                if (option.equals("--proxy")) {
                    proxy = true;
                    continue;
                }
                if (!VALUE_OPTIONS.contains(option)) {
                    throw new IllegalArgumentException("Unknown option '" + option + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--fe-ports" -> frontendPorts = ports(option, value);
                    case "--be-ports" -> backendPorts = ports(option, value);
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    case "--ddl" -> ddl = Path.of(value);
                    case "--database" -> database = value;
                    case "--fault-rate" -> faultRate = number(option, value);
                    case "--leader" -> leader = index(option, value);
                    case "--console-port" -> consolePort = onePort(option, value);
                    case "--query-port" -> queryPort = onePort(option, value);
                    case "--seed" -> {
                        try {
                            seed = Long.parseLong(value);
                        }
                        catch (NumberFormatException ex) {
                            throw new IllegalArgumentException("--seed needs a whole number, got '" + value + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("Unknown option '" + option + "'");
                }
            }
            if (!(faultRate >= 0 && faultRate <= 1)) {
                throw new IllegalArgumentException("--fault-rate must be between 0 and 1, got " + faultRate);
            }
            List<StubTable> tables = (ddl != null) ? readDdl(ddl, database) : List.of();
            if (leader >= frontendPorts.length) {
                throw new IllegalArgumentException("--leader " + leader + " names no FE: there are "
                        + frontendPorts.length + " (--fe-ports)");
            }
            return new Options(frontendPorts, backendPorts, user, password, tables, faultRate, seed, countingOnly,
                    leader, proxy, consolePort, queryPort, logRequests);
        }

        private static List<StubTable> readDdl(Path file, String database) {
            String text;
            try {
                text = Files.readString(file);
            }
            catch (IOException ex) {
                throw new IllegalArgumentException("Cannot read --ddl file " + file + ": " + ex.getMessage(), ex);
            }
            try {
                return DdlTables.fromScript(text, database);
            }
            catch (DdlSyntaxException ex) {
                throw new IllegalArgumentException("--ddl file " + file + " is not valid StarRocks DDL: "
                        + ex.getMessage(), ex);
            }
        }

        private static int onePort(String option, String value) {
            int[] ports = ports(option, value);
            if (ports.length != 1) {
                throw new IllegalArgumentException(option + " needs one port, got '" + value + "'");
            }
            return ports[0];
        }

        private static int[] ports(String option, String value) {
            List<Integer> ports = new ArrayList<>();
            for (String part : value.split(",")) {
                try {
                    int port = Integer.parseInt(part.trim());
                    if (port < 0 || port > 65535) {
                        throw new NumberFormatException();
                    }
                    ports.add(port);
                }
                catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(option + " needs ports 0 to 65535 separated by commas, got '"
                            + value + "'");
                }
            }
            return ports.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public String toString() {
            return "Options[frontendPorts=" + Arrays.toString(this.frontendPorts) + ", backendPorts="
                    + Arrays.toString(this.backendPorts) + ", user=" + this.user + ", password="
                    + (this.password.isEmpty() ? "" : "******") + ", tables=" + this.tables.size() + ", faultRate="
                    + this.faultRate + ", seed=" + this.seed + ", countingOnly=" + this.countingOnly + ", leader="
                    + this.leader + ", proxy=" + this.proxy + ", consolePort=" + this.consolePort + ", queryPort=" + this.queryPort
                    + ", logRequests="
                    + this.logRequests + "]";
        }

        private static int index(String option, String value) {
            try {
                int index = Integer.parseInt(value.trim());
                if (index >= 0) {
                    return index;
                }
            }
            catch (NumberFormatException ex) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs an FE index from 0, got '" + value + "'");
        }

        private static double number(String option, String value) {
            try {
                return Double.parseDouble(value);
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
            }
        }

    }

}
