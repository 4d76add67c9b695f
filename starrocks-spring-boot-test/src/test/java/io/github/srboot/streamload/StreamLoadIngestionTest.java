package io.github.srboot.streamload;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import io.github.srboot.actuate.StreamLoadMetrics;
import io.github.srboot.actuate.StreamLoadObservations;
import io.github.srboot.streamload.StubTemplates.Item;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Continuous ingestion against the stub: batching, backpressure, order, shutdown, the blocking writer, encodings.
 */
class StreamLoadIngestionTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder()
            .table(StubTemplates.keyed("orders"))
            .table(StubTemplates.appendOnly("events"))
            .tables(List.of(0, 1, 2).stream()
                .map((i) -> StubTable.builder("t" + i, "events").column("id", "BIGINT").column("name", "VARCHAR(500)")
                    .duplicateKey("id").build())
                .toList())
            .table(StubTable.builder("shop", "notes").column("text", "STRING").duplicateKey("text").build())
            .table(StubTable.builder("shop", "samples").column("id", "INT").column("text", "STRING")
                .column("at", "DATETIME").column("tags", "JSON").primaryKey("id").build())
            .start();
        this.template = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(100, 1 << 20, Duration.ofMillis(200)))
            .build();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    @Test
    void streamCutsLoadsByRows() {
        List<LoadResult> results = this.template
            .stream("events", Flux.range(0, 1050).map((i) -> new Item(i, "e" + i)))
            .collectList()
            .block();
        assertThat(results).extracting(LoadResult::loadedRows).hasSize(11).startsWith(100L).endsWith(50L);
        assertThat(results).extracting(LoadResult::label).doesNotHaveDuplicates();
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(1050);
        assertThat(this.template.inFlightBytes()).isZero();
    }

    @Test
    void streamLoadsSlowRowsByAge() {
        Sinks.Many<Item> rows = Sinks.many().unicast().onBackpressureBuffer();
        List<LoadResult> results = new ArrayList<>();
        var subscription = this.template.stream("events", rows.asFlux()).subscribe(results::add);
        rows.tryEmitNext(new Item(1, "slow"));
        Awaitility.await("the lone row loaded").until(() -> this.stub.table("shop", "events").committedLoads() > 0);
        assertThat(this.stub.table("shop", "events").rowCount()).isOne();
        subscription.dispose();
    }

    @Test
    void rowsOfOneTableAreLoadedInOrder() {
        // Every row overwrites key 1: only the last one may remain, whatever the batch boundaries.
        this.template.stream("orders", Flux.range(0, 2000).map((i) -> new Item(1, "v" + i))).blockLast();
        assertThat(this.stub.table("shop", "orders").row(1)).contains(Map.of("id", "1", "name", "v1999"));
    }

    @Test
    void concurrentLoadsOfOneTableKeepSubmissionOrder() {
        List<Long> transactions = Flux.range(0, 20)
            .flatMapSequential((i) -> this.template.load("orders", Flux.just(new Item(1, "v" + i))), 20)
            .map(LoadResult::txnId)
            .collectList()
            .block();
        assertThat(transactions).isSorted();
        assertThat(this.stub.table("shop", "orders").row(1)).contains(Map.of("id", "1", "name", "v19"));
    }

    @Test
    void memoryStaysUnderTheBoundWithASlowBackend() throws Exception {
        long bound = 1024 * 1024;
        this.stub.faults().random(1.0, 1, Fault.delay(Duration.ofMillis(30)));
        AtomicLong highest = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (StreamLoadTemplate bounded = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(1_000_000, 256 * 1024, Duration.ofSeconds(10)))
            .maxInFlightBytes(bound)
            .build()) {
            sampler.scheduleAtFixedRate(() -> highest.accumulateAndGet(bounded.inFlightBytes(), Math::max), 0, 1,
                    TimeUnit.MILLISECONDS);
            String payload = "x".repeat(200);
            AtomicLong produced = new AtomicLong();
            Flux<Flux<LoadResult>> tables = Flux.just("events", "orders")
                .map((table) -> bounded.stream(table, Flux.range(0, 20_000)
                    .doOnNext((i) -> produced.incrementAndGet())
                    .map((i) -> new Item(i, payload))
                    .subscribeOn(Schedulers.boundedElastic())));
            List<LoadResult> results = Flux.merge(tables).collectList().block(Duration.ofSeconds(60));
            assertThat(produced.get()).isEqualTo(40_000);
            assertThat(results.stream().mapToLong(LoadResult::loadedRows).sum()).isEqualTo(40_000);
        }
        finally {
            sampler.shutdownNow();
        }
        assertThat(highest.get()).as("highest in-flight bytes").isPositive().isLessThanOrEqualTo(bound);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(20_000);
    }

    @Test
    void streamsSharingATightBudgetNeverDeadlock() {
        // Three streams could each hold part of a batch while waiting for memory that only the others can free;
        // a batch that cannot grow is loaded as it is instead.
        try (StreamLoadTemplate tight = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(1_000_000, 512 * 1024, Duration.ofSeconds(30)))
            .maxInFlightBytes(1024 * 1024)
            .maxConcurrentLoads(1)
            .build()) {
            String payload = "y".repeat(200);
            List<LoadResult> results = Flux.range(0, 3)
                .map((table) -> tight.stream("t" + table + ".events", Flux.range(0, 10_000)
                    .map((i) -> new Item(i, payload))
                    .subscribeOn(Schedulers.boundedElastic())))
                .collectList()
                .flatMapMany(Flux::merge)
                .collectList()
                .block(Duration.ofSeconds(30));
            assertThat(results.stream().mapToLong(LoadResult::loadedRows).sum()).isEqualTo(30_000);
        }
    }

    @Test
    void closingTheTemplateLoadsBufferedRowsOfStreamsAndWriters() {
        Sinks.Many<Item> rows = Sinks.many().unicast().onBackpressureBuffer();
        List<LoadResult> streamed = new ArrayList<>();
        boolean[] completed = { false };
        StreamLoadTemplate patient = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(1000, 1 << 20, Duration.ofHours(1)))
            .build();
        patient.stream("events", rows.asFlux()).subscribe(streamed::add, null, () -> completed[0] = true);
        for (int i = 0; i < 10; i++) {
            rows.tryEmitNext(new Item(i, "buffered"));
        }
        StreamLoadWriter<Item> writer = patient.writer("orders");
        for (int i = 0; i < 5; i++) {
            writer.write(new Item(i, "written"));
        }
        assertThat(this.stub.loadsCommitted()).isZero();
        patient.close();
        assertThat(completed[0]).isTrue();
        assertThat(streamed).singleElement().extracting(LoadResult::loadedRows).isEqualTo(10L);
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(10);
        assertThat(this.stub.table("shop", "orders").rowCount()).isEqualTo(5);
        assertThatIllegalStateException().isThrownBy(() -> patient.load("events", Flux.just(new Item(1, "late"))).block());
        assertThatIllegalStateException().isThrownBy(() -> writer.write(new Item(6, "late")));
    }

    @Test
    void theBlockingWriterLoadsInBatchesAndFlushes() {
        try (StreamLoadWriter<Item> writer = this.template.writer("events")) {
            for (int i = 0; i < 1050; i++) {
                writer.write(new Item(i, "w" + i));
            }
            writer.flush();
            assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(1050);
            assertThat(this.stub.table("shop", "events").committedLoads()).isEqualTo(11);
            writer.write(new Item(2000, "after flush"));
        }
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(1051);
        assertThat(this.template.inFlightBytes()).isZero();
    }

    @Test
    void theBlockingWriterLoadsIdleRowsByAge() {
        try (StreamLoadWriter<Item> writer = this.template.writer("events")) {
            writer.write(new Item(1, "idle"));
            Awaitility.await("the idle row loaded")
                .until(() -> this.stub.table("shop", "events").committedLoads() > 0);
        }
        assertThat(this.stub.table("shop", "events").rowCount()).isOne();
        assertThat(this.stub.table("shop", "events").committedLoads()).isOne();
    }

    @Test
    void theBlockingWriterReportsAFailedLoadOnce() {
        StreamLoadWriter<Item> writer = this.template.writer("events");
        this.stub.faults().backend(Fault.loadFailure("broken"));
        writer.write(new Item(1, "a"));
        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(writer::flush)
            .satisfies((ex) -> assertThat(ex.serverMessage()).isEqualTo("broken"));
        writer.write(new Item(2, "b"));
        writer.close();
        assertThat(this.stub.table("shop", "events").rowCount()).isOne();
    }

    @ParameterizedTest
    @EnumSource(LoadCompression.class)
    void compressedJsonAndCsvLoads(LoadCompression compression) {
        for (LoadOptions options : List.of(LoadOptions.json(), LoadOptions.csv())) {
            LoadResult result = this.template
                .load("events", Flux.range(0, 500).map((i) -> new Item(i, "compressible " + compression)),
                        options.withCompression(compression))
                .block();
            assertThat(result.loadedRows()).isEqualTo(500);
        }
        assertThat(this.stub.table("shop", "events").rowsWithKey(499)).extracting((row) -> row.get("name"))
            .containsOnly("compressible " + compression);
    }

    @Test
    void hostileTextSurvivesJson() {
        List<String> hostile = hostileValues();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            rows.add(row(i, hostile.get(i)));
        }
        this.template.load("samples", Flux.fromIterable(rows)).block();
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(this.stub.table("shop", "samples").row(i).orElseThrow().get("text")).isEqualTo(hostile.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "\t", ",", "|", "||" })
    void hostileTextSurvivesCsv(String columnSeparator) {
        // The text \N is the one value CSV cannot carry (see below); every other one comes back as it was.
        List<String> hostile = hostileValues().stream().filter((value) -> !value.equals("\\N")).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            rows.add(row(i, hostile.get(i)));
        }
        rows.add(row(hostile.size(), null));
        rows.add(row(hostile.size() + 1, "N"));
        this.template.load("samples", Flux.fromIterable(rows),
                LoadOptions.csv().withSeparators(columnSeparator, "\n")).block();
        var samples = this.stub.table("shop", "samples");
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(samples.row(i).orElseThrow().get("text")).as("row %d", i).isEqualTo(hostile.get(i));
        }
        assertThat(samples.row(hostile.size()).orElseThrow().get("text")).isNull();
        assertThat(samples.row(hostile.size() + 1).orElseThrow().get("text")).isEqualTo("N");
        assertThat(samples.rowCount()).isEqualTo(hostile.size() + 2);
    }

    @Test
    void theTextBackslashNIsRefusedInCsvBecauseStarRocksWouldStoreNull() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> this.template.load("samples", Flux.just(row(1, "\\N")), LoadOptions.csv()).block())
            .withMessageContaining("\\N")
            .withMessageContaining("LoadFormat.JSON");
        assertThat(this.stub.table("shop", "samples").rowCount()).isZero();
    }

    @Test
    void anEmptyStringAloneOnItsCsvLineIsNotASkippedBlankLine() {
        this.template.load("notes", Flux.just(Map.of("text", ""), Map.of("text", "a")), LoadOptions.csv()).block();
        assertThat(this.stub.table("shop", "notes").rows()).extracting((row) -> row.get("text"))
            .containsExactlyInAnyOrder("", "a");
    }

    @Test
    void csvCarriesNullsUnicodeAndDatesAndJsonColumns() {
        Map<String, Object> unicode = row(1, "unicode é 中文 😀, commas");
        unicode.put("tags", List.of(1, 2));
        Map<String, Object> withNull = row(2, null);
        ObjectNode node = new ObjectMapper().createObjectNode().put("id", 3).put("text", "from a node")
            .put("at", "2024-05-06 07:08:09").putNull("tags");
        this.template.load("samples", Flux.just(unicode, withNull, node),
                LoadOptions.csv()).block();
        var samples = this.stub.table("shop", "samples");
        assertThat(samples.row(1).orElseThrow())
            .containsEntry("text", "unicode é 中文 😀, commas")
            .containsEntry("at", "2024-01-02 03:04:05.123456")
            .containsEntry("tags", "[1,2]");
        assertThat(samples.row(2).orElseThrow().get("text")).isNull();
        assertThat(samples.row(3).orElseThrow()).containsEntry("text", "from a node").containsEntry("tags", null);
    }

    @Test
    void metricsCountLoadsRowsRetriesAndFailures() {
        SimpleMeterRegistry registry = meteredLoadRetriedOnceAndLoadRefused();
        // Loads, their latency and failures: the observation's timer, tagged by outcome and reason.
        assertThat(registry.get("starrocks.stream-load").tag("outcome", "success").tag("reason", "none").timer()
            .count()).isOne();
        assertThat(registry.get("starrocks.stream-load").tag("outcome", "failed").tag("reason", "rejected").timer()
            .count()).isOne();
        // Retries: the observation's retry event, tagged by reason.
        assertThat(registry.get("starrocks.stream-load.retry").tag("reason", "server_error").counter().count())
            .isOne();
        assertThat(registry.get("starrocks.stream-load.rows").tag("table", "events").counter().count()).isEqualTo(10);
        assertThat(registry.get("starrocks.stream-load.bytes").counter().count()).isPositive();
        assertThat(registry.get("starrocks.stream-load.in-flight-bytes").gauge().value()).isZero();
    }

    @Test
    void noTwoMetersRecordTheSameEvent() {
        // Each event of a load is counted by one meter: the hand-made load, latency, failure and retry meters that
        // stood beside the observation's timer and retry counter are gone.
        SimpleMeterRegistry registry = meteredLoadRetriedOnceAndLoadRefused();
        List<String> names = registry.getMeters().stream().map((meter) -> meter.getId().getName()).distinct().toList();
        assertThat(names).contains("starrocks.stream-load", "starrocks.stream-load.retry")
            .doesNotContain("starrocks.stream-load.loads", "starrocks.stream-load.latency",
                    "starrocks.stream-load.retries", "starrocks.stream-load.failures");
    }

    /**
     * The meters, with the observation's meter handler as Spring Boot's Actuator installs it, after a load of 10 rows
     * retried once after a 503 and a load the BE refuses.
     */
    private SimpleMeterRegistry meteredLoadRetriedOnceAndLoadRefused() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
        try (StreamLoadTemplate observed = StubTemplates.builder(this.stub)
            .observer(StreamLoadObserver.composite(
                    List.of(new StreamLoadMetrics(registry), new StreamLoadObservations(observations, null))))
            .build()) {
            this.stub.faults().backend(Fault.httpStatus(503));
            observed.load("events", Flux.range(0, 10).map((i) -> new Item(i, "m"))).block();
            this.stub.faults().backend(Fault.loadFailure("bad"));
            assertThatExceptionOfType(StreamLoadException.class)
                .isThrownBy(() -> observed.load("events", Flux.just(new Item(1, "x"))).block());
        }
        return registry;
    }

    private static Map<String, Object> row(int id, String text) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("text", text);
        row.put("at", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
        row.put("tags", List.of("a", "b"));
        return row;
    }

    @Test
    void jsonBatchesThatCouldPassTheServersLimitAreRefusedBeforeAnyLoad() {
        try (StreamLoadTemplate large = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(1000, 200L << 20, Duration.ofSeconds(1)))
            .maxInFlightBytes(512L << 20)
            .build()) {
            assertThatIllegalArgumentException().isThrownBy(() -> large.writer("events"))
                .withMessageContaining("ignore_json_size")
                .withMessageContaining("starrocks.stream-load.batch.max-bytes");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> large.stream("events", Flux.just(new Item(1, "x"))).blockLast());
            // CSV is streamed by the BE, and the header lifts the JSON limit on purpose.
            assertThat(large.stream("events", Flux.just(new Item(1, "x")), LoadOptions.csv()).blockLast()).isNotNull();
            assertThat(large.stream("events", Flux.just(new Item(2, "y")),
                    LoadOptions.json().withHeader("ignore_json_size", "true")).blockLast()).isNotNull();
        }
        assertThat(this.stub.table("shop", "events").rowCount()).isEqualTo(2);
    }

    static List<String> hostileValues() {
        return List.of("tab\there", "line\nbreak", "crlf\r\nend", "quote\"inside", "'single'", "back\\slash", "\\N",
                "comma,separated", "unicode é 中文 😀", "", " padded ", "{\"json\":[1,2]}", "\u0001control\u0002");
    }

}
