package io.github.srboot.test;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.srboot.ddl.DdlSyntaxException;
import io.github.srboot.test.streamload.DdlTables;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;
import io.github.srboot.test.streamload.StubTable;

/**
 * Runs a {@link StreamLoadStubServer} as a process until killed, for manual and external use: prints one line per
 * listener ({@code FE http://127.0.0.1:<port>}, {@code BE http://127.0.0.1:<port>}).
 *
 * <pre>
 * java -cp ... io.github.srboot.test.StreamLoadStubMain --fe-ports 8030 --be-ports 0,0 --user root --password ""
 *      --ddl schema.sql [--database db] [--fault-rate 0.05 --seed 42] [--counting-only]
 * </pre>
 */
public final class StreamLoadStubMain {

    static final String USAGE = """
            Usage: StreamLoadStubMain [options]
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
            """;

    private static final List<String> VALUE_OPTIONS = List.of("--fe-ports", "--be-ports", "--user", "--password",
            "--ddl", "--database", "--fault-rate", "--seed", "--leader");

    private StreamLoadStubMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StreamLoadStubServer server;
        try {
            server = start(Options.parse(args), System.out);
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
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stream-load-stub-shutdown"));
        new CountDownLatch(1).await();
    }

    /**
     * Starts the stub the options describe and prints its listeners.
     */
    static StreamLoadStubServer start(Options options, PrintStream out) {
        StreamLoadStubServer.Builder builder = StreamLoadStubServer.builder()
            .frontendPorts(options.frontendPorts())
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
        StreamLoadStubServer server = builder.start();
        if (options.faultRate() > 0) {
            server.faults().random(options.faultRate(), options.seed());
        }
        for (StubEndpoint frontend : server.frontends()) {
            out.println("FE " + frontend.url());
        }
        for (StubEndpoint backend : server.backends()) {
            out.println("BE " + backend.url());
        }
        if (options.proxy()) {
            out.println("PROXY " + server.proxy().url());
        }
        out.flush();
        return server;
    }

    /**
     * The parsed command line.
     */
    record Options(int[] frontendPorts, int[] backendPorts, String user, String password, List<StubTable> tables,
            double faultRate, long seed, boolean countingOnly, int leader, boolean proxy) {

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
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--counting-only")) {
                    countingOnly = true;
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
                    leader, proxy);
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
                    + this.leader + ", proxy=" + this.proxy + "]";
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
