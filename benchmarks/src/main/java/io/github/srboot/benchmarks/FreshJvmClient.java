package io.github.srboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.starrocks.data.load.stream.StreamLoadDataFormat;
import com.starrocks.data.load.stream.properties.StreamLoadProperties;
import com.starrocks.data.load.stream.properties.StreamLoadTableProperties;
import com.starrocks.data.load.stream.v2.StreamLoadManagerV2;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * One client run of {@link FreshJvmBenchmark}, in a JVM of its own, through the client's normal entry point: the
 * starter as a Spring Boot application (auto-configuration, default {@code starrocks.stream-load.*} properties,
 * {@code StreamLoadTemplate.stream()}), or the official SDK 1.0 configured as StarRocks' Flink connector configures
 * it. Prints one {@code RESULT {json}} line with its figures and exits non-zero when the server did not load every
 * row.
 *
 * <p>Arguments: {@code starter|sdk json|csv cold|warm <rows> <fe-url>}. Cold: one pass, timed from the JVM's start
 * (Spring Boot's start-up, class loading and JIT included). Warm: a warm-up pass of a fifth of the rows through the
 * same application or SDK manager, then the measured pass; only the measured pass is timed and metered.
 */
public final class FreshJvmClient {

    private FreshJvmClient() {
    }

    /** What a client does, pass after pass, in one JVM. */
    private interface Loader extends AutoCloseable {

        /** Loads {@code rows} orders starting at {@code first}; returns the rows the server said it loaded. */
        long load(long first, long rows) throws Exception;

        @Override
        void close();

    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("Usage: FreshJvmClient starter|sdk json|csv cold|warm <rows> <fe-url>");
            System.exit(2);
        }
        String client = args[0];
        String format = args[1];
        boolean cold = switch (args[2]) {
            case "cold" -> true;
            case "warm" -> false;
            default -> throw new IllegalArgumentException("Mode must be cold or warm, not '" + args[2] + "'");
        };
        long rows = Long.parseLong(args[3]);
        String frontend = args[4];
        boolean pooled = client.equals("starter");
        RunMeter coldMeter = cold ? RunMeter.startInClient(true, pooled) : null;
        long started = System.nanoTime();
        Loader loader = switch (client) {
            case "starter" -> new Starter(frontend, format);
            case "sdk" -> new OfficialSdk(frontend, format);
            default -> throw new IllegalArgumentException("Client must be starter or sdk, not '" + client + "'");
        };
        // From the JVM's start to the client ready to take rows (the Spring context started, the SDK's manager up).
        double readySeconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        double readyCpuSeconds = processCpuNanos() / 1e9;
        long warmUpRows = 0;
        RunMeter meter = coldMeter;
        if (!cold) {
            warmUpRows = Math.max(1, rows / 5);
            long warmLoaded = loader.load(rows, warmUpRows);
            check(client, "warm-up", warmLoaded, warmUpRows);
            meter = RunMeter.startInClient(false, pooled);
            started = System.nanoTime();
        }
        long loaded = loader.load(0, rows);
        long endNanos = System.nanoTime();
        RunMeter.Cost cost = meter.stop();
        loader.close();
        check(client, "run", loaded, rows);
        // Cold: from the JVM's start (the launcher's own start-up before main() included); warm: the measured pass.
        double seconds = cold ? (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                / 1e3 - (System.nanoTime() - endNanos) / 1e9 : (endNanos - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("client", client);
        result.put("format", format);
        result.put("mode", cold ? "cold" : "warm");
        result.put("rows", rows);
        result.put("warmUpRows", warmUpRows);
        result.put("seconds", seconds);
        result.put("readySeconds", readySeconds);
        result.put("readyCpuSeconds", readyCpuSeconds);
        result.put("rowsPerSecond", rows / seconds);
        result.put("cpuSeconds", (cold ? cost.processCpuSinceJvmStartNanos() : cost.processCpuNanos()) / 1e9);
        result.put("peakHeapAfterGcMiB", cost.peakHeapAfterGcBytes() / 1048576.0);
        result.put("peakHeapUsedMiB", cost.peakHeapUsedBytes() / 1048576.0);
        result.put("peakPooledMiB", cost.peakPooledBytes() / 1048576.0);
        result.put("allocatedBytesPerRow", (double) cost.allocatedBytes() / rows);
        result.put("gcCount", cost.gcCount());
        System.out.println("RESULT " + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static void check(String client, String pass, long loaded, long expected) {
        if (loaded != expected) {
            System.err.printf(Locale.ROOT, "%s %s: the server loaded %,d rows instead of %,d%n", client, pass, loaded,
                    expected);
            System.exit(1);
        }
    }

    /** Orders {@code first} to {@code first + rows}, generated as they are requested. */
    static Flux<Orders.Order> orders(long first, long rows) {
        long end = first + rows;
        return Flux.<Orders.Order, long[]>generate(() -> new long[] { first }, (next, out) -> {
            if (next[0] == end) {
                out.complete();
            }
            else {
                out.next(Orders.order(next[0]++));
            }
            return next;
        });
    }

    /** The starter as a user's application runs it. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class StarterApplication {

    }

    /**
     * A Spring Boot application with the starter's auto-configuration and default properties, but the FE, database
     * and credentials; rows through {@code StreamLoadTemplate.stream()}.
     */
    private static final class Starter implements Loader {

        private final ConfigurableApplicationContext context;

        private final StreamLoadTemplate template;

        private final LoadOptions options;

        Starter(String frontend, String format) {
            this.context = new SpringApplicationBuilder(StarterApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // No JDBC URL: the stub serves Stream Load only, and no SQL runs in this benchmark.
                .properties("starrocks.http.frontends=" + frontend, "starrocks.database=" + Orders.DATABASE,
                        "starrocks.username=root", "starrocks.password=", "starrocks.jdbc.enabled=false")
                .run();
            this.template = this.context.getBean(StreamLoadTemplate.class);
            this.options = format.equals("json") ? LoadOptions.json() : LoadOptions.csv();
        }

        @Override
        public long load(long first, long rows) {
            Long loaded = this.template.stream(Orders.TABLE, orders(first, rows), this.options)
                .map(LoadResult::loadedRows)
                .reduce(0L, Long::sum)
                .block();
            return (loaded != null) ? loaded : 0;
        }

        @Override
        public void close() {
            this.context.close();
        }

    }

    /**
     * The official SDK 1.0 configured as StarRocks' Flink connector configures it by default
     * ({@code StarRocksSinkOptions.getProperties} in {@code StarRocks/starrocks-connector-for-apache-flink}, with the
     * defaults of its options): {@code cacheMaxBytes} = {@code sink.buffer-flush.max-bytes} (90 MiB),
     * {@code chunkLimit} = {@code sink.chunk-limit} (3 GiB), {@code ioThreadCount} = {@code sink.io.thread-count} (2),
     * {@code scanningFrequency} = {@code sink.scan-frequency.ms} (50 ms), {@code expectDelayTime} =
     * {@code sink.buffer-flush.interval-ms} (300,000 ms), {@code connectTimeout} and {@code waitForContinueTimeoutMs}
     * 30,000 ms, {@code socketTimeout} -1, {@code maxRetries} 3, {@code retryIntervalInMs} 10,000, no label prefix;
     * JSON gets {@code format}, {@code strip_outer_array} and {@code ignore_json_size}, CSV the {@code \n} row
     * delimiter and no header. Transaction
     * Stream Load, which the connector enables only after asking the server's version over JDBC, stays off: the stub
     * has no SQL port here. Rows serialised by the caller with plain Jackson, as {@code write(String...)} requires.
     */
    private static final class OfficialSdk implements Loader {

        private static final long MEBIBYTE = 1024L * 1024;

        private final StreamLoadManagerV2 manager;

        private final ObjectWriter writer;

        private final AtomicLong loadedRows = new AtomicLong();

        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        OfficialSdk(String frontend, String format) {
            boolean json = format.equals("json");
            StreamLoadTableProperties.Builder table = StreamLoadTableProperties.builder()
                .database(Orders.DATABASE)
                .table(Orders.TABLE)
                .streamLoadDataFormat(json ? StreamLoadDataFormat.JSON : new StreamLoadDataFormat.CSVFormat("\n"))
                .chunkLimit(3L * 1024 * MEBIBYTE);
            StreamLoadProperties.Builder properties = StreamLoadProperties.builder()
                .loadUrls(frontend)
                .username("root")
                .password("")
                .version("3.3.0")
                .cacheMaxBytes(90 * MEBIBYTE)
                .connectTimeout(30_000)
                .waitForContinueTimeoutMs(30_000)
                .socketTimeout(-1)
                .ioThreadCount(2)
                .scanningFrequency(50)
                .expectDelayTime(300_000)
                .maxRetries(3)
                .retryIntervalInMs(10_000);
            // The connector sends its sink.properties.* as headers: a JSON job sets format=json and gets the two
            // JSON defaults; a CSV job sets nothing (CSV, StarRocks' default column separator, a tab).
            Map<String, String> headers = new LinkedHashMap<>();
            if (json) {
                headers.put("format", "json");
                headers.put("strip_outer_array", "true");
                headers.put("ignore_json_size", "true");
            }
            table.addCommonProperties(headers);
            properties.addHeaders(headers).defaultTableProperties(table.build());
            this.manager = new StreamLoadManagerV2(properties.build(), true);
            this.manager.setStreamLoadListener((response) -> {
                if (response.getException() != null) {
                    this.failure.compareAndSet(null, response.getException());
                }
                else if (response.getBody() != null && response.getBody().getNumberLoadedRows() != null) {
                    this.loadedRows.addAndGet(response.getBody().getNumberLoadedRows());
                }
            });
            this.manager.init();
            if (json) {
                this.writer = Orders.jsonMapper().writerFor(Orders.Order.class);
            }
            else {
                CsvMapper mapper = Orders.csvMapper();
                this.writer = mapper.writer(Orders.csvSchema(mapper).withLineSeparator(""));
            }
        }

        @Override
        public long load(long first, long rows) throws Exception {
            long before = this.loadedRows.get();
            for (long i = first; i < first + rows; i++) {
                this.manager.write(null, Orders.DATABASE, Orders.TABLE,
                        this.writer.writeValueAsString(Orders.order(i)));
            }
            this.manager.flush();
            if (this.manager.getException() != null) {
                throw new IllegalStateException("The SDK failed", this.manager.getException());
            }
            if (this.failure.get() != null) {
                throw new IllegalStateException("The SDK failed", this.failure.get());
            }
            return this.loadedRows.get() - before;
        }

        @Override
        public void close() {
            this.manager.close();
        }

    }

    static {
        // The SDK logs through SLF4J (Logback here); its per-load lines stay out of the output (logback.xml: WARN).
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

}
