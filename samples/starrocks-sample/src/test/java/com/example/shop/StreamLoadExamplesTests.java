package com.example.shop;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.RowOperation;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.StreamLoadWriter;
import io.github.srboot.test.streamload.DdlTables;
import io.github.srboot.test.streamload.StreamLoadStub;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * README examples of Stream Load, run against the Stream Load stub.
 */
@StreamLoadStub
class StreamLoadExamplesTests {

    private static final Logger logger = LoggerFactory.getLogger(StreamLoadExamplesTests.class);

    private static StreamLoadTemplate streamLoad;

    private StreamLoadStubServer stub;

    // tag::stream-load-types[]
    /** The table the examples load into, in database shop (starrocks.database). */
    static final String ORDERS_TABLE = """
            CREATE TABLE orders (
              id BIGINT NOT NULL,
              status VARCHAR(16),
              amount DECIMAL(12, 2),
              seq BIGINT
            ) PRIMARY KEY (id) DISTRIBUTED BY HASH(id) BUCKETS 4""";

    /** A row of orders: its components are the columns. */
    record Order(long id, String status, BigDecimal amount, long seq) {
    }

    /** A change of the source system: the columns, and whether it deletes ({@code @JsonIgnore}: not a column). */
    record OrderChange(long id, String status, BigDecimal amount, long seq, @JsonIgnore boolean deleted) {
    }
    // end::stream-load-types[]

    @BeforeAll
    static void connect(StreamLoadStubServer stub) {
        stub.createTable(DdlTables.fromScript(ORDERS_TABLE, "shop").get(0));
        streamLoad = StubStreamLoad.template(stub);
    }

    @AfterAll
    static void close() {
        streamLoad.close();
    }

    @BeforeEach
    void stub(StreamLoadStubServer stub) {
        this.stub = stub;
    }

    @Test
    void reactive() {
        // tag::stream-load-reactive[]
        Flux<Order> orders = Flux.range(1, 10_000).map((i) -> new Order(i, "new", new BigDecimal("9.90"), 1));

        Flux<LoadResult> loads = streamLoad.stream("orders", orders);   // cut into loads by starrocks.stream-load.batch.*
        long loaded = loads.map(LoadResult::loadedRows).reduce(0L, Long::sum).block();

        Mono<LoadResult> one = streamLoad.load("orders", Flux.just(new Order(1, "paid", new BigDecimal("9.90"), 2)));
        LoadResult result = one.block();               // exactly one Stream Load: label, status, rows, timings
        // end::stream-load-reactive[]

        assertThat(loaded).isEqualTo(10_000);
        assertThat(result.loadedRows()).isEqualTo(1);
        assertThat(this.stub.table("shop", "orders").row(1))
            .hasValueSatisfying((row) -> assertThat(row).containsEntry("status", "paid"));
    }

    @Test
    void writer() {
        List<Order> orders = List.of(new Order(1, "new", BigDecimal.ONE, 1), new Order(2, "new", BigDecimal.TEN, 1));
        // tag::stream-load-writer[]
        try (StreamLoadWriter<Order> writer = streamLoad.writer("orders")) {   // for blocking code
            for (Order order : orders) {
                writer.write(order);                   // waits while the in-flight memory bound is reached
            }
        }                                              // close() loads what is buffered and waits for it
        // end::stream-load-writer[]

        assertThat(this.stub.table("shop", "orders").rowCount()).isEqualTo(2);
    }

    @Test
    void options() {
        streamLoad.load("orders", Flux.just(new Order(1, "paid", BigDecimal.ONE, 5), new Order(2, "new", BigDecimal.TEN, 1)))
            .block();
        List<OrderChange> changes = List.of(new OrderChange(1, "new", BigDecimal.ONE, 4, false),
                new OrderChange(2, "new", BigDecimal.TEN, 2, true));
        // tag::stream-load-options[]
        LoadOptions upserts = LoadOptions.json()
            .<OrderChange>withOperation((change) -> change.deleted() ? RowOperation.DELETE : RowOperation.UPSERT)
            .withMergeCondition("seq")                 // an upsert older than the stored row is not applied
            .withMaxFilterRatio(0.0)                   // the default: one rejected row fails the load
            .withTimeout(Duration.ofMinutes(2));
        LoadResult result = streamLoad.load("orders", Flux.fromIterable(changes), upserts).block();

        LoadOptions csv = LoadOptions.csv().withColumns("id", "status", "amount", "seq");
        streamLoad.load("orders", Flux.just(new Order(3, "new", BigDecimal.ONE, 1)), csv).block();
        // end::stream-load-options[]

        assertThat(result.loadedRows()).isEqualTo(2);
        assertThat(this.stub.table("shop", "orders").row(1))
            .hasValueSatisfying((row) -> assertThat(row).containsEntry("status", "paid").containsEntry("seq", "5"));
        assertThat(this.stub.table("shop", "orders").row(2)).isEmpty();
        assertThat(this.stub.table("shop", "orders").row(3)).isPresent();
    }

    @Test
    void errors() {
        assertThatExceptionOfType(StreamLoadException.class).isThrownBy(this::loadABadRow)
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StreamLoadException.Reason.REJECTED))
            .satisfies((ex) -> assertThat(ex.rejectedRows()).isNotEmpty())
            .satisfies((ex) -> assertThat(ex.getMessage()).contains(ex.label()));
    }

    private void loadABadRow() {
        // tag::stream-load-errors[]
        try {
            streamLoad.load("orders", Flux.just(Map.of("id", "not a number", "status", "new"))).block();
        }
        catch (StreamLoadException ex) {
            StreamLoadException.Reason reason = ex.reason();   // REJECTED, AUTHENTICATION, RETRIES_EXHAUSTED, ...
            List<String> rejected = ex.rejectedRows();        // the first rows of the server's error log
            logger.error("{} ({} rows rejected)", ex.getMessage(), rejected.size());   // label, server status, advice
            throw ex;
        }
        // end::stream-load-errors[]
    }

}
