package io.github.srboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * Change records per second through {@code StreamLoadTemplate.applyChanges} against the Stream Load stub, side by
 * side with {@code stream()} loading the same rows (each change's row, as a bulk load would), interleaved in one
 * JVM: inserts, updates, partial updates and deletes over 200,000 keys, 10% of them out of order (an older version
 * than changes already sent), in hard and soft delete mode. For each run: changes (or rows) per second, the CPU time
 * of the whole process per change (client and in-process stub together: a figure that survives a busy machine
 * better than wall time) and the peak heap. Prints figures; asserts nothing.
 *
 * <p>Run: {@code java -cp ... io.github.srboot.benchmarks.CdcApplyThroughput [changes] [rounds] [count|store]
 * [batchChanges]}; with {@code store} the stub applies every row (merge condition included) instead of only counting
 * them; {@code batchChanges} is {@code CdcOptions.maxBatchChanges} (default 10,000).
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
        int batchChanges = (args.length > 3) ? Integer.parseInt(args[3]) : CdcOptions.DEFAULT_MAX_BATCH_CHANGES;
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
        List<ChangeRecord> records = changes(changes);
        List<Customer> rows = rows(records);
        try (StreamLoadStubServer stub = stubBuilder.start();
                StreamLoadTemplate template = StreamLoadTemplate.builder()
                    .frontends(stub.frontendUrls())
                    .credentials(stub.username(), stub.password())
                    .database("bench")
                    .build()) {
            System.out.printf(Locale.ROOT, "applyChanges and stream() against the stub (%s), %,d changes over %,d keys,"
                    + " 10%% out of order, batches of %,d changes, %d rounds, %d CPUs, Java %s, max heap %,d MB%n",
                    store ? "storing rows" : "counting mode", changes, KEYS, batchChanges, rounds,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            CdcOptions hard = CdcOptions.builder().deleteMode(DeleteMode.HARD).maxBatchChanges(batchChanges).build();
            CdcOptions soft = CdcOptions.builder().deleteMode(DeleteMode.SOFT).maxBatchChanges(batchChanges).build();
            List<ChangeRecord> warmUp = records.subList(0, records.size() / 10);
            run("warm-up HARD", changes / 10, () -> apply(template, warmUp, hard));
            run("warm-up SOFT", changes / 10, () -> apply(template, warmUp, soft));
            run("warm-up stream", changes / 10, () -> stream(template, rows.subList(0, rows.size() / 10)));
            for (int round = 1; round <= rounds; round++) {
                // interleaved, so that a busy machine slows each of them alike
                run("applyChanges HARD", changes, () -> apply(template, records, hard));
                run("applyChanges SOFT", changes, () -> apply(template, records, soft));
                run("stream() CSV", changes, () -> stream(template, rows));
            }
        }
    }

    private static List<LoadResult> apply(StreamLoadTemplate template, List<ChangeRecord> records,
            CdcOptions options) {
        return template.applyChanges("customers", Flux.fromIterable(records), options).collectList().block();
    }

    private static List<LoadResult> stream(StreamLoadTemplate template, List<Customer> rows) {
        return template.stream("customers", Flux.fromIterable(rows), LoadOptions.csv()).collectList().block();
    }

    private static void run(String name, int changes, Supplier<List<LoadResult>> work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter((pool) -> pool.getType() == MemoryType.HEAP)
            .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        List<LoadResult> results = work.get();
        long elapsed = System.nanoTime() - started;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long peakHeap = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
        long loaded = results.stream().mapToLong(LoadResult::totalRows).sum();
        System.out.printf(Locale.ROOT, "%-18s %,12.0f changes/s  CPU %,6.0f ns/change  %,9d rows loaded  %4d loads  "
                + "%6d ms  peak heap %,6d MB%n", name, changes / (elapsed / 1e9), (double) cpu / changes, loaded,
                results.size(), elapsed / 1_000_000, peakHeap / (1024 * 1024));
    }

    /**
     * A deterministic change stream: 40% inserts, 30% whole-row updates, 20% partial updates (orders and balance),
     * 10% deletes; every tenth change carries a version older than the newest sent (out of order).
     */
    static List<ChangeRecord> changes(int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<ChangeRecord> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long version = 1_000_000L + i;
            if (i % 10 == 9) {
                version -= 1 + random.nextInt(5_000);
            }
            long id = random.nextInt(KEYS);
            Map<String, Object> key = Map.of("id", id);
            int kind = random.nextInt(10);
            if (kind < 4) {
                changes.add(ChangeRecord.insert(key, customer(id, i), version));
            }
            else if (kind < 7) {
                changes.add(ChangeRecord.update(key, customer(id, i), version));
            }
            else if (kind < 9) {
                changes.add(ChangeRecord.partialUpdate(key, Map.of("orders", i % 50, "balanceCents", (long) i * 7),
                        version, Set.of("orders", "balanceCents")));
            }
            else {
                changes.add(ChangeRecord.delete(key, version));
            }
        }
        return changes;
    }

    /** The row each change touches, as a bulk load of the same data would send it. */
    private static List<Customer> rows(List<ChangeRecord> records) {
        List<Customer> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(customer((Long) records.get(i).key().get("id"), i));
        }
        return rows;
    }

    private static Customer customer(long id, int i) {
        return new Customer(id, "customer-" + id, "city-" + (id % 500), i % 50, (long) i * 7);
    }

}
