package io.github.srboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.LongFunction;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.internal.encoding.BatchEncoder;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;
import io.github.srboot.streamload.internal.encoding.RowCodec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.ThreadMXBean;

/**
 * Encoding cost alone, on one thread: rows encoded by {@code BatchEncoder} (the template's encoder, without
 * batching, labels or HTTP) into pooled buffers that are then released. Prints CPU nanoseconds and allocated bytes
 * per row from the thread's own counters, which stay meaningful on a busy machine where wall time does not. Calls
 * the encoder through the public types of {@code streamload.internal.encoding}, which that package documents as
 * internal (they may change with the library, and this probe with them); used for the before/after figures of
 * encoding fixes.
 */
public final class EncodingProbe {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EncodingProbe() {
    }

    /** One measurement: CPU ns and allocated bytes per row. */
    public record Cost(double cpuNanosPerRow, double bytesPerRow, double encodedBytesPerRow) {
    }

    /**
     * Encodes {@code rows} rows made by {@code row} in batches of {@code batchRows} with the library's JSON or CSV
     * encoder and default options.
     */
    public static Cost measure(String format, long rows, int batchRows, LongFunction<Object> row) {
        RowCodec codec = new RowCodec(new ObjectMapper(), ZoneOffset.UTC);
        LoadOptions options = format.equals("json") ? LoadOptions.json() : LoadOptions.csv();
        long thread = Thread.currentThread().getId();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
        long encoded = 0;
        long i = 0;
        while (i < rows) {
            BatchEncoder encoder = BatchEncoder.open(codec, options, LoadCompression.NONE);
            long end = Math.min(rows, i + batchRows);
            for (; i < end; i++) {
                encoder.write(row.apply(i));
            }
            EncodedBatch batch = encoder.finish();
            encoded += batch.bodySize();
            batch.body().release();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
        return new Cost((double) cpu / rows, (double) allocated / rows, (double) encoded / rows);
    }

    /** Prints one line for a measurement. */
    public static void print(String name, String format, Cost cost) {
        System.out.printf(Locale.ROOT, "  %-22s %-4s %8.1f ns/row CPU  %7.1f B/row allocated  %6.1f B/row encoded%n",
                name, format, cost.cpuNanosPerRow(), cost.bytesPerRow(), cost.encodedBytesPerRow());
    }

}
