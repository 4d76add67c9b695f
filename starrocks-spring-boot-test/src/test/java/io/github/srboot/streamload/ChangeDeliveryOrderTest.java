package io.github.srboot.streamload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeOperation;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.ChangeWriter;
import io.github.srboot.streamload.cdc.DeleteMode;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;
import io.github.srboot.test.streamload.TableContents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDC path as a user runs it, against the stub: a seeded random workload of inserts, updates (some partial),
 * deletes and re-inserts of a few hundred keys, applied through {@link StreamLoadTemplate#applyChanges} or a
 * {@link ChangeWriter}, with loads failing at random (5xx, resets, {@code Fail} answers, {@code Publish Timeout}),
 * the consumer resuming from its last commit point after a failure and rewinding a few commit points now and then
 * (a restart replaying changes already applied). Soft deletes carry before images and arrive out of order within
 * and across batches; hard deletes arrive in source order, as {@code docs/cdc.md} requires. Every key must end as
 * the source left it: nothing lost, stale, resurrected, wrong or extra.
 *
 * <p>Deterministic: the workload, the delivery order, the consumer's restarts and the stub's fault draws come from
 * fixed seeds, and nothing waits on time.
 */
class ChangeDeliveryOrderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00.123400Z"), ZoneOffset.UTC);

    /** What the stub stores for {@link #CLOCK} (a 4-digit fraction, scaled to microseconds). */
    private static final String SYNCED_AT = "2024-05-01 10:00:00.123400";

    private static final int KEYS = 300;

    private static final int CHANGES = 6_000;

    private static final int BATCH = 64;

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    /** A source row. */
    record Account(long id, String name, int qty, LocalDateTime seenAt, LocalDate day) {
    }

    /** The loader under test: the reactive one or the blocking writer. */
    enum Path {
        APPLY_CHANGES, CHANGE_WRITER
    }

    @AfterEach
    void stop() {
        if (this.template != null) {
            this.template.close();
        }
        if (this.stub != null) {
            this.stub.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "APPLY_CHANGES, SOFT, 11", "CHANGE_WRITER, SOFT, 12", "APPLY_CHANGES, HARD, 13",
            "CHANGE_WRITER, HARD, 14" })
    void everyKeyEndsAsTheSourceLeftIt(Path path, DeleteMode deleteMode, long seed) {
        this.stub = StreamLoadStubServer.builder()
            .table(StubTemplates.withAuditColumns(StubTable.builder(StubTemplates.DATABASE, "accounts")
                .column("id", "BIGINT")
                .column("name", "VARCHAR(64)")
                .column("qty", "INT")
                .column("seenAt", "DATETIME")
                .column("day", "DATE"))
                .primaryKey("id")
                .build())
            .start();
        this.template = StubTemplates.builder(this.stub).build();
        // About one load request in ten (FE or BE) is faulted; retries heal most, the rest fail the batch.
        this.stub.faults()
            .random(0.10, seed, Fault.httpStatus(503), Fault.httpStatus(500), Fault.resetBeforeBody(),
                    Fault.resetAfterBody(), Fault.publishTimeout(Duration.ZERO), Fault.tooManyVersions(),
                    Fault.loadFailure("injected failure"));

        boolean soft = deleteMode == DeleteMode.SOFT;
        Workload workload = Workload.generate(new Random(seed), soft);
        List<ChangeRecord> deliveries = soft ? workload.outOfOrder(new Random(seed + 100)) : workload.changes;
        if (soft) {
            assertThat(overtaken(deliveries)).as("changes overtaken by a newer change of their key").isGreaterThan(100);
        }
        CdcOptions options = CdcOptions.builder()
            .deleteMode(deleteMode)
            .maxBatchChanges(BATCH)
            .maxBatchInterval(Duration.ofMinutes(5))
            .clock(CLOCK)
            .build();

        Consumer consumer = new Consumer(path, options);
        consumer.consume(deliveries, new Random(seed + 200));

        Outcome outcome = compare(workload, this.stub.table(StubTemplates.DATABASE, "accounts"), soft);
        System.out.printf("%s %s: %d changes, %d overtaken, %d replayed, %d failed segments, %d faults injected, %s%n",
                path, deleteMode, deliveries.size(), overtaken(deliveries), consumer.replayed, consumer.failedSegments,
                this.stub.faults().injected().size(), outcome);
        assertThat(outcome).as("lost, stale, resurrected, wrong values, extra").isEqualTo(Outcome.NONE);
        // The run met what it claims to survive.
        assertThat(consumer.failedSegments).as("segments failed by injected faults").isPositive();
        assertThat(consumer.replayed).as("changes delivered again after a failure or a restart").isPositive();
        assertThat(this.stub.faults().injected()).hasSizeGreaterThan(10);
    }

    /** How many deliveries of a key come after a delivery of a newer change of that key. */
    private static int overtaken(List<ChangeRecord> deliveries) {
        Map<Object, Long> newest = new HashMap<>();
        int overtaken = 0;
        for (ChangeRecord change : deliveries) {
            Object key = change.key().get("id");
            Long seen = newest.get(key);
            if (seen != null && seen > change.version()) {
                overtaken++;
            }
            newest.merge(key, change.version(), Math::max);
        }
        return overtaken;
    }

    /**
     * A consumer that commits its position after each segment (a source transaction) of 1 to 300 changes, resumes
     * from the last commit after a failure, and after every tenth commit restarts 1 or 2 commits back. Besides the
     * stub's random faults, every seventh segment tried meets a queued {@code Fail} answer, so that failures happen
     * in every run whatever the random draws (their number depends on how many requests the client makes, which
     * connection reuse can change).
     */
    private final class Consumer {

        private final Path path;

        private final CdcOptions options;

        private ChangeWriter writer;

        int failedSegments;

        int replayed;

        Consumer(Path path, CdcOptions options) {
            this.path = path;
            this.options = options;
        }

        void consume(List<ChangeRecord> deliveries, Random random) {
            List<Integer> commits = new ArrayList<>(List.of(0));
            int position = 0;
            int furthest = 0;
            for (int round = 0; position < deliveries.size(); round++) {
                assertThat(round).as("segments tried; the consumer makes no progress").isLessThan(20_000);
                if (round % 7 == 6) {
                    ChangeDeliveryOrderTest.this.stub.faults().backend(Fault.loadFailure("injected failure"));
                }
                int end = Math.min(deliveries.size(), position + 1 + random.nextInt(300));
                List<ChangeRecord> segment = deliveries.subList(position, end);
                this.replayed += Math.max(0, Math.min(end, furthest) - position);
                furthest = Math.max(furthest, end);
                try {
                    apply(segment);
                }
                catch (RuntimeException ex) {
                    // Resume from the last commit point: the segment is delivered again.
                    this.failedSegments++;
                    continue;
                }
                position = end;
                commits.add(position);
                if (commits.size() % 10 == 0) {
                    // A restart: the source re-delivers from an older commit point.
                    restart();
                    position = commits.get(Math.max(0, commits.size() - 1 - (1 + random.nextInt(2))));
                }
            }
            restart();
        }

        private void apply(List<ChangeRecord> segment) {
            if (this.path == Path.APPLY_CHANGES) {
                ChangeDeliveryOrderTest.this.template.applyChanges("accounts", Flux.fromIterable(segment), this.options)
                    .blockLast();
                return;
            }
            if (this.writer == null) {
                this.writer = ChangeDeliveryOrderTest.this.template.changeWriter("accounts", this.options);
            }
            for (ChangeRecord change : segment) {
                this.writer.write(change);
            }
            this.writer.flush();
        }

        private void restart() {
            if (this.writer != null) {
                this.writer.close();
                this.writer = null;
            }
        }

    }

    /** The source's changes in source order, and the last change of each key. */
    private static final class Workload {

        final List<ChangeRecord> changes = new ArrayList<>();

        /** The newest change per key: its operation, version and the row it leaves (a delete: its before image). */
        final Map<Long, Last> last = new LinkedHashMap<>();

        record Last(ChangeOperation operation, long version, Account row) {
        }

        static Workload generate(Random random, boolean soft) {
            Workload workload = new Workload();
            Map<Long, Account> live = new HashMap<>();
            for (long version = 1; version <= CHANGES; version++) {
                long id = 1 + random.nextInt(KEYS);
                Map<String, Object> key = Map.of("id", id);
                Account current = live.get(id);
                ChangeRecord change;
                Account row;
                ChangeOperation operation;
                if (current == null) {
                    row = account(random, id, version);
                    operation = ChangeOperation.INSERT;
                    change = ChangeRecord.insert(key, row, version);
                    live.put(id, row);
                }
                else if (random.nextInt(5) == 0) {
                    row = current;
                    operation = ChangeOperation.DELETE;
                    change = soft ? ChangeRecord.delete(key, current, version) : ChangeRecord.delete(key, version);
                    live.remove(id);
                }
                else if (!soft && random.nextInt(4) == 0) {
                    // A partial update (hard-delete workloads only: they arrive in source order).
                    row = new Account(id, current.name(), random.nextInt(1_000), current.seenAt(), current.day());
                    operation = ChangeOperation.UPDATE;
                    change = ChangeRecord.partialUpdate(key, Map.of("qty", row.qty()), version, Set.of("qty"));
                    live.put(id, row);
                }
                else {
                    row = account(random, id, version);
                    operation = ChangeOperation.UPDATE;
                    change = ChangeRecord.update(key, row, version);
                    live.put(id, row);
                }
                workload.changes.add(change);
                workload.last.put(id, new Last(operation, version, row));
            }
            return workload;
        }

        /** A row whose date-time has 0 to 6 fraction digits, as sources produce them. */
        private static Account account(Random random, long id, long version) {
            int micros = random.nextInt(1_000_000);
            micros -= micros % (int) Math.pow(10, random.nextInt(7));
            LocalDateTime seenAt = LocalDateTime.of(2000 + random.nextInt(30), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), micros * 1000);
            return new Account(id, "k" + id + "-v" + version, random.nextInt(1_000), seenAt,
                    LocalDate.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)));
        }

        /**
         * The changes delivered out of order: about one in ten is moved up to 400 places earlier or later (several
         * batches of 64), the rest keep their order.
         */
        List<ChangeRecord> outOfOrder(Random random) {
            List<double[]> order = new ArrayList<>();
            for (int i = 0; i < this.changes.size(); i++) {
                double shift = (random.nextInt(10) == 0) ? random.nextInt(801) - 400 : 0;
                order.add(new double[] { i + shift + (i * 1e-6), i });
            }
            order.sort(Comparator.comparingDouble((double[] entry) -> entry[0]));
            return order.stream().map((entry) -> this.changes.get((int) entry[1])).toList();
        }

    }

    /** What went wrong, per key. */
    record Outcome(int lost, int stale, int resurrected, int wrongValues, int extra) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

    }

    private static Outcome compare(Workload workload, TableContents table, boolean soft) {
        int lost = 0;
        int stale = 0;
        int resurrected = 0;
        int wrong = 0;
        int extra = 0;
        for (Map<String, String> row : table.rows()) {
            if (!workload.last.containsKey(Long.parseLong(row.get("id")))) {
                extra++;
            }
        }
        for (Map.Entry<Long, Workload.Last> entry : workload.last.entrySet()) {
            Workload.Last last = entry.getValue();
            Map<String, String> row = table.row(entry.getKey()).orElse(null);
            boolean deleted = last.operation() == ChangeOperation.DELETE;
            if (deleted && !soft) {
                resurrected += (row != null) ? 1 : 0;
                continue;
            }
            if (row == null) {
                lost++;
                continue;
            }
            long version = Long.parseLong(row.get("_sr_version"));
            if (version < last.version()) {
                if (deleted && "0".equals(row.get("_sr_is_deleted"))) {
                    resurrected++;
                }
                else {
                    stale++;
                }
                continue;
            }
            if (!row.equals(expectedRow(last))) {
                wrong++;
            }
        }
        return new Outcome(lost, stale, resurrected, wrong, extra);
    }

    /** The stored text StarRocks holds for the key's last change (DATETIME as {@code TimestampValue} prints it). */
    private static Map<String, String> expectedRow(Workload.Last last) {
        Account row = last.row();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", Long.toString(row.id()));
        expected.put("name", row.name());
        expected.put("qty", Integer.toString(row.qty()));
        LocalDateTime seenAt = row.seenAt();
        int micros = seenAt.getNano() / 1000;
        expected.put("seenAt", String.format("%04d-%02d-%02d %02d:%02d:%02d", seenAt.getYear(), seenAt.getMonthValue(),
                seenAt.getDayOfMonth(), seenAt.getHour(), seenAt.getMinute(), seenAt.getSecond())
                + ((micros != 0) ? String.format(".%06d", micros) : ""));
        expected.put("day", row.day().toString());
        expected.put("_sr_op_type", Integer.toString(last.operation().auditCode()));
        expected.put("_sr_is_deleted", (last.operation() == ChangeOperation.DELETE) ? "1" : "0");
        expected.put("_sr_synced_at", SYNCED_AT);
        expected.put("_sr_version", Long.toString(last.version()));
        return expected;
    }

}
