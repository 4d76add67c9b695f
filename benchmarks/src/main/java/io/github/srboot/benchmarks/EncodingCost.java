package io.github.srboot.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.sun.management.ThreadMXBean;


/**
 * Encoding cost per row on one thread, from the thread's CPU and allocation counters (robust on a busy machine):
 * generating the order rows alone, plain Jackson (the encoding anchor) and the template's {@code BatchEncoder}, JSON
 * and CSV; median of 5 rounds after a warm-up. The figures behind the before/after table of encoding fixes.
 *
 * <p>Arguments: {@code [rows-per-round]}; default 1,000,000.
 */
public final class EncodingCost {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EncodingCost() {
    }

    public static void main(String[] args) throws IOException {
        long rows = (args.length > 0) ? Long.parseLong(args[0]) : 1_000_000L;
        System.out.printf(Locale.ROOT, "Encoding cost per row, one thread, %,d rows per round, median of 5 rounds; %s%n",
                rows, SideBySideBenchmark.machine());
        for (String format : List.of("json", "csv")) {
            measure(format, rows / 5, 1);
            EncodingProbe.print("rows generated only", format, median(format, rows, "generate"));
            EncodingProbe.print("plain Jackson (anchor)", format, median(format, rows, "anchor"));
            EncodingProbe.print("BatchEncoder (ours)", format, median(format, rows, "ours"));
        }
    }

    private static EncodingProbe.Cost median(String format, long rows, String what) throws IOException {
        List<EncodingProbe.Cost> costs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            costs.add(switch (what) {
                case "generate" -> generateOnly(rows);
                case "anchor" -> anchor(format, rows);
                default -> EncodingProbe.measure(format, rows, 100_000, Orders::order);
            });
        }
        costs.sort((a, b) -> Double.compare(a.cpuNanosPerRow(), b.cpuNanosPerRow()));
        return costs.get(2);
    }

    private static void measure(String format, long rows, int rounds) throws IOException {
        for (int i = 0; i < rounds; i++) {
            generateOnly(rows);
            anchor(format, rows);
            EncodingProbe.measure(format, rows, 100_000, Orders::order);
        }
    }

    private static EncodingProbe.Cost generateOnly(long rows) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        long sink = 0;
        for (long i = 0; i < rows; i++) {
            sink += Orders.order(i).quantity();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new EncodingProbe.Cost((double) (THREADS.getCurrentThreadCpuTime() - cpu) / rows,
                (double) (THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated) / rows, 0);
    }

    private static EncodingProbe.Cost anchor(String format, long rows) throws IOException {
        long[] count = new long[1];
        OutputStream discard = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                count[0] += length;
            }
        };
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        SideBySideBenchmark.EncodingAnchor.encodeInto(format, 0, rows, discard);
        return new EncodingProbe.Cost((double) (THREADS.getCurrentThreadCpuTime() - cpu) / rows,
                (double) (THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated) / rows,
                (double) count[0] / rows);
    }

}
