package io.github.srboot.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.github.srboot.streamload.transaction.CheckpointLabels;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.transaction.RecoveryReport;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;
import io.github.srboot.test.streamload.StubTable;

/**
 * The exactly-once mode of the fault soak: each table is fed by a pipeline of checkpoints, one transaction Stream
 * Load per checkpoint under its {@code CheckpointLabels} label (begin, load, prepare, record the checkpoint, commit),
 * with the stub injecting every load fault at random into the transaction loads, one FE down for the middle third,
 * and each pipeline crashing once in the middle: after checkpoint n is recorded and prepared and n+1 prepared but not
 * recorded, its template is closed without committing; a new template runs {@code recover} and the pipeline resumes
 * after its last recorded checkpoint. A load whose outcome is unknown is rolled back and the checkpoint redone under
 * the same label. Then every stored row is compared with the source ({@code lost=<n> duplicated=<n>}).
 */
final class ExactlyOnceSoak {

    private static final String PREFIX = "soak";

    private ExactlyOnceSoak() {
    }

    static void run(long rows, int tables, int rowsPerLoad, double rate, long seed) throws Exception {
        long checkpoints = rows / tables / rowsPerLoad;
        long perTable = checkpoints * rowsPerLoad;
        System.out.printf(Locale.ROOT, "Fault soak (exactly-once, transaction Stream Load): %,d rows into %d tables,"
                + " %,d rows per transaction (%,d checkpoints per table), fault rate %.2f per load request at each FE"
                + " and BE, seed %d, 2 FEs and 2 BEs, one writer crash and restart per table; %s%n",
                perTable * tables, tables, rowsPerLoad, checkpoints, rate, seed, SideBySideBenchmark.machine());
        List<StubTable> declared = FaultSoak.tables(tables);
        long started = System.nanoTime();
        AtomicLong redone = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        Map<String, Long> recovery = new TreeMap<>();
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).backends(2).tables(declared)
            .start()) {
            // Transaction loads go to the BE that began the transaction; the stub injects there the faults that come
            // before, instead of or after loading (the others have no transaction-load form in the stub).
            stub.faults().random(rate, seed, Fault.httpStatus(500), Fault.httpStatus(503), Fault.resetBeforeBody(),
                    Fault.resetAfterBody(), Fault.delay(Duration.ofMillis(200)), Fault.responseLostAfterCommit());
            StubEndpoint downFrontend = stub.frontends().get(0);
            AtomicLong done = new AtomicLong();
            long total = checkpoints * tables;
            ExecutorService pipelines = Executors.newFixedThreadPool(tables);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                String table = "t" + t;
                futures.add(pipelines.submit(() -> {
                    pipeline(stub, table, checkpoints, rowsPerLoad, redone, committed, recovery, () -> {
                        long finished = done.incrementAndGet();
                        if (finished == total / 3) {
                            downFrontend.stop();
                        }
                        else if (finished == 2 * total / 3) {
                            downFrontend.start();
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pipelines.shutdown();
            stub.faults().clear();
            double seconds = (System.nanoTime() - started) / 1e9;
            FaultSoak.report(stub, declared, perTable, String.format(Locale.ROOT, "transactions committed %,d,"
                    + " checkpoints redone after a failed or unknown load %,d, recovery after the crashes %s",
                    committed.get(), redone.get(), recovery), seconds);
        }
    }

    private static void pipeline(StreamLoadStubServer stub, String table, long checkpoints, int rowsPerLoad,
            AtomicLong redone, AtomicLong committed, Map<String, Long> recovery, Runnable progress) {
        long crashAt = checkpoints / 2;
        long lastRecorded = -1;
        StreamLoadTemplate template = template(stub);
        try {
            long checkpoint = 0;
            while (checkpoint < checkpoints) {
                String label = CheckpointLabels.of(PREFIX, table, checkpoint);
                prepare(template, table, label, rows(checkpoint, rowsPerLoad), redone);
                lastRecorded = checkpoint;
                if (checkpoint == crashAt && checkpoint + 1 < checkpoints) {
                    // The writer prepares the next checkpoint too, then dies before committing either and before
                    // recording the next one.
                    prepare(template, table, CheckpointLabels.of(PREFIX, table, checkpoint + 1),
                            rows(checkpoint + 1, rowsPerLoad), redone);
                    template.close();
                    template = template(stub);
                    RecoveryReport report = template.recover(table, PREFIX, lastRecorded, 5).block();
                    synchronized (recovery) {
                        recovery.merge("committed", (long) report.committed().size(), Long::sum);
                        recovery.merge("rolledBack", (long) report.rolledBack().size(), Long::sum);
                        recovery.merge("alreadyVisible", (long) report.alreadyVisible().size(), Long::sum);
                    }
                    committed.addAndGet(report.committed().size());
                    progress.run();
                    checkpoint = lastRecorded + 1 + report.alreadyVisible().size();
                    continue;
                }
                commit(template, table, label, checkpoint, rowsPerLoad, redone);
                committed.incrementAndGet();
                progress.run();
                checkpoint++;
            }
        }
        finally {
            template.close();
        }
    }

    /** Begins, loads and prepares a checkpoint's transaction, starting over (rollback) until it is prepared. */
    private static void prepare(StreamLoadTemplate template, String table, String label, List<FaultSoak.SoakRow> rows,
            AtomicLong redone) {
        while (true) {
            StreamLoadTransaction transaction = template.transaction(table, label,
                    LoadOptions.json().withTimeout(Duration.ofSeconds(2)));
            try {
                transaction.begin().block();
                transaction.load(rows).block();
                transaction.prepare().block();
                return;
            }
            catch (RuntimeException ex) {
                redone.incrementAndGet();
                try {
                    transaction.rollback().block();
                }
                catch (RuntimeException rollbackFailure) {
                    // the next begin tells whether the label is free
                }
            }
        }
    }

    /** Commits a prepared checkpoint; if its transaction is gone (aborted), prepares it again and commits. */
    private static void commit(StreamLoadTemplate template, String table, String label, long checkpoint,
            int rowsPerLoad, AtomicLong redone) {
        while (true) {
            StreamLoadTransaction transaction = template.transaction(table, label, LoadOptions.json());
            try {
                transaction.commit().block();
                return;
            }
            catch (RuntimeException ex) {
                String state = template.loadState(table, label).block();
                if ("VISIBLE".equals(state) || "COMMITTED".equals(state)) {
                    return;
                }
                redone.incrementAndGet();
                prepare(template, table, label, rows(checkpoint, rowsPerLoad), redone);
            }
        }
    }

    private static List<FaultSoak.SoakRow> rows(long checkpoint, int rowsPerLoad) {
        List<FaultSoak.SoakRow> rows = new ArrayList<>(rowsPerLoad);
        for (long id = checkpoint * rowsPerLoad; id < (checkpoint + 1) * rowsPerLoad; id++) {
            rows.add(FaultSoak.row(id));
        }
        return rows;
    }

    private static StreamLoadTemplate template(StreamLoadStubServer stub) {
        return StreamLoadTemplate.builder()
            .frontends(stub.frontendUrls())
            .credentials(stub.username(), stub.password())
            .database(FaultSoak.DATABASE)
            .retryPolicy(new RetryPolicy(30, Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofMillis(50)))
            .responseTimeoutMargin(Duration.ofMillis(500))
            .labelPollInterval(Duration.ofMillis(50))
            .frontendProbeInterval(Duration.ofMillis(500))
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .shutdownTimeout(Duration.ofSeconds(1))
            .build();
    }

}
