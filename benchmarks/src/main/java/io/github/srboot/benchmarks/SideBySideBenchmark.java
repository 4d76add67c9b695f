package io.github.srboot.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.starrocks.data.load.stream.StreamLoadDataFormat;
import com.starrocks.data.load.stream.properties.StreamLoadProperties;
import com.starrocks.data.load.stream.properties.StreamLoadTableProperties;
import com.starrocks.data.load.stream.v2.StreamLoadManagerV2;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadObserver;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.StreamLoadWriter;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;
import io.github.srboot.test.streamload.TableContents;

/**
 * The same workload (10-column order rows, JSON and CSV, batch sizes matched) through our {@code StreamLoadTemplate}
 * (reactive {@code stream} and the blocking writer), the official StarRocks Stream Load SDK 1.0, the transfer
 * ceiling (pre-encoded bytes PUT over two kept-alive connections) and the encoding anchor (plain Jackson into a
 * discarding stream), all in one process against the Stream Load stub in counting mode over loopback. Prints a
 * table with the medians and writes them as JSON. Prints figures; asserts nothing about time.
 *
 * <p>Arguments: {@code [rows] [runs] [batch-MiB] [results-file]}; defaults 5,000,000 rows, 3 runs, 16 MiB batches,
 * {@code benchmarks/target/side-by-side.json} (in the build directory, so that a run changes no tracked file; a run
 * worth keeping is copied into {@code benchmarks/results/} by hand). System properties {@code bench.clients} (comma-separated names out of
 * {@code stream,writer,sdk,ceiling,anchor}) and {@code bench.formats} ({@code json,csv}) select a subset, for
 * profiling; the table needs the SDK, the ceiling and the anchor in the same run.
 */
public final class SideBySideBenchmark {

    private static final String STUB_DB = Orders.DATABASE;

    private SideBySideBenchmark() {
    }

    /** A client under test, one run at a time. */
    private interface Client {

        String name();

        /** Loads {@code rows} orders, returning the latency of each load (nanoseconds). */
        void run(String format, long rows, RunMeter.Latencies latencies) throws Exception;

    }

    /** One measured run. */
    record Run(String client, String format, long rows, long bodyBytes, int loads, double rowsPerSecond,
            double megabytesPerSecond, double p50Millis, double p99Millis, double clientCpuSeconds,
            double processCpuSeconds, double peakHeapAfterGcMiB, double peakHeapUsedMiB, double peakPooledMiB,
            double allocatedBytesPerRow, double elapsedSeconds) {
    }

    public static void main(String[] args) throws Exception {
        long rows = (args.length > 0) ? Long.parseLong(args[0]) : 5_000_000L;
        int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
        long batchBytes = ((args.length > 2) ? Long.parseLong(args[2]) : 16) * 1024 * 1024;
        Path resultsFile = Path.of((args.length > 3) ? args[3] : "benchmarks/target/side-by-side.json");
        long warmUpRows = Math.max(100_000, rows / 10);
        String machine = machine();
        System.out.printf(Locale.ROOT, "Side-by-side Stream Load benchmark: %,d rows x %d runs per client and format"
                + " (+1 warm-up of %,d rows, excluded), batches of %d MiB; %s%n", rows, runs, warmUpRows,
                batchBytes >> 20, machine);
        List<Run> all = new ArrayList<>();
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().countingOnly().table(Orders.table()).start()) {
            List<Client> clients = List.of(new Template(stub, batchBytes, true), new Template(stub, batchBytes, false),
                    new OfficialSdk(stub, batchBytes), new TransferCeiling(stub, batchBytes), new EncodingAnchor());
            List<String> only = List.of(System.getProperty("bench.clients", "stream,writer,sdk,ceiling,anchor")
                .split(","));
            for (String format : System.getProperty("bench.formats", "json,csv").split(",")) {
                for (Client client : clients.stream().filter((c) -> only.contains(c.name())).toList()) {
                    measure(stub, client, format, warmUpRows, null);
                    for (int run = 1; run <= runs; run++) {
                        Run result = measure(stub, client, format, rows, run);
                        all.add(result);
                    }
                }
            }
        }
        List<Map<String, Object>> medians = table(all);
        write(resultsFile, rows, runs, batchBytes, machine, all, medians);
        System.out.println("Results written to " + resultsFile.toAbsolutePath().normalize());
    }

    private static Run measure(StreamLoadStubServer stub, Client client, String format, long rows, Integer run)
            throws Exception {
        TableContents table = stub.table(STUB_DB, Orders.TABLE);
        long rowsBefore = table.loadedRows();
        long loadsBefore = table.committedLoads();
        long bytesBefore = stub.backends().stream().mapToLong(StubEndpoint::bodyBytes).sum();
        RunMeter.Latencies latencies = new RunMeter.Latencies();
        RunMeter meter = RunMeter.start();
        RunMeter.Cost cost;
        try {
            client.run(format, rows, latencies);
        }
        finally {
            cost = meter.stop();
        }
        boolean loads = !(client instanceof EncodingAnchor);
        long loaded = table.loadedRows() - rowsBefore;
        if (loads && loaded != rows) {
            throw new IllegalStateException(client.name() + " " + format + ": the stub counted " + loaded
                    + " rows instead of " + rows);
        }
        long bytes = loads ? stub.backends().stream().mapToLong(StubEndpoint::bodyBytes).sum() - bytesBefore
                : ((EncodingAnchor) client).lastBytes;
        int loadCount = (int) (table.committedLoads() - loadsBefore);
        double seconds = ((client instanceof TransferCeiling ceiling) ? ceiling.lastPutNanos : cost.elapsedNanos())
                / 1e9;
        Run result = new Run(client.name(), format, rows, bytes, loadCount, rows / seconds, bytes / seconds / 1e6,
                latencies.percentileMillis(50), latencies.percentileMillis(99), cost.clientCpuNanos() / 1e9,
                cost.processCpuNanos() / 1e9, cost.peakHeapAfterGcBytes() / 1048576.0,
                cost.peakHeapUsedBytes() / 1048576.0, cost.peakPooledBytes() / 1048576.0,
                (double) cost.allocatedBytes() / rows, seconds);
        System.out.printf(Locale.ROOT, "  %-8s %-4s %-7s %,11.0f rows/s %7.1f MB/s  %3d loads  p50 %7.1f ms  p99 %7.1f"
                + " ms  cpu %6.1f s (process %6.1f s)  heap after GC %6.1f MiB  used %6.1f MiB  pooled %6.1f MiB"
                + "  %6.1f B/row%n", client.name(), format, (run == null) ? "warm-up" : "run " + run,
                result.rowsPerSecond(), result.megabytesPerSecond(), loadCount, result.p50Millis(),
                result.p99Millis(), result.clientCpuSeconds(), result.processCpuSeconds(),
                result.peakHeapAfterGcMiB(), result.peakHeapUsedMiB(), result.peakPooledMiB(),
                result.allocatedBytesPerRow());
        return result;
    }

    /** Prints the medians and the ratios; returns them for the JSON file. */
    private static List<Map<String, Object>> table(List<Run> all) {
        List<Map<String, Object>> medians = new ArrayList<>();
        System.out.println();
        System.out.println("Medians (rows/s, MB/s, heap: median of the runs; ratios against the same format)");
        System.out.printf(Locale.ROOT, "%-8s %-4s %11s %7s %8s %8s %7s %9s %9s %9s %7s %9s %9s %9s%n", "client",
                "fmt", "rows/s", "MB/s", "p50 ms", "p99 ms", "cpu s", "heapGC MiB", "heap MiB", "pool MiB",
                "B/row", "x SDK", "x ceiling", "x anchor");
        for (String format : List.of("json", "csv")) {
            Map<String, Run> byClient = new LinkedHashMap<>();
            for (String client : List.of("stream", "writer", "sdk", "ceiling", "anchor")) {
                List<Run> runs = all.stream().filter((r) -> r.client().equals(client) && r.format().equals(format))
                    .toList();
                if (!runs.isEmpty()) {
                    byClient.put(client, median(runs));
                }
            }
            Run sdk = byClient.get("sdk");
            Run ceiling = byClient.get("ceiling");
            Run anchor = byClient.get("anchor");
            if (sdk == null || ceiling == null || anchor == null) {
                byClient.values().forEach((run) -> System.out.printf(Locale.ROOT, "%-8s %-4s %,11.0f rows/s%n",
                        run.client(), run.format(), run.rowsPerSecond()));
                continue;
            }
            for (Run run : byClient.values()) {
                double vsSdk = run.rowsPerSecond() / sdk.rowsPerSecond();
                double vsCeiling = run.rowsPerSecond() / ceiling.rowsPerSecond();
                double vsAnchor = run.rowsPerSecond() / anchor.rowsPerSecond();
                double heapVsSdk = run.peakHeapAfterGcMiB() / sdk.peakHeapAfterGcMiB();
                System.out.printf(Locale.ROOT,
                        "%-8s %-4s %,11.0f %7.1f %8.1f %8.1f %7.1f %9.1f %9.1f %9.1f %7.1f %8.2fx %8.2fx %8.2fx%n",
                        run.client(), format, run.rowsPerSecond(), run.megabytesPerSecond(), run.p50Millis(),
                        run.p99Millis(), run.clientCpuSeconds(), run.peakHeapAfterGcMiB(), run.peakHeapUsedMiB(),
                        run.peakPooledMiB(), run.allocatedBytesPerRow(), vsSdk, vsCeiling, vsAnchor);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("median", run);
                entry.put("rowsPerSecondVsSdk", round(vsSdk));
                entry.put("rowsPerSecondVsCeiling", round(vsCeiling));
                entry.put("rowsPerSecondVsAnchor", round(vsAnchor));
                entry.put("peakHeapAfterGcVsSdk", round(heapVsSdk));
                medians.add(entry);
            }
        }
        return medians;
    }

    /** Each figure's median over the runs (figures of different runs may mix; each is a median of its own). */
    private static Run median(List<Run> runs) {
        Run first = runs.get(0);
        return new Run(first.client(), first.format(), first.rows(), (long) median(runs, (r) -> r.bodyBytes()),
                (int) median(runs, (r) -> r.loads()), median(runs, Run::rowsPerSecond),
                median(runs, Run::megabytesPerSecond), median(runs, Run::p50Millis), median(runs, Run::p99Millis),
                median(runs, Run::clientCpuSeconds), median(runs, Run::processCpuSeconds),
                median(runs, Run::peakHeapAfterGcMiB), median(runs, Run::peakHeapUsedMiB),
                median(runs, Run::peakPooledMiB), median(runs, Run::allocatedBytesPerRow),
                median(runs, Run::elapsedSeconds));
    }

    /** The median of one figure over the runs (of this benchmark or of {@link FreshJvmBenchmark}). */
    static <R> double median(List<R> runs, java.util.function.ToDoubleFunction<R> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void write(Path file, long rows, int runs, long batchBytes, String machine, List<Run> all,
            List<Map<String, Object>> medians) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "side-by-side");
        document.put("measuredAt", Instant.now().toString());
        document.put("commit", System.getProperty("benchmark.commit", "unknown"));
        document.put("machine", machine);
        document.put("rowsPerRun", rows);
        document.put("runsPerClient", runs);
        document.put("batchBytes", batchBytes);
        document.put("medians", medians);
        document.put("runs", all);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d CPUs, %s %s, Java %s (%s), max heap %d MiB, %s", Runtime.getRuntime()
            .availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20, cpuModel());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter((line) -> line.startsWith("model name"))
                .map((line) -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown CPU");
        }
        catch (IOException | RuntimeException ex) {
            return "unknown CPU";
        }
    }

    private static LoadOptions options(String format) {
        return format.equals("json") ? LoadOptions.json() : LoadOptions.csv();
    }

    /** Our template's policy: loads cut by bytes only, as the SDK's chunk limit cuts them. */
    private static StreamLoadTemplate template(StreamLoadStubServer stub, long batchBytes,
            RunMeter.Latencies[] latencies) {
        return StreamLoadTemplate.builder()
            .frontends(stub.frontendUrls())
            .credentials(stub.username(), stub.password())
            .database(STUB_DB)
            .batchPolicy(new BatchPolicy(Integer.MAX_VALUE, batchBytes, Duration.ofMinutes(10)))
            .maxInFlightBytes(4 * batchBytes)
            .observer(new StreamLoadObserver() {
                @Override
                public void loadSucceeded(LoadResult result) {
                    RunMeter.Latencies current = latencies[0];
                    if (current != null) {
                        current.add(result.elapsed().toNanos());
                    }
                }
            })
            .build();
    }

    /**
     * Our template: {@code stream(table, Flux<Order>, options)} (a Flux of rows cut into loads), or the blocking
     * {@code writer(table, options)} written from one thread.
     */
    private static final class Template implements Client {

        private final StreamLoadStubServer stub;

        private final long batchBytes;

        private final boolean streamed;

        Template(StreamLoadStubServer stub, long batchBytes, boolean streamed) {
            this.stub = stub;
            this.batchBytes = batchBytes;
            this.streamed = streamed;
        }

        @Override
        public String name() {
            return this.streamed ? "stream" : "writer";
        }

        @Override
        public void run(String format, long rows, RunMeter.Latencies latencies) {
            RunMeter.Latencies[] sink = { latencies };
            try (StreamLoadTemplate template = template(this.stub, this.batchBytes, sink)) {
                if (this.streamed) {
                    Flux<Orders.Order> source = Flux.<Orders.Order, long[]>generate(() -> new long[1],
                            (next, out) -> {
                                if (next[0] == rows) {
                                    out.complete();
                                }
                                else {
                                    out.next(Orders.order(next[0]++));
                                }
                                return next;
                            });
                    template.stream(Orders.TABLE, source, options(format)).blockLast();
                    return;
                }
                try (StreamLoadWriter<Orders.Order> writer = template.writer(Orders.TABLE, options(format))) {
                    for (long i = 0; i < rows; i++) {
                        writer.write(Orders.order(i));
                    }
                    writer.flush();
                }
            }
        }

    }

    /**
     * The official SDK 1.0, configured as its Flink connector does ({@code StarRocksSinkOptions.getProperties}):
     * {@code StreamLoadManagerV2} without transactions, an explicit chunk limit (the batch size), the same memory
     * budget as our template ({@code cacheMaxBytes}), two I/O threads, a 50 ms scan, {@code format},
     * {@code strip_outer_array} and {@code ignore_json_size} for JSON; rows serialised by the caller with plain
     * Jackson, as its {@code write(String...)} API requires.
     */
    private static final class OfficialSdk implements Client {

        private final StreamLoadStubServer stub;

        private final long batchBytes;

        private final ObjectWriter json = Orders.jsonMapper().writerFor(Orders.Order.class);

        private final ObjectWriter csv;

        OfficialSdk(StreamLoadStubServer stub, long batchBytes) {
            this.stub = stub;
            this.batchBytes = batchBytes;
            CsvMapper mapper = Orders.csvMapper();
            this.csv = mapper.writer(Orders.csvSchema(mapper).withLineSeparator(""));
        }

        @Override
        public String name() {
            return "sdk";
        }

        @Override
        public void run(String format, long rows, RunMeter.Latencies latencies) throws Exception {
            boolean isJson = format.equals("json");
            StreamLoadTableProperties.Builder table = StreamLoadTableProperties.builder()
                .database(STUB_DB)
                .table(Orders.TABLE)
                .streamLoadDataFormat(isJson ? StreamLoadDataFormat.JSON : StreamLoadDataFormat.CSV)
                .chunkLimit(this.batchBytes);
            StreamLoadProperties.Builder properties = StreamLoadProperties.builder()
                .loadUrls(this.stub.frontendUrls().stream().map(URI::toString).toArray(String[]::new))
                .username(this.stub.username())
                .password(this.stub.password())
                .version("3.3.0")
                .labelPrefix("sdk-")
                .defaultTableProperties(table.build())
                .cacheMaxBytes(4 * this.batchBytes)
                .connectTimeout(10_000)
                .waitForContinueTimeoutMs(10_000)
                .socketTimeout(600_000)
                .ioThreadCount(2)
                .scanningFrequency(50)
                .expectDelayTime(600_000)
                .maxRetries(0)
                .addHeader("format", format);
            if (isJson) {
                properties.addHeader("strip_outer_array", "true").addHeader("ignore_json_size", "true");
            }
            else {
                properties.addHeader("column_separator", "\\t").addHeader("row_delimiter", "\\n");
            }
            StreamLoadManagerV2 manager = new StreamLoadManagerV2(properties.build(), true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            manager.setStreamLoadListener((response) -> {
                if (response.getException() != null) {
                    failure.compareAndSet(null, response.getException());
                }
                else if (response.getCostNanoTime() != null) {
                    latencies.add(response.getCostNanoTime());
                }
            });
            manager.init();
            try {
                ObjectWriter writer = isJson ? this.json : this.csv;
                for (long i = 0; i < rows; i++) {
                    manager.write(null, STUB_DB, Orders.TABLE, writer.writeValueAsString(Orders.order(i)));
                }
                manager.flush();
                if (manager.getException() != null) {
                    throw new IllegalStateException("The SDK failed", manager.getException());
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("The SDK failed", failure.get());
                }
            }
            finally {
                manager.close();
            }
        }

    }

    /**
     * The transfer ceiling: one batch pre-encoded before timing, then PUT straight to the BE as often as the rows
     * need, over two kept-alive connections at once (one thread each); only the PUTs are timed.
     */
    private static final class TransferCeiling implements Client {

        private final StreamLoadStubServer stub;

        private final long batchBytes;

        private final String authorization;

        private final AtomicLong labels = new AtomicLong();

        volatile long lastPutNanos;

        TransferCeiling(StreamLoadStubServer stub, long batchBytes) {
            this.stub = stub;
            this.batchBytes = batchBytes;
            this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((stub.username() + ":" + stub.password()).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String name() {
            return "ceiling";
        }

        @Override
        public void run(String format, long rows, RunMeter.Latencies latencies) throws Exception {
            byte[][] batch = encodeBatch(format, rows);
            byte[] body = batch[0];
            long rowsPerBatch = Long.parseLong(new String(batch[1], StandardCharsets.US_ASCII));
            long fullBatches = rows / rowsPerBatch;
            long rest = rows % rowsPerBatch;
            byte[] lastBody = (rest == 0) ? null : encode(format, 0, rest);
            AtomicLong nextBatch = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            StubEndpoint backend = this.stub.backends().get(0);
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int connection = 0; connection < 2; connection++) {
                Thread thread = new Thread(() -> {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), backend.port())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        while (true) {
                            long index = nextBatch.getAndIncrement();
                            byte[] payload;
                            if (index < fullBatches) {
                                payload = body;
                            }
                            else if (index == fullBatches && lastBody != null) {
                                payload = lastBody;
                            }
                            else {
                                return;
                            }
                            long putStarted = System.nanoTime();
                            put(out, in, format, payload);
                            latencies.add(System.nanoTime() - putStarted);
                        }
                    }
                    catch (Exception ex) {
                        failure.compareAndSet(null, ex);
                    }
                }, "ceiling-put-" + connection);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            this.lastPutNanos = System.nanoTime() - started;
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        /** A batch of about {@code batchBytes} and its row count. */
        private byte[][] encodeBatch(String format, long rows) throws IOException {
            byte[] sample = encode(format, 0, 10_000);
            long rowsPerBatch = Math.max(1, Math.min(rows, this.batchBytes * 10_000 / sample.length));
            return new byte[][] { encode(format, 0, rowsPerBatch),
                Long.toString(rowsPerBatch).getBytes(StandardCharsets.US_ASCII) };
        }

        private void put(OutputStream out, InputStream in, String format, byte[] body) throws IOException {
            StringBuilder head = new StringBuilder(512);
            head.append("PUT /api/").append(STUB_DB).append('/').append(Orders.TABLE).append("/_stream_load HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n")
                .append("Authorization: ").append(this.authorization).append("\r\n")
                .append("label: ceiling_").append(this.labels.incrementAndGet()).append('_').append(System.nanoTime())
                .append("\r\n")
                .append("format: ").append(format).append("\r\n");
            if (format.equals("json")) {
                head.append("strip_outer_array: true\r\nignore_json_size: true\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: keep-alive\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = readLine(in);
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                throw new IOException("Ceiling PUT answered " + status);
            }
            long length = -1;
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(line.substring(colon + 1).trim());
                }
            }
            byte[] answer = in.readNBytes((int) length);
            JsonNode parsed = new ObjectMapper().readTree(answer);
            if (!"Success".equals(parsed.path("Status").asText())) {
                throw new IOException("Ceiling PUT failed: " + new String(answer, StandardCharsets.UTF_8));
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return (line.length() == 0) ? null : line.toString();
        }

    }

    /** Rows {@code from} to {@code from + count} encoded by plain Jackson as one body. */
    static byte[] encode(String format, long from, long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EncodingAnchor.encodeInto(format, from, count, out);
        return out.toByteArray();
    }

    /**
     * The encoding anchor: the same rows serialised by plain Jackson (JSON array with {@code SequenceWriter}, CSV
     * with {@code jackson-dataformat-csv}) into a discarding stream on one thread.
     */
    static final class EncodingAnchor implements Client {

        volatile long lastBytes;

        @Override
        public String name() {
            return "anchor";
        }

        @Override
        public void run(String format, long rows, RunMeter.Latencies latencies) throws IOException {
            CountingDiscard out = new CountingDiscard();
            encodeInto(format, 0, rows, out);
            this.lastBytes = out.count;
        }

        static void encodeInto(String format, long from, long count, OutputStream out) throws IOException {
            if (format.equals("json")) {
                ObjectMapper mapper = Orders.jsonMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
                mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                try (SequenceWriter writer = mapper.writerFor(Orders.Order.class).writeValuesAsArray(out)) {
                    for (long i = from; i < from + count; i++) {
                        writer.write(Orders.order(i));
                    }
                }
            }
            else {
                CsvMapper mapper = Orders.csvMapper();
                mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                mapper.disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
                try (SequenceWriter writer = mapper.writer(Orders.csvSchema(mapper)).writeValues(out)) {
                    for (long i = from; i < from + count; i++) {
                        writer.write(Orders.order(i));
                    }
                }
            }
        }

    }

    /** Counts and drops bytes. */
    private static final class CountingDiscard extends OutputStream {

        long count;

        @Override
        public void write(int b) {
            this.count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            this.count += length;
        }

    }

    static {
        // The SDK logs through SLF4J; keep its per-load INFO lines out of the figures' output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    @SuppressWarnings("unused")
    private static UncheckedIOException unchecked(IOException ex) {
        return new UncheckedIOException(ex);
    }

}
