package io.github.srboot.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Flux;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * Rows per second of {@code StreamLoadTemplate} against the Stream Load stub in counting mode (the stub parses only
 * as far as counting rows), for JSON and CSV, as one load and as a stream cut by the default batch policy. Prints
 * figures; asserts nothing.
 *
 * <p>Run: {@code java -cp ... io.github.srboot.benchmarks.StreamLoadTemplateThroughput [rows] [rounds]}.
 */
public final class StreamLoadTemplateThroughput {

    private StreamLoadTemplateThroughput() {
    }

    /** One benchmark row: a typical mix of types. */
    public record Order(long id, String customer, int quantity, BigDecimal price, LocalDateTime createdAt,
            boolean paid) {
    }

    public static void main(String[] args) {
        int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
        StubTable table = StubTable.builder("bench", "orders")
            .column("id", "BIGINT")
            .column("customer", "VARCHAR(64)")
            .column("quantity", "INT")
            .column("price", "DECIMAL(10,2)")
            .column("createdAt", "DATETIME")
            .column("paid", "BOOLEAN")
            .primaryKey("id")
            .build();
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().countingOnly().table(table).start();
                StreamLoadTemplate template = StreamLoadTemplate.builder()
                    .frontends(stub.frontendUrls())
                    .credentials(stub.username(), stub.password())
                    .database("bench")
                    .build()) {
            System.out.printf(Locale.ROOT, "StreamLoadTemplate against the stub (counting mode), %,d rows, %d rounds,"
                    + " %d CPUs, Java %s%n", rows, rounds, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            // One load of a million JSON rows passes StarRocks' 100 MB JSON limit: allow it explicitly.
            LoadOptions json = LoadOptions.json().withHeader("ignore_json_size", "true");
            List<LoadOptions> formats = List.of(json, LoadOptions.csv(), json.withCompression(LoadCompression.LZ4_FRAME));
            for (LoadOptions options : formats) {
                run("warm-up", template, rows / 10, options, false);
                for (int round = 1; round <= rounds; round++) {
                    run("load   round " + round, template, rows, options, false);
                }
                for (int round = 1; round <= rounds; round++) {
                    run("stream round " + round, template, rows, options, true);
                }
            }
        }
    }

    private static void run(String name, StreamLoadTemplate template, int rows, LoadOptions options,
            boolean streamed) {
        Flux<Order> source = Flux.range(0, rows).map(StreamLoadTemplateThroughput::order);
        long started = System.nanoTime();
        List<LoadResult> results = streamed ? template.stream("orders", source, options).collectList().block()
                : List.of(template.load("orders", source, options).block());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long loaded = results.stream().mapToLong(LoadResult::loadedRows).sum();
        long bytes = results.stream().mapToLong(LoadResult::loadBytes).sum();
        if (loaded != rows) {
            throw new IllegalStateException("Loaded " + loaded + " rows instead of " + rows);
        }
        String format = options.format() + ((options.compression() != null) ? "+" + options.compression() : "");
        System.out.printf(Locale.ROOT,
                "%-14s %-15s %,12.0f rows/s  %7.1f MB/s (server LoadBytes)  %3d load(s)  %6d ms%n",
                format, name, rows / (elapsed.toNanos() / 1e9), bytes / (elapsed.toNanos() / 1e9) / 1e6,
                results.size(), elapsed.toMillis());
    }

    private static Order order(int i) {
        return new Order(i, "customer-" + (i % 10_000), i % 100, BigDecimal.valueOf(i % 100_000, 2),
                LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i), (i & 1) == 0);
    }

}
