package io.github.srboot.test.streamload;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamLoadStub}: one stub per class, injected into fields and parameters, reset after each test.
 */
@StreamLoadStub(backends = 2, username = "loader", password = "pw")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamLoadStubExtensionTests {

    static StreamLoadStubServer sharedStub;

    StreamLoadStubServer stub;

    @BeforeAll
    static void declareTables(StreamLoadStubServer server) {
        server.createTable(StubTable.builder("db", "t").column("id", "INT").primaryKey("id").build());
    }

    @Test
    @Order(1)
    void injectsTheRunningStubIntoFieldsAndParameters(StreamLoadStubServer parameter) {
        assertThat(this.stub).isSameAs(parameter).isSameAs(sharedStub);
        assertThat(parameter.isRunning()).isTrue();
        assertThat(parameter.backends()).hasSize(2);
        assertThat(parameter.username()).isEqualTo("loader");
        assertThat(parameter.password()).isEqualTo("pw");
        assertThat(StreamLoadStubExtension.serverFor(StreamLoadStubExtensionTests.class)).containsSame(parameter);
    }

    @Test
    @Order(2)
    void loadsIntoTheDeclaredTable() throws IOException {
        assertThat(RawHttp.streamLoad(this.stub, "db", "t", Map.of("label", "l"), "1\n").json().get("Status")
            .asText()).isEqualTo("Success");
        assertThat(this.stub.table("db", "t").rowCount()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void theStubWasResetAfterThePreviousTestButKeepsItsTables() throws IOException {
        assertThat(this.stub.table("db", "t").rowCount()).isZero();
        assertThat(this.stub.loadState("db", "l")).isEqualTo(LoadState.UNKNOWN);
        assertThat(this.stub.backends()).allSatisfy((backend) -> assertThat(backend.requests()).isZero());
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheOuterStub(StreamLoadStubServer parameter) {
            assertThat(parameter).isSameAs(sharedStub);
            assertThat(StreamLoadStubExtension.serverFor(NestedTests.class)).containsSame(sharedStub);
        }

    }

}
