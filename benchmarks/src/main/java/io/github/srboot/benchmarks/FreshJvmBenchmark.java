package io.github.srboot.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.KeysDesc;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;

/**
 * The side-by-side comparison under a user's conditions: the server in a process of its own (the Stream Load stub's
 * standalone launcher, {@code StreamLoadStubMain --counting-only}), every client run in a fresh JVM through its
 * normal entry point ({@link FreshJvmClient}: the starter as a Spring Boot application with default properties, the
 * official SDK as its Flink connector configures it), cold (one pass from JVM start) and warm (after a warm-up pass
 * in the same JVM), JSON and CSV; the clients' runs interleaved, every run printed, then a table of medians with the
 * spread of the runs, the SDK ratios and the server's own CPU time per run. Prints figures; asserts nothing about
 * time; exits non-zero when a run fails or a server did not load every row.
 *
 * <p>Options: {@code --quick} (1,000,000 rows), {@code --rows <n>} (default 5,000,000), {@code --runs <n>} (3),
 * {@code --modes cold,warm}, {@code --formats json,csv}, {@code --clients starter,sdk}, {@code --heap <size>}
 * (each client's {@code -Xmx}, default {@code 1g}, the same for every client), {@code --jfr <directory>} (a JFR
 * profile of every client run), {@code --results <file>} (default {@code benchmarks/target/fresh-jvm.json}).
 */
public final class FreshJvmBenchmark {

    /**
     * Jars of the benchmarks module that a user's application with the starter (or a job with the SDK) does not
     * have: the Kafka soak's broker and Scala, the test support module, JUnit. Left out of the clients' classpath so
     * that a cold start loads and compiles what a user's start would, not what the other benchmarks need.
     */
    private static final Pattern NOT_A_CLIENT_JAR = Pattern.compile("(starrocks-spring-boot-test|zstd-jni|spring-kafka"
            + "|spring-messaging|spring-retry|spring-test|kafka|zookeeper|audience-annotations|commons-io|caffeine"
            + "|metrics-core|jopt-simple|pcollections|rocksdbjni|scala|argparse4j|commons-validator|commons-beanutils"
            + "|commons-digester|commons-collections|jackson-module-scala|paranamer|jose4j|commons-cli|junit"
            + "|opentest4j|apiguardian|snappy-java)[-_].*\\.jar");

    private FreshJvmBenchmark() {
    }

    /** The launcher's classpath without {@link #NOT_A_CLIENT_JAR}. */
    static String clientClasspath(String classpath) {
        return String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator))
            .filter((entry) -> !NOT_A_CLIENT_JAR.matcher(Path.of(entry).getFileName().toString()).matches())
            .toList());
    }

    /** One client run as its JVM reported it, with what the launcher measured around it. */
    record Run(String client, String format, String mode, int run, double rowsPerSecond, double seconds,
            double cpuSeconds, double peakHeapAfterGcMiB, double peakPooledMiB, double allocatedBytesPerRow,
            long gcCount, double processSeconds, double serverCpuSeconds, double readySeconds,
            double readyCpuSeconds) {
    }

    /** The parsed command line. */
    record Options(long rows, int runs, List<String> modes, List<String> formats, List<String> clients, String heap,
            Path jfr, Path results) {

        static Options parse(String[] args) {
            long rows = 5_000_000;
            int runs = 3;
            List<String> modes = List.of("cold", "warm");
            List<String> formats = List.of("json", "csv");
            List<String> clients = List.of("starter", "sdk");
            String heap = "1g";
            Path jfr = null;
            Path results = Path.of("benchmarks/target/fresh-jvm.json");
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--quick")) {
                    rows = 1_000_000;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--rows" -> rows = Long.parseLong(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--modes" -> modes = List.of(value.split(","));
                    case "--formats" -> formats = List.of(value.split(","));
                    case "--clients" -> clients = List.of(value.split(","));
                    case "--heap" -> heap = value;
                    case "--jfr" -> jfr = Path.of(value);
                    case "--results" -> results = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option '" + option + "'");
                }
            }
            return new Options(rows, runs, modes, formats, clients, heap, jfr, results);
        }

    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Path ddl = Files.createTempFile("fresh-jvm-orders", ".sql");
        Files.writeString(ddl, Ddl.render(ordersTable()) + ";\n");
        String machine = SideBySideBenchmark.machine();
        System.out.printf(Locale.ROOT, "Fresh-JVM side-by-side: %,d rows per run, %d runs per client, mode and format;"
                + " clients %s, each in a fresh JVM with -Xmx%s (classpath: the starter's and the SDK's jars); server: the stub's standalone launcher (counting"
                + " only) in its own JVM; %s%n", options.rows(), options.runs(), options.clients(), options.heap(),
                machine);
        if (options.jfr() != null) {
            Files.createDirectories(options.jfr());
        }
        List<Run> all = new ArrayList<>();
        Process server = new ProcessBuilder(java, "-Xmx1g", "-cp", classpath, "io.github.srboot.test.StreamLoadStubMain",
                "--counting-only", "--quiet", "--no-console", "--database", Orders.DATABASE, "--ddl", ddl.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        long started = System.nanoTime();
        try {
            String frontend = frontendOf(server);
            for (String mode : options.modes()) {
                for (String format : options.formats()) {
                    for (int run = 1; run <= options.runs(); run++) {
                        // Interleaved: a change of the machine's load reaches every client alike.
                        for (String client : options.clients()) {
                            Run result = runClient(java, classpath, options, server, frontend, client, format, mode,
                                    run);
                            all.add(result);
                            System.out.printf(Locale.ROOT, "  %-5s %-4s %-7s run %d %,11.0f rows/s  %6.2f s  cpu"
                                    + " %6.2f s  heap after GC %6.1f MiB  pooled %6.1f MiB  %6.0f B/row  %3d GCs"
                                    + "  ready %5.2f s (cpu %5.2f s)  process %6.2f s  server cpu %6.2f s%n", mode, format, client, run,
                                    result.rowsPerSecond(), result.seconds(), result.cpuSeconds(),
                                    result.peakHeapAfterGcMiB(), result.peakPooledMiB(),
                                    result.allocatedBytesPerRow(), result.gcCount(), result.readySeconds(),
                                    result.readyCpuSeconds(), result.processSeconds(),
                                    result.serverCpuSeconds());
                        }
                    }
                }
            }
        }
        finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(ddl);
        }
        List<Map<String, Object>> medians = table(all, options);
        System.out.printf(Locale.ROOT, "Whole matrix: %.0f s%n", (System.nanoTime() - started) / 1e9);
        write(options, machine, all, medians);
        System.out.println("Results written to " + options.results().toAbsolutePath().normalize());
    }

    /** The orders table of {@link Orders}, as StarRocks DDL for the stub's {@code --ddl} file. */
    static Table ordersTable() {
        return Table.builder(Orders.TABLE)
            .column("orderId", ScalarType.of(ScalarKind.BIGINT))
            .column("customerId", ScalarType.of(ScalarKind.INT))
            .column("quantity", ScalarType.of(ScalarKind.INT))
            .column("unitPrice", ScalarType.of(ScalarKind.DECIMAL, 10, 2))
            .column("total", ScalarType.of(ScalarKind.DECIMAL, 14, 2))
            .column("status", ScalarType.of(ScalarKind.VARCHAR, 16))
            .column("customer", ScalarType.of(ScalarKind.VARCHAR, 64))
            .column("shipCity", ScalarType.of(ScalarKind.VARCHAR, 64))
            .column("createdAt", ScalarType.of(ScalarKind.DATETIME))
            .column("shippedAt", ScalarType.of(ScalarKind.DATETIME))
            .keys(KeysDesc.of(KeysType.DUPLICATE, "orderId"))
            .build();
    }

    /** Reads the launcher's listener lines up to the FE's URL; fails when it exits first. */
    private static String frontendOf(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String frontend = null;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("FE ") && frontend == null) {
                frontend = line.substring(3).trim();
            }
            if (line.startsWith("BE ")) {
                break;
            }
        }
        if (frontend == null) {
            throw new IllegalStateException("The stub's launcher printed no FE address");
        }
        // Keep draining its output (it prints nothing more with --quiet, but a full pipe must never block it).
        CompletableFuture.runAsync(() -> out.lines().forEach((line) -> {
        }));
        return frontend;
    }

    private static Run runClient(String java, String classpath, Options options, Process server, String frontend,
            String client, String format, String mode, int run) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + options.heap()));
        if (options.jfr() != null) {
            command.add("-XX:+UnlockDiagnosticVMOptions");
            command.add("-XX:+DebugNonSafepoints");
            command.add("-XX:StartFlightRecording=filename=" + options.jfr()
                .resolve(client + "-" + format + "-" + mode + "-" + run + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-cp", clientClasspath(classpath), FreshJvmClient.class.getName(), client, format, mode,
                Long.toString(options.rows()), frontend));
        Duration serverCpuBefore = cpu(server);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                }
            }
        }
        int exit = process.waitFor();
        double processSeconds = (System.nanoTime() - started) / 1e9;
        double serverCpu = cpu(server).minus(serverCpuBefore).toNanos() / 1e9;
        if (exit != 0 || result == null) {
            throw new IllegalStateException(client + " " + format + " " + mode + " run " + run + " failed (exit "
                    + exit + ")");
        }
        JsonNode figures = new ObjectMapper().readTree(result);
        return new Run(client, format, mode, run, figures.path("rowsPerSecond").asDouble(),
                figures.path("seconds").asDouble(), figures.path("cpuSeconds").asDouble(),
                figures.path("peakHeapAfterGcMiB").asDouble(), figures.path("peakPooledMiB").asDouble(),
                figures.path("allocatedBytesPerRow").asDouble(), figures.path("gcCount").asLong(), processSeconds,
                serverCpu, figures.path("readySeconds").asDouble(), figures.path("readyCpuSeconds").asDouble());
    }

    /** The CPU time the server's process has used so far (its own threads, GC and JIT included). */
    private static Duration cpu(Process server) {
        Optional<Duration> cpu = server.toHandle().info().totalCpuDuration();
        return cpu.orElse(Duration.ZERO);
    }

    /** Prints the medians, every run's rows/s, the spread and the SDK ratios; returns them for the JSON file. */
    private static List<Map<String, Object>> table(List<Run> all, Options options) {
        List<Map<String, Object>> medians = new ArrayList<>();
        System.out.println();
        System.out.println("Medians of " + options.runs() + " runs (spread = slowest run's rows/s against the fastest's"
                + "; server cpu = the stub's CPU time during the run)");
        System.out.printf(Locale.ROOT, "%-5s %-4s %-7s %11s %-38s %7s %7s %9s %9s %7s %9s %8s %8s%n", "mode", "fmt",
                "client", "rows/s", "runs rows/s", "spread", "cpu s", "heapGC MiB", "pool MiB", "B/row",
                "server s", "x SDK", "heap/SDK");
        for (String mode : options.modes()) {
            for (String format : options.formats()) {
                Map<String, Run> byClient = new LinkedHashMap<>();
                Map<String, List<Run>> runsByClient = new LinkedHashMap<>();
                for (String client : options.clients()) {
                    List<Run> runs = all.stream()
                        .filter((r) -> r.client().equals(client) && r.format().equals(format)
                                && r.mode().equals(mode))
                        .toList();
                    if (!runs.isEmpty()) {
                        byClient.put(client, median(runs));
                        runsByClient.put(client, runs);
                    }
                }
                Run sdk = byClient.get("sdk");
                for (Run median : byClient.values()) {
                    List<Run> runs = runsByClient.get(median.client());
                    double fastest = runs.stream().mapToDouble(Run::rowsPerSecond).max().orElse(0);
                    double slowest = runs.stream().mapToDouble(Run::rowsPerSecond).min().orElse(0);
                    double spread = (fastest > 0) ? 1 - slowest / fastest : 0;
                    String each = String.join(" / ", runs.stream()
                        .map((r) -> String.format(Locale.ROOT, "%,.0f", r.rowsPerSecond()))
                        .toList());
                    Double vsSdk = (sdk != null) ? median.rowsPerSecond() / sdk.rowsPerSecond() : null;
                    Double heapVsSdk = (sdk != null) ? median.peakHeapAfterGcMiB() / sdk.peakHeapAfterGcMiB() : null;
                    System.out.printf(Locale.ROOT, "%-5s %-4s %-7s %,11.0f %-38s %6.0f%% %7.2f %9.1f %9.1f %7.0f"
                            + " %9.2f %8s %8s%n", mode, format, median.client(), median.rowsPerSecond(), each,
                            spread * 100, median.cpuSeconds(), median.peakHeapAfterGcMiB(), median.peakPooledMiB(),
                            median.allocatedBytesPerRow(), median.serverCpuSeconds(),
                            (vsSdk != null) ? String.format(Locale.ROOT, "%.2fx", vsSdk) : "",
                            (heapVsSdk != null) ? String.format(Locale.ROOT, "%.2fx", heapVsSdk) : "");
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("median", median);
                    entry.put("spread", spread);
                    entry.put("rowsPerSecondVsSdk", vsSdk);
                    entry.put("peakHeapAfterGcVsSdk", heapVsSdk);
                    medians.add(entry);
                }
            }
        }
        return medians;
    }

    /** Each figure's median over the runs (figures of different runs may mix; each is a median of its own). */
    private static Run median(List<Run> runs) {
        Run first = runs.get(0);
        return new Run(first.client(), first.format(), first.mode(), 0, median(runs, Run::rowsPerSecond),
                median(runs, Run::seconds), median(runs, Run::cpuSeconds), median(runs, Run::peakHeapAfterGcMiB),
                median(runs, Run::peakPooledMiB), median(runs, Run::allocatedBytesPerRow),
                (long) median(runs, (r) -> r.gcCount()), median(runs, Run::processSeconds),
                median(runs, Run::serverCpuSeconds), median(runs, Run::readySeconds),
                median(runs, Run::readyCpuSeconds));
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return SideBySideBenchmark.median(runs, figure);
    }

    private static void write(Options options, String machine, List<Run> all, List<Map<String, Object>> medians)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "fresh-jvm");
        document.put("measuredAt", Instant.now().toString());
        document.put("commit", System.getProperty("benchmark.commit", "unknown"));
        document.put("machine", machine);
        document.put("rowsPerRun", options.rows());
        document.put("runs", options.runs());
        document.put("clientHeap", options.heap());
        document.put("medians", medians);
        document.put("all", all);
        Path parent = options.results().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.results().toFile(), document);
    }

}
