package io.github.srboot.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.ThreadMXBean;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Measures one benchmark run from the JVM's own MXBeans: CPU time of the process minus the stub's threads (so the
 * client's own threads plus the JVM's GC and JIT threads, which work for the client: the stub shares the process but
 * is not the client), bytes allocated by every Java thread except the stub's, peak heap (the largest heap after any GC during the
 * run, i.e. what the client kept alive, and the largest heap in use sampled every 5 ms (50 ms in a client's own JVM), which includes garbage not yet
 * collected), and pooled direct memory (Netty's pooled allocator, where {@code StreamLoadTemplate} keeps batches).
 */
final class RunMeter implements AutoCloseable {

    /** Threads of the stub server, excluded from client CPU and allocation. */
    private static final String STUB_THREAD_PREFIX = "stream-load-stub-";

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, long[]> startByThread;

    private final long startProcessCpu;

    private final long startNanos;

    /** The names of the memory pools that make up the heap (eden, survivor, old generation). */
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans()
        .stream()
        .filter((pool) -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName)
        .collect(Collectors.toUnmodifiableSet());

    private final AtomicLong peakAfterGc = new AtomicLong();

    private final AtomicLong peakSampled = new AtomicLong();

    private final AtomicLong peakDirect = new AtomicLong();

    private final NotificationListener gcListener;

    private final Thread sampler;

    private volatile boolean sampling = true;

    private final AtomicLong collections = new AtomicLong();

    private final boolean samplePooled;

    private final long samplePeriodMillis;

    private RunMeter(boolean collectFirst, boolean samplePooled, long samplePeriodMillis) {
        this.samplePooled = samplePooled;
        this.samplePeriodMillis = samplePeriodMillis;
        if (collectFirst) {
            quiesce();
        }
        this.gcListener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                    .from((CompositeData) notification.getUserData());
                long used = 0;
                // Heap pools only: the map also holds Metaspace and the code cache (about 40 MiB here), which
                // are not the heap and grow with the classes loaded, not with the rows in flight.
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (HEAP_POOLS.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                this.peakAfterGc.accumulateAndGet(used, Math::max);
                this.collections.incrementAndGet();
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(this.gcListener, null, null);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        this.peakAfterGc.set(used);
        this.sampler = new Thread(this::sample, "benchmark-heap-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
        this.startByThread = threadCounters();
        this.startProcessCpu = processCpu();
        this.startNanos = System.nanoTime();
    }

    /** Starts measuring (after two full GCs, so that earlier runs' garbage does not count). */
    static RunMeter start() {
        return new RunMeter(true, true, 5);
    }

    /**
     * Starts measuring in a client's own JVM: a sample every 50 ms (a sampler every 5 ms costs a few percent of a
     * CPU), Netty's pool only when the client uses it (reading its metric starts the allocator, which the SDK never
     * does), and without collecting first when {@code cold} (a cold run counts everything from the JVM's start).
     */
    static RunMeter startInClient(boolean cold, boolean samplePooled) {
        return new RunMeter(!cold, samplePooled, 50);
    }



    /** What the run cost, measured now. */
    Cost stop() {
        long elapsed = System.nanoTime() - this.startNanos;
        Map<Long, long[]> end = threadCounters();
        long stubCpu = 0;
        long allocated = 0;
        for (Map.Entry<Long, long[]> thread : end.entrySet()) {
            long[] before = this.startByThread.getOrDefault(thread.getKey(), new long[3]);
            if (thread.getValue()[2] == 1) {
                stubCpu += Math.max(0, thread.getValue()[0] - before[0]);
            }
            else {
                allocated += Math.max(0, thread.getValue()[1] - before[1]);
            }
        }
        long processCpu = processCpu() - this.startProcessCpu;
        long cpu = Math.max(0, processCpu - stubCpu);
        close();
        return new Cost(elapsed, cpu, processCpu, processCpu(), allocated, this.peakAfterGc.get(),
                this.peakSampled.get(), this.peakDirect.get(), this.collections.get());
    }

    @Override
    public void close() {
        this.sampling = false;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(this.gcListener);
            }
            catch (javax.management.ListenerNotFoundException ex) {
                // already removed
            }
        }
    }

    private void sample() {
        while (this.sampling) {
            this.peakSampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                    Math::max);
            if (this.samplePooled) {
                this.peakDirect.accumulateAndGet(PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory()
                        + PooledByteBufAllocator.DEFAULT.metric().usedHeapMemory(), Math::max);
            }
            try {
                Thread.sleep(this.samplePeriodMillis);
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }

    /** CPU nanoseconds, allocated bytes and whether it is a stub thread (1), per live thread. */
    private static Map<Long, long[]> threadCounters() {
        Map<Long, long[]> counters = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        java.lang.management.ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || infos[i].getThreadName().equals("benchmark-heap-sampler")) {
                continue;
            }
            long stub = infos[i].getThreadName().startsWith(STUB_THREAD_PREFIX) ? 1 : 0;
            counters.put(ids[i], new long[] { Math.max(0, cpu[i]), Math.max(0, allocated[i]), stub });
        }
        return counters;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static void quiesce() {
        System.gc();
        System.gc();
    }

    /**
     * The cost of one run.
     * @param elapsedNanos wall time
     * @param clientCpuNanos CPU time of the process minus the stub's threads (GC and JIT included)
     * @param processCpuNanos CPU time of the whole process (client and stub)
     * @param processCpuSinceJvmStartNanos CPU time of the whole process since the JVM started
     * @param allocatedBytes heap allocated by the non-stub threads
     * @param peakHeapAfterGcBytes the largest heap after a GC during the run (what stayed reachable)
     * @param peakHeapUsedBytes the largest heap in use, sampled periodically (garbage included)
     * @param peakPooledBytes the largest memory held in Netty's pooled allocator, sampled periodically
     * @param gcCount the collections during the run
     */
    record Cost(long elapsedNanos, long clientCpuNanos, long processCpuNanos, long processCpuSinceJvmStartNanos,
            long allocatedBytes, long peakHeapAfterGcBytes, long peakHeapUsedBytes, long peakPooledBytes,
            long gcCount) {
    }

    /** Latencies in nanoseconds, collected from any thread. */
    static final class Latencies {

        private final List<Long> nanos = new ArrayList<>();

        synchronized void add(long value) {
            this.nanos.add(value);
        }

        synchronized int count() {
            return this.nanos.size();
        }

        /** The given percentile (0-100) in milliseconds, nearest rank; 0 when empty. */
        synchronized double percentileMillis(double percentile) {
            if (this.nanos.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(this.nanos);
            sorted.sort(null);
            int rank = (int) Math.ceil(percentile / 100 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
        }

    }

}
