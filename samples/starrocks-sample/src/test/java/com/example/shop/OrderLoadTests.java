package com.example.shop;

// tag::testing-stub[]
import java.util.Map;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.test.streamload.Fault;
import io.github.srboot.test.streamload.StreamLoadStub;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

@StreamLoadStub                                         // an in-process FE + BE, reset after each test
class OrderLoadTests {

    @Test
    void aLoadRetriedAfterAConnectionResetIsAppliedOnce(StreamLoadStubServer stub) {
        stub.createTable(StubTable.builder("shop", "orders")
            .column("id", "BIGINT").column("status", "VARCHAR(16)").primaryKey("id").build());
        stub.faults().backend(Fault.resetAfterBody());  // the BE reads the body, then drops the connection

        try (StreamLoadTemplate streamLoad = StreamLoadTemplate.builder()
            .frontends(stub.frontendUrls()).credentials(stub.username(), stub.password()).database("shop").build()) {
            LoadResult result = streamLoad.load("orders", Flux.just(Map.of("id", 1, "status", "new"))).block();

            assertThat(result.attempts()).isEqualTo(2);  // retried with the same label
        }
        assertThat(stub.table("shop", "orders").rowCount()).isEqualTo(1);
        assertThat(stub.loadsCommitted()).isEqualTo(1);
    }

}
// end::testing-stub[]
