package io.github.srboot.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadObserver;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.InjectedFault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubEndpoint;
import io.github.srboot.test.streamload.StubTable;
import io.github.srboot.test.streamload.TableContents;

/**
 * Fault-injection soak: many small loads into several tables of a stub with two FEs and two BEs, with faults of
 * every kind the stub offers injected into load requests at random (seeded), and one FE taken down for the middle
 * third of the run; then every stored row is compared with the source and {@code lost=<n> duplicated=<n>} is
 * printed with per-fault counts. Prints figures; the exit status is 1 when a row was lost or duplicated.
 *
 * <p>Arguments: {@code [at-least-once|exactly-once] [rows] [tables] [rows-per-load] [fault-rate] [seed]}; defaults
 * at-least-once, 10,000,000 rows, 4 tables, 1,000 rows per load (10,000 loads; 5,000 rows per transaction, so 2,000
 * transactions, in the exactly-once mode), 0.12 per load request at each FE and BE, seed 15. The exactly-once mode is
 * {@link ExactlyOnceSoak}.
 */
public final class FaultSoak {

    private FaultSoak() {
    }

    /** A soak row: its number within its table and a small payload. */
    public record SoakRow(long id, String payload) {
    }

    static final String DATABASE = "soak";

    private static final String[] PAYLOADS = new String[1000];

    static {
        for (int i = 0; i < PAYLOADS.length; i++) {
            PAYLOADS[i] = "payload-" + i;
        }
    }

    /** Every kind of fault the stub offers, in the variants a real cluster produces. */
    static List<Fault> allFaultKinds() {
        return List.of(Fault.httpStatus(500), Fault.httpStatus(503), Fault.resetBeforeBody(), Fault.resetAfterBody(),
                Fault.delay(Duration.ofMillis(200)), Fault.responseLostAfterCommit(),
                Fault.publishTimeout(Duration.ofMillis(300)), Fault.tooManyVersions(),
                Fault.tooManyRunningTransactions(), Fault.redirectToUnreachableBackend(), Fault.httpConcurrencyLimit(),
                Fault.shuttingDown(), Fault.noBackendAlive());
    }

    public static void main(String[] arguments) throws Exception {
        boolean exactlyOnce = arguments.length > 0 && arguments[0].equals("exactly-once");
        String[] args = (arguments.length > 0 && arguments[0].endsWith("-once"))
                ? java.util.Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        long rows = (args.length > 0) ? Long.parseLong(args[0]) : 10_000_000L;
        int tables = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
        // A transaction takes four requests (begin, load, prepare, commit): bigger checkpoints keep that mode's run
        // near the at-least-once mode's duration.
        int rowsPerLoad = (args.length > 2) ? Integer.parseInt(args[2]) : (exactlyOnce ? 5_000 : 1_000);
        double rate = (args.length > 3) ? Double.parseDouble(args[3]) : 0.12;
        long seed = (args.length > 4) ? Long.parseLong(args[4]) : 15;
        if (exactlyOnce) {
            ExactlyOnceSoak.run(rows, tables, rowsPerLoad, rate, seed);
            return;
        }
        long perTable = rows / tables;
        System.out.printf(Locale.ROOT, "Fault soak (at-least-once): %,d rows into %d tables, %,d rows per load, fault"
                + " rate %.2f per load request at each FE and BE, seed %d, 2 FEs and 2 BEs; %s%n", perTable * tables,
                tables, rowsPerLoad, rate, seed, SideBySideBenchmark.machine());
        List<StubTable> declared = tables(tables);
        long started = System.nanoTime();
        AtomicLong loads = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        Map<String, Long> outcomes = new TreeMap<>();
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().frontends(2).backends(2).tables(declared)
            .start()) {
            stub.faults().random(rate, seed, allFaultKinds().toArray(Fault[]::new));
            StubEndpoint downFrontend = stub.frontends().get(0);
            ExecutorService control = Executors.newSingleThreadExecutor();
            AtomicLong emitted = new AtomicLong();
            long total = perTable * tables;
            StreamLoadObserver observer = new StreamLoadObserver() {
                @Override
                public void loadSucceeded(LoadResult result) {
                    loads.incrementAndGet();
                    synchronized (outcomes) {
                        outcomes.merge(result.status().name(), 1L, Long::sum);
                    }
                }

                @Override
                public void retrying(String table, String label, RetryReason reason, int nextAttempt) {
                    retries.incrementAndGet();
                }
            };
            try (StreamLoadTemplate template = StreamLoadTemplate.builder()
                .frontends(stub.frontendUrls())
                .credentials(stub.username(), stub.password())
                .database(DATABASE)
                .batchPolicy(new BatchPolicy(rowsPerLoad, 64L * 1024 * 1024, Duration.ofSeconds(5)))
                .retryPolicy(new RetryPolicy(30, Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofMillis(50)))
                .maxConcurrentLoads(tables)
                .responseTimeoutMargin(Duration.ofMillis(500))
                .labelPollInterval(Duration.ofMillis(50))
                .frontendProbeInterval(Duration.ofMillis(500))
                .connectTimeout(Duration.ofSeconds(2))
                .observer(observer)
                .build()) {
                List<Mono<Long>> streams = new ArrayList<>();
                for (int t = 0; t < tables; t++) {
                    LoadOptions options = ((t % 2 == 0) ? LoadOptions.json() : LoadOptions.csv())
                        .withTimeout(Duration.ofSeconds(1));
                    Flux<SoakRow> source = Flux.<SoakRow, long[]>generate(() -> new long[1], (next, out) -> {
                        if (next[0] == perTable) {
                            out.complete();
                            return next;
                        }
                        long id = next[0]++;
                        out.next(row(id));
                        long sent = emitted.incrementAndGet();
                        // One FE goes down for the middle third of the run, then comes back.
                        if (sent == total / 3) {
                            control.execute(downFrontend::stop);
                        }
                        else if (sent == 2 * total / 3) {
                            control.execute(downFrontend::start);
                        }
                        return next;
                    });
                    streams.add(template.stream("t" + t, source.subscribeOn(Schedulers.boundedElastic()), options)
                        .map(LoadResult::loadedRows)
                        .reduce(0L, Long::sum));
                }
                Flux.merge(streams).blockLast();
            }
            finally {
                control.shutdown();
            }
            stub.faults().clear();
            double seconds = (System.nanoTime() - started) / 1e9;
            report(stub, declared, perTable, String.format(Locale.ROOT, "loads %,d (outcomes %s), client retries %,d",
                    loads.get(), outcomes, retries.get()), seconds);
        }
    }

    /** The soak's DUPLICATE KEY tables {@code soak.t0..} (a row loaded twice shows as two rows). */
    static List<StubTable> tables(int count) {
        List<StubTable> tables = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            tables.add(StubTable.builder(DATABASE, "t" + t).column("id", "BIGINT").column("payload", "VARCHAR(32)")
                .duplicateKey("id")
                .build());
        }
        return tables;
    }

    /** Source row {@code id} of every table. */
    static SoakRow row(long id) {
        return new SoakRow(id, PAYLOADS[(int) (id % PAYLOADS.length)]);
    }

    /**
     * Compares every stored row with the source, prints the figures and {@code lost=<n> duplicated=<n>}, and exits
     * with status 1 when a row was lost, duplicated or unexpected.
     * @param activity what the client did, for the summary line
     */
    static void report(StreamLoadStubServer stub, List<StubTable> declared, long perTable, String activity,
            double seconds) {
        long lost = 0;
        long duplicated = 0;
        long unexpected = 0;
        long stored = 0;
        for (StubTable table : declared) {
            TableContents contents = stub.table(DATABASE, table.name());
            byte[] seen = new byte[(int) perTable];
            for (Map<String, String> row : contents.rows()) {
                stored++;
                long id = Long.parseLong(row.get("id"));
                if (id < 0 || id >= perTable || !PAYLOADS[(int) (id % PAYLOADS.length)].equals(row.get("payload"))) {
                    unexpected++;
                    continue;
                }
                if (seen[(int) id] == Byte.MAX_VALUE) {
                    duplicated++;
                }
                else if (seen[(int) id]++ > 0) {
                    duplicated++;
                }
            }
            for (byte count : seen) {
                if (count == 0) {
                    lost++;
                }
            }
        }
        long requests = 0;
        long loadRequests = 0;
        for (StubEndpoint endpoint : stub.frontends()) {
            requests += endpoint.requests();
            loadRequests += endpoint.loadRequests();
        }
        for (StubEndpoint endpoint : stub.backends()) {
            requests += endpoint.requests();
            loadRequests += endpoint.loadRequests();
        }
        Map<String, Long> faults = new TreeMap<>();
        List<InjectedFault> injected = stub.faults().injected();
        for (InjectedFault fault : injected) {
            faults.merge(fault.role() + " " + fault.fault().getClass().getSimpleName()
                    + ((fault.fault() instanceof Fault.HttpStatus status) ? " " + status.status() : "")
                    + ((fault.fault() instanceof Fault.LoadFailure failure)
                            ? (failure.message().contains("versions") ? " (too many versions)" : " (running txns)")
                            : "")
                    + ((fault.fault() instanceof Fault.EarlyRefusal refusal)
                            ? (refusal.message().contains("shutting") ? " (shutting down)" : " (http limit)") : ""),
                    1L, Long::sum);
        }
        System.out.printf(Locale.ROOT, "source rows %,d, stored rows %,d, %s, %.1f s%n", perTable * declared.size(),
                stored, activity, seconds);
        System.out.printf(Locale.ROOT, "load requests %,d (FE+BE), all requests %,d, faults injected %,d = %.1f%% of"
                + " load requests; FE %s down for the middle third%n", loadRequests, requests, injected.size(),
                100.0 * injected.size() / Math.max(1, loadRequests), stub.frontends().get(0).url());
        faults.forEach((kind, count) -> System.out.printf(Locale.ROOT, "  fault %-45s %,6d%n", kind, count));
        if (unexpected > 0) {
            System.out.println("unexpected rows (not in the source): " + unexpected);
        }
        System.out.println("lost=" + lost + " duplicated=" + duplicated);
        if (lost != 0 || duplicated != 0 || unexpected != 0) {
            System.exit(1);
        }
    }

}
