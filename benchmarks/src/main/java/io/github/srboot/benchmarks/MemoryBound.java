package io.github.srboot.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;

import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * Memory bound: streams many gigabytes of generated rows through {@code StreamLoadTemplate.stream} into the stub
 * (counting mode), the last part against a deliberately slow BE (every load delayed), and prints the peak heap, the
 * peak of pooled buffer memory and the template's own in-flight account against the configured bound. Meant to run
 * with {@code -Xmx256m}; an {@code OutOfMemoryError} ends it with a stack trace. Prints figures; asserts nothing
 * about time.
 *
 * <p>Rows are sent as JSON, which the stub counts while streaming the body, so that the heap figure is the client's
 * (plus the stub's small read buffers) rather than whole bodies held by the stub, which shares the JVM.
 *
 * <p>Arguments: {@code [gigabytes] [slow-gigabytes] [max-in-flight-MiB] [batch-MiB] [slow-delay-ms]}; defaults 20.5
 * GB in all (so that the server-counted body bytes pass 20 GB), of which the last 1 GB against a BE that delays each
 * load by 500 ms, a 64 MiB in-flight bound, 16 MiB batches.
 */
public final class MemoryBound {

    private MemoryBound() {
    }

    /** A wide row: a number and about 4 KiB of text. */
    public record WideRow(long id, String text) {
    }

    private static final String[] TEXTS = new String[16];

    static {
        for (int i = 0; i < TEXTS.length; i++) {
            StringBuilder text = new StringBuilder(4096);
            while (text.length() < 4000) {
                text.append("row text ").append(i).append(" lorem ipsum dolor sit amet; ");
            }
            TEXTS[i] = text.toString();
        }
    }

    public static void main(String[] args) {
        double gigabytes = (args.length > 0) ? Double.parseDouble(args[0]) : 20.5;
        double slowGigabytes = (args.length > 1) ? Double.parseDouble(args[1]) : 1;
        long maxInFlight = ((args.length > 2) ? Long.parseLong(args[2]) : 64) * 1024 * 1024;
        long batchBytes = ((args.length > 3) ? Long.parseLong(args[3]) : 16) * 1024 * 1024;
        long slowDelay = (args.length > 4) ? Long.parseLong(args[4]) : 500;
        long rowBytes = TEXTS[0].length() + 12;
        long rows = (long) (gigabytes * 1e9 / rowBytes);
        long slowFrom = rows - (long) (slowGigabytes * 1e9 / rowBytes);
        System.out.printf(Locale.ROOT, "Memory bound: %.1f GB (%,d rows of ~%d bytes, JSON) through stream(), the last"
                + " %.1f GB against a BE delaying each load by %d ms; max-in-flight-bytes %d MiB, batches %d MiB; %s%n",
                gigabytes, rows, rowBytes, slowGigabytes, slowDelay, maxInFlight >> 20, batchBytes >> 20,
                SideBySideBenchmark.machine());
        StubTable table = StubTable.builder("bench", "wide").column("id", "BIGINT").column("text", "VARCHAR(8192)")
            .duplicateKey("id")
            .build();
        AtomicLong peakInFlight = new AtomicLong();
        AtomicLong loads = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().countingOnly().table(table).start();
                StreamLoadTemplate template = StreamLoadTemplate.builder()
                    .frontends(stub.frontendUrls())
                    .credentials(stub.username(), stub.password())
                    .database("bench")
                    .batchPolicy(new BatchPolicy(Integer.MAX_VALUE, batchBytes, Duration.ofSeconds(5)))
                    .maxInFlightBytes(maxInFlight)
                    .build()) {
            Thread watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakInFlight.accumulateAndGet(template.inFlightBytes(), Math::max);
                    try {
                        Thread.sleep(5);
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            }, "memory-bound-watcher");
            watcher.setDaemon(true);
            watcher.start();
            RunMeter meter = RunMeter.start();
            Flux<WideRow> source = Flux.<WideRow, long[]>generate(() -> new long[1], (next, out) -> {
                long id = next[0]++;
                if (id == rows) {
                    out.complete();
                    return next;
                }
                if (id == slowFrom) {
                    stub.faults().random(1.0, 1, Fault.delay(Duration.ofMillis(slowDelay)));
                    System.out.printf(Locale.ROOT, "  row %,d: the BE now delays every load by %d ms%n", id,
                            slowDelay);
                }
                if (id > 0 && id % (rows / 10) == 0) {
                    System.out.printf(Locale.ROOT, "  %,d rows offered, in flight now %.1f MiB, heap used %.1f MiB%n",
                            id, template.inFlightBytes() / 1048576.0, usedHeap() / 1048576.0);
                }
                out.next(new WideRow(id, TEXTS[(int) (id % TEXTS.length)]));
                return next;
            });
            template.stream("wide", source, LoadOptions.json()).doOnNext((LoadResult result) -> {
                loads.incrementAndGet();
                bytes.addAndGet(result.loadBytes());
            }).blockLast();
            RunMeter.Cost cost = meter.stop();
            watcher.interrupt();
            long loaded = stub.table("bench", "wide").loadedRows();
            double seconds = cost.elapsedNanos() / 1e9;
            System.out.printf(Locale.ROOT, "loaded %,d of %,d rows in %,d loads, %.2f GB in %.0f s (%.0f MB/s)%n",
                    loaded, rows, loads.get(), bytes.get() / 1e9, seconds, bytes.get() / 1e6 / seconds);
            System.out.printf(Locale.ROOT, "max heap (-Xmx) %d MiB; peak heap after GC %.1f MiB; peak heap used"
                    + " (sampled, garbage included) %.1f MiB%n", Runtime.getRuntime().maxMemory() >> 20,
                    cost.peakHeapAfterGcBytes() / 1048576.0, cost.peakHeapUsedBytes() / 1048576.0);
            System.out.printf(Locale.ROOT, "configured bound (max-in-flight-bytes) %d MiB; peak in flight (template's"
                    + " account) %.1f MiB; peak pooled buffer memory (Netty, direct) %.1f MiB%n", maxInFlight >> 20,
                    peakInFlight.get() / 1048576.0, cost.peakPooledBytes() / 1048576.0);
            if (loaded != rows) {
                System.out.println("MISSING ROWS: " + (rows - loaded));
                System.exit(1);
            }
        }
    }

    private static long usedHeap() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
