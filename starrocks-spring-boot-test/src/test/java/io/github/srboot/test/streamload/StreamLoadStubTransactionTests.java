package io.github.srboot.test.streamload;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Transaction Stream Load API: begin, load, prepare, commit, rollback, through the FE redirect.
 */
class StreamLoadStubTransactionTests {

    private StreamLoadStubServer stub;

    @BeforeEach
    void startStub() {
        this.stub = StreamLoadStubServer.builder()
            .backends(2)
            .table(StubTable.builder("db", "t").column("id", "INT").column("v", "STRING").primaryKey("id").build())
            .start();
    }

    @AfterEach
    void stopStub() {
        this.stub.close();
    }

    private TableContents table() {
        return this.stub.table("db", "t");
    }

    /**
     * Sends the operation to the FE and, on 307, to the BE it names; returns the final response and remembers the
     * BE port.
     */
    private RawHttp.Response operation(String operation, String label, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", RawHttp.basic("root", ""));
        headers.put("db", "db");
        headers.put("table", "t");
        headers.put("label", label);
        headers.put("column_separator", ",");
        byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
        headers.put("Content-Length", String.valueOf(bytes.length));
        String method = operation.equals("load") ? "PUT" : "POST";
        String path = "/api/transaction/" + operation;
        URI location;
        try (RawHttp fe = new RawHttp(this.stub.frontend().port())) {
            fe.sendHead(method, path, headers);
            RawHttp.Response response = fe.readResponse();
            if (response.status() != 307) {
                return response;
            }
            assertThat(fe.closedByPeer()).isTrue();
            location = URI.create(response.headers().get("location"));
        }
        this.lastBackendPort = location.getPort();
        try (RawHttp be = new RawHttp(location.getPort())) {
            be.sendHead(method, location.getRawPath(), headers);
            be.sendBody(bytes);
            return be.readResponse();
        }
    }

    private int lastBackendPort;

    private JsonNode json(String operation, String label, String body) throws IOException {
        RawHttp.Response response = operation(operation, label, body);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private String status(String operation, String label) throws IOException {
        return json(operation, label, null).get("Status").asText();
    }

    @Test
    void preparedDataIsInvisibleUntilCommit() throws IOException {
        JsonNode begin = json("begin", "tx1", null);
        assertThat(begin.get("Status").asText()).isEqualTo("OK");
        assertThat(begin.get("TxnId").asLong()).isPositive();
        int backend = this.lastBackendPort;
        JsonNode load = json("load", "tx1", "1,a\n2,b\n");
        assertThat(this.lastBackendPort).isEqualTo(backend);
        assertThat(load.get("Status").asText()).isEqualTo("OK");
        assertThat(load.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(json("load", "tx1", "3,c\n").get("NumberLoadedRows").asLong()).isEqualTo(1);
        assertThat(table().rowCount()).isZero();
        assertThat(this.stub.loadState("db", "tx1")).isEqualTo(LoadState.PREPARE);
        assertThat(RawHttp.loadState(this.stub, "db", "tx1")).isEqualTo("PREPARE");
        JsonNode prepare = json("prepare", "tx1", null);
        assertThat(prepare.get("Status").asText()).isEqualTo("OK");
        assertThat(prepare.get("NumberLoadedRows").asLong()).isEqualTo(3);
        assertThat(this.stub.loadState("db", "tx1")).isEqualTo(LoadState.PREPARED);
        assertThat(RawHttp.loadState(this.stub, "db", "tx1")).isEqualTo("PREPARED");
        assertThat(table().rowCount()).isZero();
        assertThat(status("commit", "tx1")).isEqualTo("OK");
        assertThat(this.lastBackendPort).isEqualTo(backend);
        assertThat(table().rowCount()).isEqualTo(3);
        assertThat(this.stub.loadState("db", "tx1")).isEqualTo(LoadState.VISIBLE);
        assertThat(this.stub.loadsCommitted()).isEqualTo(1);
    }

    @Test
    void committingTwiceAnswersOk() throws IOException {
        json("begin", "tx2", null);
        json("load", "tx2", "1,a\n");
        assertThat(status("commit", "tx2")).isEqualTo("OK");
        assertThat(status("commit", "tx2")).isEqualTo("OK");
        assertThat(table().loadedRows()).isEqualTo(1);
        assertThat(this.stub.loadsCommitted()).isEqualTo(1);
    }

    @Test
    void rollbackDiscardsTheDataAndFreesTheLabel() throws IOException {
        json("begin", "tx3", null);
        json("load", "tx3", "1,a\n");
        json("prepare", "tx3", null);
        assertThat(status("rollback", "tx3")).isEqualTo("OK");
        assertThat(this.stub.loadState("db", "tx3")).isEqualTo(LoadState.ABORTED);
        assertThat(status("commit", "tx3")).isEqualTo("FAILED");
        assertThat(table().rowCount()).isZero();
        assertThat(status("begin", "tx3")).isEqualTo("OK");
    }

    @Test
    void beginningAnExistingLabelAnswersLabelAlreadyExists() throws IOException {
        json("begin", "tx4", null);
        JsonNode running = json("begin", "tx4", null);
        assertThat(running.get("Status").asText()).isEqualTo("LABEL_ALREADY_EXISTS");
        assertThat(running.get("ExistingJobStatus").asText()).isEqualTo("RUNNING");
        json("load", "tx4", "1,a\n");
        json("commit", "tx4", null);
        JsonNode finished = json("begin", "tx4", null);
        assertThat(finished.get("Status").asText()).isEqualTo("LABEL_ALREADY_EXISTS");
        assertThat(finished.get("ExistingJobStatus").asText()).isEqualTo("FINISHED");
    }

    @Test
    void unknownTransactionsAreRefusedByTheFrontend() throws IOException {
        // recorded (corpus CASE_046): FAILED; the text is TransactionLoadAction's
        for (String operation : new String[] { "load", "prepare", "commit", "rollback" }) {
            JsonNode json = json(operation, "never_begun", operation.equals("load") ? "1,a\n" : null);
            assertThat(json.get("Status").asText()).as(operation).isEqualTo("FAILED");
            assertThat(json.get("Message").asText()).as(operation).isEqualTo("class com.starrocks.common."
                    + "StarRocksException: No transaction found with db[db] and label[never_begun]");
        }
    }

    @Test
    void committingATransactionThatReceivedNoDataIsAnInternalError() throws IOException {
        // recorded (corpus CASE_046)
        json("begin", "tx7", null);
        assertThat(status("commit", "tx7")).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void theBackendForgetsATransactionOnceCommittedOrRolledBack() throws IOException {
        // recorded (corpus CASE_044, CASE_045): a later load answers TXN_NOT_EXISTS
        json("begin", "tx8", null);
        json("load", "tx8", "1,a\n");
        json("commit", "tx8", null);
        assertThat(json("load", "tx8", "2,b\n").get("Status").asText()).isEqualTo("TXN_NOT_EXISTS");
        json("begin", "tx9", null);
        json("rollback", "tx9", null);
        assertThat(json("load", "tx9", "2,b\n").get("Status").asText()).isEqualTo("TXN_NOT_EXISTS");
    }

    @Test
    void aPreparedTransactionTakesNoMoreData() throws IOException {
        json("begin", "tx5", null);
        json("prepare", "tx5", null);
        JsonNode json = json("load", "tx5", "1,a\n");
        assertThat(json.get("Status").asText()).isEqualTo("FAILED");
        assertThat(json.get("Message").asText()).contains("PREPARED");
    }

    @Test
    void aTransactionBusyWithALoadAnswersTxnInProcessing() throws IOException {
        json("begin", "tx6", null);
        int backend = this.lastBackendPort;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", RawHttp.basic("root", ""));
        headers.put("db", "db");
        headers.put("label", "tx6");
        headers.put("column_separator", ",");
        headers.put("Expect", "100-continue");
        headers.put("Content-Length", "4");
        try (RawHttp loading = new RawHttp(backend)) {
            loading.sendHead("PUT", "/api/transaction/load", headers);
            assertThat(loading.readResponse().status()).isEqualTo(100);
            assertThat(status("commit", "tx6")).isEqualTo("TXN_IN_PROCESSING");
            loading.sendBody("1,a\n".getBytes(StandardCharsets.UTF_8));
            assertThat(loading.readResponse().json().get("Status").asText()).isEqualTo("OK");
        }
        assertThat(status("commit", "tx6")).isEqualTo("OK");
        assertThat(table().rowCount()).isEqualTo(1);
    }

    @Test
    void transactionsNeedCredentials() throws IOException {
        try (RawHttp fe = new RawHttp(this.stub.frontend().port())) {
            fe.sendHead("POST", "/api/transaction/begin", Map.of("db", "db", "table", "t", "label", "x",
                    "Content-Length", "0"));
            assertThat(fe.readResponse().status()).isEqualTo(401);
        }
    }

    @Test
    void beginIntoAnUndeclaredTableFails() throws IOException {
        Map<String, String> headers = Map.of("Authorization", RawHttp.basic("root", ""), "db", "db", "table",
                "nope", "label", "tx7", "Content-Length", "0");
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            be.sendHead("POST", "/api/transaction/begin", headers);
            JsonNode json = be.readResponse().json();
            assertThat(json.get("Status").asText()).isEqualTo("FAILED");
            assertThat(json.get("Message").asText()).contains("unknown table");
        }
    }

}
