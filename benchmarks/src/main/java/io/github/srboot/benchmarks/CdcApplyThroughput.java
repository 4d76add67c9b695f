package io.github.srboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import reactor.core.publisher.Flux;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * Change records per second through {@code StreamLoadTemplate.applyChanges} against the Stream Load stub, and the
 * peak heap of the run: inserts, updates, partial updates and deletes over 200,000 keys, 10% of them out of order
 * (an older version than changes already sent). Hard and soft delete modes. Prints figures; asserts nothing.
 *
 * <p>Run: {@code java -cp ... io.github.srboot.benchmarks.CdcApplyThroughput [changes] [rounds] [store]}; with
 * {@code store} the stub applies every row (merge condition included) instead of only counting them.
 */
public final class CdcApplyThroughput {

    private static final int KEYS = 200_000;

    private CdcApplyThroughput() {
    }

    /** One source row. */
    public record Customer(long id, String name, String city, int orders, long balanceCents) {
    }

    public static void main(String[] args) {
        int changes = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
        boolean store = args.length > 2 && args[2].equals("store");
        StubTable table = StubTable.builder("bench", "customers")
            .column("id", "BIGINT")
            .column("name", "VARCHAR(64)")
            .column("city", "VARCHAR(64)")
            .column("orders", "INT")
            .column("balanceCents", "BIGINT")
            .column("_sr_op_type", "TINYINT")
            .column("_sr_is_deleted", "BOOLEAN")
            .column("_sr_synced_at", "DATETIME")
            .column("_sr_version", "BIGINT")
            .primaryKey("id")
            .build();
        StreamLoadStubServer.Builder stubBuilder = StreamLoadStubServer.builder().table(table);
        if (!store) {
            stubBuilder.countingOnly();
        }
        try (StreamLoadStubServer stub = stubBuilder.start();
                StreamLoadTemplate template = StreamLoadTemplate.builder()
                    .frontends(stub.frontendUrls())
                    .credentials(stub.username(), stub.password())
                    .database("bench")
                    .build()) {
            System.out.printf(Locale.ROOT, "applyChanges against the stub (%s), %,d changes over %,d keys, 10%% out of "
                    + "order, %d rounds, %d CPUs, Java %s, max heap %,d MB%n", store ? "storing rows" : "counting mode",
                    changes, KEYS, rounds, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            for (DeleteMode mode : DeleteMode.values()) {
                CdcOptions options = CdcOptions.builder().deleteMode(mode).build();
                run(mode + " warm-up", template, changes / 10, options);
                for (int round = 1; round <= rounds; round++) {
                    run(mode + " round " + round, template, changes, options);
                }
            }
        }
    }

    private static void run(String name, StreamLoadTemplate template, int changes, CdcOptions options) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter((pool) -> pool.getType() == MemoryType.HEAP)
            .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        List<LoadResult> results = template.applyChanges("customers", changes(changes), options).collectList().block();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long peakHeap = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
        long rows = results.stream().mapToLong(LoadResult::totalRows).sum();
        System.out.printf(Locale.ROOT, "%-18s %,12.0f changes/s  %,9d rows loaded (after per-batch compaction)  "
                + "%4d loads  %6d ms  peak heap %,6d MB%n", name, changes / (elapsed.toNanos() / 1e9), rows,
                results.size(), elapsed.toMillis(), peakHeap / (1024 * 1024));
    }

    /**
     * A deterministic change stream: 40% inserts, 30% whole-row updates, 20% partial updates (orders and balance),
     * 10% deletes; every tenth change carries a version older than the newest sent (out of order).
     */
    static Flux<ChangeRecord> changes(int count) {
        SplittableRandom random = new SplittableRandom(42);
        return Flux.range(0, count).map((i) -> {
            long version = 1_000_000L + i;
            if (i % 10 == 9) {
                version -= 1 + random.nextInt(5_000);
            }
            long id = random.nextInt(KEYS);
            Map<String, Object> key = Map.of("id", id);
            int kind = random.nextInt(10);
            if (kind < 4) {
                return ChangeRecord.insert(key, customer(id, i), version);
            }
            if (kind < 7) {
                return ChangeRecord.update(key, customer(id, i), version);
            }
            if (kind < 9) {
                return ChangeRecord.partialUpdate(key, Map.of("orders", i % 50, "balanceCents", (long) i * 7), version,
                        Set.of("orders", "balanceCents"));
            }
            return ChangeRecord.delete(key, version);
        });
    }

    private static Customer customer(long id, int i) {
        return new Customer(id, "customer-" + id, "city-" + (id % 500), i % 50, (long) i * 7);
    }

}
