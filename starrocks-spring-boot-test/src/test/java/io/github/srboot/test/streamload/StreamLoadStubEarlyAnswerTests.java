package io.github.srboot.test.streamload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Answers a StarRocks BE gives from its header handler ({@code StreamLoadAction::on_header} in
 * {@code be/src/http/action/stream_load.cpp}): sent before any body byte is read, without {@code 100 Continue}, and
 * followed by closing the connection. Texts are StarRocks' own.
 */
class StreamLoadStubEarlyAnswerTests {

    private StreamLoadStubServer stub;

    @BeforeEach
    void startStub() {
        this.stub = StreamLoadStubServer.builder()
            .table(StubTable.builder("db", "t").column("id", "INT").column("v", "STRING").primaryKey("id").build())
            .table(StubTable.builder("db", "dup").column("k", "INT").column("v", "STRING").build())
            .start();
    }

    @AfterEach
    void stopStub() {
        this.stub.close();
    }

    private int backendPort() {
        return this.stub.backends().get(0).port();
    }

    private static Map<String, String> headers(String label, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", RawHttp.basic("root", ""));
        headers.put("Expect", "100-continue");
        headers.put("Content-Length", "4");
        headers.put("label", label);
        headers.put("column_separator", ",");
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    /**
     * Sends only the head to the BE and returns its answer, checking that it came instead of {@code 100 Continue}
     * and that the BE then closed the connection.
     */
    private JsonNode answerWithoutBody(String table, Map<String, String> headers) throws IOException {
        try (RawHttp be = new RawHttp(backendPort())) {
            be.sendHead("PUT", "/api/db/" + table + "/_stream_load", headers);
            RawHttp.Response response = be.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().get("connection")).isEqualTo("close");
            assertThat(be.closedByPeer()).isTrue();
            return response.json();
        }
    }

    @Test
    void labelAlreadyExistsIsAnsweredBeforeTheBody() throws IOException {
        RawHttp.streamLoad(this.stub, "db", "t", Map.of("label", "l1", "column_separator", ","), "1,a\n");
        long bodyBytes = this.stub.backends().get(0).bodyBytes();
        JsonNode json = answerWithoutBody("t", headers("l1"));
        // corpus CASE_002 (recorded): Status, Message, TxnId -1, ExistingJobStatus FINISHED
        assertThat(json.get("Status").asText()).isEqualTo("Label Already Exists");
        assertThat(json.get("Message").asText()).isEqualTo("Label [l1] has already been used.");
        assertThat(json.get("TxnId").asLong()).isEqualTo(-1);
        assertThat(json.get("ExistingJobStatus").asText()).isEqualTo("FINISHED");
        assertThat(this.stub.backends().get(0).bodyBytes()).isEqualTo(bodyBytes);
    }

    @Test
    void aClientThatSendsTheBodyAtOnceStillGetsTheAnswerAndNoByteIsRead() throws IOException {
        RawHttp.streamLoad(this.stub, "db", "t", Map.of("label", "l1", "column_separator", ","), "1,a\n");
        long bodyBytes = this.stub.backends().get(0).bodyBytes();
        Map<String, String> headers = headers("l1");
        headers.remove("Expect");
        try (RawHttp be = new RawHttp(backendPort())) {
            be.sendHead("PUT", "/api/db/t/_stream_load", headers);
            be.sendBody("2,b\n".getBytes(StandardCharsets.UTF_8));
            assertThat(be.readResponse().json().get("Status").asText()).isEqualTo("Label Already Exists");
        }
        assertThat(this.stub.backends().get(0).bodyBytes()).isEqualTo(bodyBytes);
        assertThat(this.stub.table("db", "t").rowCount()).isEqualTo(1);
    }

    @Test
    void unknownDatabaseAndTableUseTheFrontendTexts() throws IOException {
        // FrontendServiceImpl.loadTxnBeginImpl
        assertThat(answerWithoutBody("nope", headers("l2")).get("Message").asText())
            .isEqualTo("unknown table \"db.nope\"");
        try (RawHttp be = new RawHttp(backendPort())) {
            be.sendHead("PUT", "/api/nodb/t/_stream_load", headers("l3"));
            JsonNode json = be.readResponse().json();
            assertThat(json.get("Status").asText()).isEqualTo("Fail");
            assertThat(json.get("Message").asText()).isEqualTo("unknown database, database=nodb");
        }
    }

    @Test
    void partialUpdateWithoutTheKeyColumnFailsInThePlanAndFreesTheLabel() throws IOException {
        JsonNode json = answerWithoutBody("t", headers("p1", "partial_update", "true", "columns", "v"));
        // Load.getPartialUpateColumns: the transaction began, so the answer carries its id and the label is free again
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).isEqualTo("key column id not in partial update columns");
        assertThat(json.get("TxnId").asLong()).isPositive();
        assertThat(this.stub.loadState("db", "p1")).isEqualTo(LoadState.ABORTED);
        assertThat(RawHttp.streamLoad(this.stub, "db", "t", Map.of("label", "p1", "column_separator", ","), "1,a\n")
            .json().get("Status").asText()).isEqualTo("Success");
    }

    @Test
    void partialUpdateOnANonPrimaryKeyTableFails() throws IOException {
        assertThat(answerWithoutBody("dup", headers("p2", "partial_update", "true", "columns", "k,v"))
            .get("Message").asText()).isEqualTo("Only primary key table support partial update");
    }

    @Test
    void mergeConditionErrorsUseTheRecordedTexts() throws IOException {
        // corpus CASE_028 / CASE_033 (recorded)
        assertThat(answerWithoutBody("t", headers("m1", "merge_condition", "id")).get("Message").asText())
            .isEqualTo("Merge condition column id should not be primary key!");
        assertThat(answerWithoutBody("t", headers("m2", "merge_condition", "v6")).get("Message").asText())
            .isEqualTo("Merge condition column v6 does not exist. If you are doing partial update with condition "
                    + "update, please check condition column is in the given update columns. Otherwise please check "
                    + "condition column is in table t");
    }

    @Test
    void unknownFormatIsRefusedBeforeTheTransaction() throws IOException {
        JsonNode json = answerWithoutBody("t", headers("f1", "format", "parquet"));
        assertThat(json.get("Message").asText()).isEqualTo("unknown data format, format=parquet");
        assertThat(json.get("TxnId").asLong()).isEqualTo(-1);
        assertThat(this.stub.loadState("db", "f1")).isEqualTo(LoadState.UNKNOWN);
    }

    @Test
    void jsonOverTheBatchLimitIsRefusedWithStarRocksText() throws IOException {
        Map<String, String> headers = headers("j1", "format", "json");
        headers.put("Content-Length", String.valueOf(LoadOptions.MAX_JSON_BYTES + 1));
        assertThat(answerWithoutBody("t", headers).get("Message").asText())
            .isEqualTo("The size of this batch exceed the max size [104857600]  of json type data  data [ 104857601 ]."
                    + " Set ignore_json_size to skip the check, although it may lead huge memory consuming.");
    }

    @Test
    void injectedHttpConcurrencyLimitRefusesBeforeAnything() throws IOException {
        this.stub.faults().backend(Fault.httpConcurrencyLimit());
        JsonNode json = answerWithoutBody("t", headers("c1"));
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText())
            .isEqualTo("Stream Load exceed http cuncurrent limit 47, please try again later");
        assertThat(json.get("TxnId").asLong()).isEqualTo(-1);
        assertThat(this.stub.loadState("db", "c1")).isEqualTo(LoadState.UNKNOWN);
        assertThat(RawHttp.streamLoad(this.stub, "db", "t", Map.of("label", "c1", "column_separator", ","), "1,a\n")
            .json().get("Status").asText()).isEqualTo("Success");
    }

    @Test
    void injectedShutdownRefusesBeforeTheTransaction() throws IOException {
        this.stub.faults().backend(Fault.shuttingDown());
        JsonNode json = answerWithoutBody("t", headers("s1"));
        // http_action_cases.tsv HTTP03, StreamLoadActionTest.process_exit_abort_stream_load
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("TxnId").asLong()).isEqualTo(-1);
        assertThat(json.get("Message").asText()).isEqualTo("Service is shutting down, please retry later!");
        assertThat(this.stub.loadState("db", "s1")).isEqualTo(LoadState.UNKNOWN);
        assertThat(this.stub.table("db", "t").rowCount()).isZero();
    }

    @Test
    void injectedNoBackendAliveIsTheFrontendsLoadActionFailure() throws IOException {
        this.stub.faults().frontend(Fault.noBackendAlive());
        RawHttp.Response response = RawHttp.streamLoad(this.stub, "db", "t",
                Map.of("label", "n1", "column_separator", ","), "1,a\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.json().get("Message").asText())
            .isEqualTo("class com.starrocks.common.DdlException: No backend alive.");
        assertThat(this.stub.faults().injected()).extracting(InjectedFault::fault)
            .containsExactly(Fault.noBackendAlive());
    }

    @Test
    void refusalsAreQueuedOnlyWhereTheyHappen() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.stub.faults().backend(Fault.noBackendAlive()));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.stub.faults().frontend(Fault.httpConcurrencyLimit()));
        assertThatIllegalArgumentException().isThrownBy(() -> this.stub.faults().frontend(Fault.shuttingDown()));
    }

}
