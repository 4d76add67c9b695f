package io.github.srboot.test.streamload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protocol conformance of the stub's FE and BE (STARROCKS.md section 5), spoken with raw sockets and the JDK
 * HttpClient.
 */
class StreamLoadStubProtocolTests {

    private static final List<String> RESPONSE_FIELDS = List.of("TxnId", "Label", "Status", "Message",
            "NumberTotalRows", "NumberLoadedRows", "NumberFilteredRows", "NumberUnselectedRows", "LoadBytes",
            "LoadTimeMs", "BeginTxnTimeMs", "StreamLoadPlanTimeMs", "ReadDataTimeMs", "WriteDataTimeMs",
            "CommitAndPublishTimeMs");

    private final HttpClient http = HttpClient.newHttpClient();

    private final ObjectMapper mapper = new ObjectMapper();

    private StreamLoadStubServer stub;

    @BeforeEach
    void startStub() {
        this.stub = StreamLoadStubServer.builder()
            .backends(2)
            .credentials("loader", "s3cret")
            .table(StubTable.builder("shop", "orders")
                .column("id", "BIGINT")
                .column("status", "VARCHAR(20)")
                .column("amount", "DECIMAL(10,2)")
                .primaryKey("id")
                .build())
            .table(StubTable.builder("shop", "events").column("day", "DATE").column("name", "STRING").build())
            .start();
    }

    @AfterEach
    void stopStub() {
        this.stub.close();
    }

    private String auth() {
        return RawHttp.basic("loader", "s3cret");
    }

    @Test
    void feRedirectsWith307ToABackendAndClosesWithoutReadingTheBody() throws IOException {
        try (RawHttp fe = new RawHttp(this.stub.frontend().port())) {
            fe.sendHead("PUT", "/api/shop/orders/_stream_load?x=1", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", "11", "label", "l1"));
            RawHttp.Response response = fe.readResponse();
            assertThat(response.status()).isEqualTo(307);
            URI location = URI.create(response.headers().get("location"));
            assertThat(location.getScheme()).isEqualTo("http");
            assertThat(location.getHost()).isEqualTo("127.0.0.1");
            assertThat(location.getUserInfo()).isNull();
            assertThat(location.getPath()).isEqualTo("/api/shop/orders/_stream_load");
            assertThat(location.getQuery()).isEqualTo("x=1");
            assertThat(this.stub.backends().stream().map(StubEndpoint::port)).contains(location.getPort());
            assertThat(response.headers().get("connection")).isEqualTo("close");
            assertThat(fe.closedByPeer()).isTrue();
        }
        assertThat(this.stub.frontend().loadRequests()).isEqualTo(1);
        assertThat(this.stub.frontend().bodyBytes()).isZero();
    }

    @Test
    void feCountsBodyBytesOfAClientThatDoesNotWaitFor100Continue() throws IOException {
        String request = "PUT /api/shop/orders/_stream_load HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth()
                + "\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n0123456789";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(),
                this.stub.frontend().port())) {
            socket.setSoTimeout(60_000);
            // head and body in one write, as a client that ignores Expect sends them
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 307");
        }
        assertThat(this.stub.frontend().bodyBytes()).isEqualTo(10);
    }

    @Test
    void concurrentLoadsLoseAndDuplicateNothing() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> statuses = new ArrayList<>();
            for (int load = 0; load < 80; load++) {
                int first = load * 10;
                statuses.add(clients.submit(() -> {
                    StringBuilder body = new StringBuilder();
                    for (int id = first; id < first + 10; id++) {
                        body.append(id).append("\tnew\t1\n");
                    }
                    return RawHttp.streamLoad(this.stub, "shop", "orders", Map.of("label", "c" + first),
                            body.toString()).json().get("Status").asText();
                }));
            }
            for (Future<String> status : statuses) {
                assertThat(status.get()).isEqualTo("Success");
            }
        }
        finally {
            clients.shutdownNow();
        }
        assertThat(this.stub.table("shop", "orders").rowCount()).isEqualTo(800);
        assertThat(this.stub.loadsCommitted()).isEqualTo(80);
        assertThat(this.stub.backends()).allSatisfy((backend) -> assertThat(backend.loadRequests()).isEqualTo(40));
    }

    @Test
    void feSendsNo100ContinueItself() throws IOException {
        try (RawHttp fe = new RawHttp(this.stub.frontend().port())) {
            fe.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", "3"));
            assertThat(fe.readResponse().status()).isEqualTo(307);
        }
    }

    @Test
    void feRedirectsRoundRobinOverBackends() throws IOException {
        int first = redirectPort();
        int second = redirectPort();
        int third = redirectPort();
        assertThat(first).isNotEqualTo(second);
        assertThat(third).isEqualTo(first);
    }

    private int redirectPort() throws IOException {
        try (RawHttp fe = new RawHttp(this.stub.frontend().port())) {
            fe.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", "3"));
            return URI.create(fe.readResponse().headers().get("location")).getPort();
        }
    }

    @Test
    void feRejectsALoadWithoutExpect100ContinueWith200AndFailed() throws Exception {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(
                URI.create(this.stub.frontend().url() + "/api/shop/orders/_stream_load"))
            .header("Authorization", auth())
            .PUT(HttpRequest.BodyPublishers.ofString("1\tnew\t1.00\n"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = this.mapper.readTree(response.body());
        assertThat(json.get("Status").asText()).isEqualTo("FAILED");
        assertThat(json.get("Message").asText()).contains("There is no 100-continue header");
        assertThat(this.stub.table("shop", "orders").rowCount()).isZero();
    }

    @Test
    void feAnswers401ToWrongOrMissingCredentials() throws IOException {
        try (RawHttp fe = new RawHttp(this.stub.frontend().port())) {
            fe.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization",
                    RawHttp.basic("loader", "wrong"), "Expect", "100-continue", "Content-Length", "3"));
            RawHttp.Response response = fe.readResponse();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.headers()).containsKey("www-authenticate");
            // RestBaseAction answers a refused login with a RestBaseResult (BaseAction.checkPassword's text)
            assertThat(response.json().get("status").asText()).isEqualTo("FAILED");
            assertThat(response.json().get("msg").asText()).isEqualTo("Access denied for loader@127.0.0.1");
        }
        try (RawHttp fe = new RawHttp(this.stub.frontend().port())) {
            fe.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Expect", "100-continue",
                    "Content-Length", "3"));
            RawHttp.Response response = fe.readResponse();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("msg").asText()).isEqualTo("Need auth information.");
        }
    }

    @Test
    void backendRefusesWrongCredentialsFromItsHeaderHandler() throws IOException {
        // The BE only parses the Basic header; the FE checks the password when the BE begins the transaction, and
        // the BE answers that failure as a Stream Load result (HTTP 200, Status Fail) before reading the body.
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            be.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization",
                    RawHttp.basic("other", "s3cret"), "Expect", "100-continue", "Content-Length", "3"));
            RawHttp.Response response = be.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("Status").asText()).isEqualTo("Fail");
            assertThat(response.json().get("Message").asText()).isEqualTo("Access denied for other@127.0.0.1");
            assertThat(response.json().get("TxnId").asLong()).isEqualTo(-1);
            assertThat(be.closedByPeer()).isTrue();
        }
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            be.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Expect", "100-continue",
                    "Content-Length", "3"));
            assertThat(be.readResponse().json().get("Message").asText()).isEqualTo("no valid Basic authorization");
        }
        assertThat(this.stub.backends().get(0).bodyBytes()).isZero();
    }

    @Test
    void backendSends100ContinueThenLoadsCsvAndAnswersEveryField() throws IOException {
        byte[] body = "1\tnew\t10.5\n2\tpaid\t3\n".getBytes(StandardCharsets.UTF_8);
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            be.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", String.valueOf(body.length), "label", "csv_1"));
            assertThat(be.readResponse().status()).isEqualTo(100);
            be.sendBody(body);
            RawHttp.Response response = be.readResponse();
            assertThat(response.status()).isEqualTo(200);
            JsonNode json = response.json();
            assertThat(fieldNames(json)).containsExactlyElementsOf(RESPONSE_FIELDS);
            assertThat(json.get("Status").asText()).isEqualTo("Success");
            assertThat(json.get("Message").asText()).isEqualTo("OK");
            assertThat(json.get("Label").asText()).isEqualTo("csv_1");
            assertThat(json.get("TxnId").asLong()).isPositive();
            assertThat(json.get("NumberTotalRows").asLong()).isEqualTo(2);
            assertThat(json.get("NumberLoadedRows").asLong()).isEqualTo(2);
            assertThat(json.get("LoadBytes").asLong()).isEqualTo(body.length);
            assertThat(response.headers().get("connection")).isEqualTo("keep-alive");
        }
        TableContents orders = this.stub.table("shop", "orders");
        assertThat(orders.rowCount()).isEqualTo(2);
        assertThat(orders.row(1L)).hasValueSatisfying((row) -> {
            assertThat(row).containsEntry("status", "new").containsEntry("amount", "10.50");
        });
        assertThat(this.stub.backends().get(0).bodyBytes()).isEqualTo(body.length);
        assertThat(this.stub.loadsCommitted()).isEqualTo(1);
        assertThat(this.stub.loadState("shop", "csv_1")).isEqualTo(LoadState.VISIBLE);
    }

    @Test
    void backendKeepsTheConnectionAliveForTheNextLoad() throws IOException {
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            for (int i = 1; i <= 3; i++) {
                byte[] body = (i + "\tnew\t1\n").getBytes(StandardCharsets.UTF_8);
                be.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                        "Content-Length", String.valueOf(body.length), "label", "ka_" + i));
                be.sendBody(body);
                assertThat(be.readResponse().json().get("Status").asText()).isEqualTo("Success");
            }
        }
        assertThat(this.stub.table("shop", "orders").rowCount()).isEqualTo(3);
        assertThat(this.stub.backends().get(0).requests()).isEqualTo(3);
    }

    @Test
    void backendReadsAChunkedBody() throws IOException {
        try (RawHttp be = new RawHttp(this.stub.backends().get(1).port())) {
            be.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Transfer-Encoding", "chunked"));
            assertThat(be.readResponse().status()).isEqualTo(100);
            be.sendChunked("1\tnew\t1\n2\t".getBytes(StandardCharsets.UTF_8),
                    "paid\t2\n".getBytes(StandardCharsets.UTF_8));
            JsonNode json = be.readResponse().json();
            assertThat(json.get("Status").asText()).isEqualTo("Success");
            assertThat(json.get("NumberLoadedRows").asLong()).isEqualTo(2);
        }
        assertThat(this.stub.table("shop", "orders").row(2)).hasValueSatisfying(
                (row) -> assertThat(row.get("status")).isEqualTo("paid"));
    }

    @Test
    void fullLoadThroughTheRedirectWithJsonArray() throws IOException {
        RawHttp.Response response = RawHttp.streamLoad(this.stub, "shop", "orders",
                Map.of("format", "json", "strip_outer_array", "true", "label", "json_1"),
                "[{\"id\":1,\"status\":\"new\",\"amount\":1.5},{\"id\":2,\"status\":\"paid\",\"amount\":2}]");
        assertThat(response.json().get("Status").asText()).isEqualTo("Success");
        assertThat(this.stub.table("shop", "orders").rows()).extracting((row) -> row.get("amount"))
            .containsExactly("1.50", "2.00");
        assertThat(this.stub.frontend().loadRequests()).isEqualTo(1);
        assertThat(this.stub.backends().stream().mapToLong(StubEndpoint::loadRequests).sum()).isEqualTo(1);
    }

    @Test
    void aLabelLoadsOnceAndThenAnswersLabelAlreadyExistsFinished() throws IOException {
        Map<String, String> headers = Map.of("label", "once", "column_separator", ",");
        assertThat(RawHttp.streamLoad(this.stub, "shop", "orders", headers, "1,new,1\n").json().get("Status")
            .asText()).isEqualTo("Success");
        JsonNode again = RawHttp.streamLoad(this.stub, "shop", "orders", headers, "1,changed,1\n").json();
        assertThat(again.get("Status").asText()).isEqualTo("Label Already Exists");
        assertThat(again.get("ExistingJobStatus").asText()).isEqualTo("FINISHED");
        assertThat(this.stub.table("shop", "orders").row(1).orElseThrow()).containsEntry("status", "new");
        assertThat(this.stub.loadsCommitted()).isEqualTo(1);
    }

    @Test
    void aLabelWhoseLoadFailedCanBeUsedAgain() throws IOException {
        Map<String, String> headers = Map.of("label", "retry_me", "column_separator", ",");
        JsonNode failed = RawHttp.streamLoad(this.stub, "shop", "orders", headers, "1,new\n").json();
        assertThat(failed.get("Status").asText()).isEqualTo("Fail");
        assertThat(this.stub.loadState("shop", "retry_me")).isEqualTo(LoadState.ABORTED);
        JsonNode retried = RawHttp.streamLoad(this.stub, "shop", "orders", headers, "1,new,1\n").json();
        assertThat(retried.get("Status").asText()).isEqualTo("Success");
    }

    @Test
    void aLabelStillLoadingAnswersLabelAlreadyExistsRunning() throws IOException {
        int port = this.stub.backends().get(0).port();
        try (RawHttp first = new RawHttp(port); RawHttp second = new RawHttp(port)) {
            first.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", "8", "label", "busy", "column_separator", ","));
            assertThat(first.readResponse().status()).isEqualTo(100);
            second.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", "8", "label", "busy", "column_separator", ","));
            JsonNode json = second.readResponse().json();
            assertThat(json.get("Status").asText()).isEqualTo("Label Already Exists");
            assertThat(json.get("ExistingJobStatus").asText()).isEqualTo("RUNNING");
            assertThat(this.stub.loadState("shop", "busy")).isEqualTo(LoadState.PREPARE);
            first.sendBody("1,new,1\n".getBytes(StandardCharsets.UTF_8));
            assertThat(first.readResponse().json().get("Status").asText()).isEqualTo("Success");
        }
    }

    @Test
    void getLoadStateReportsTheLabelState() throws Exception {
        RawHttp.streamLoad(this.stub, "shop", "orders", Map.of("label", "known", "column_separator", ","),
                "1,new,1\n");
        assertThat(loadState("known")).isEqualTo("VISIBLE");
        assertThat(loadState("never_seen")).isEqualTo("UNKNOWN");
        HttpResponse<String> unauthorized = this.http.send(HttpRequest.newBuilder(
                URI.create(this.stub.frontend().url() + "/api/shop/get_load_state?label=known")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
    }

    private String loadState(String label) throws Exception {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(
                URI.create(this.stub.frontend().url() + "/api/shop/get_load_state?label=" + label))
            .header("Authorization", auth()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return this.mapper.readTree(response.body()).get("state").asText();
    }

    @Test
    void feHealthNeedsNoCredentialsAndCountsBackends() throws Exception {
        this.stub.backends().get(1).stop();
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(
                URI.create(this.stub.frontend().url() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = this.mapper.readTree(response.body());
        assertThat(json.get("status").asText()).isEqualTo("OK");
        assertThat(json.get("total_backend_num").asInt()).isEqualTo(2);
        assertThat(json.get("online_backend_num").asInt()).isEqualTo(1);
        HttpResponse<String> backend = this.http.send(HttpRequest.newBuilder(
                URI.create(this.stub.backends().get(0).url() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(this.mapper.readTree(backend.body()).get("status").asText()).isEqualTo("OK");
    }

    @Test
    void loadingIntoAnUndeclaredTableOrDatabaseFails() throws IOException {
        JsonNode table = RawHttp.streamLoad(this.stub, "shop", "missing", Map.of(), "1\n").json();
        assertThat(table.get("Status").asText()).isEqualTo("Fail");
        assertThat(table.get("Message").asText()).contains("unknown table").contains("missing");
        JsonNode database = RawHttp.streamLoad(this.stub, "nowhere", "orders", Map.of(), "1\n").json();
        assertThat(database.get("Status").asText()).isEqualTo("Fail");
        assertThat(database.get("Message").asText()).contains("unknown database").contains("nowhere");
    }

    @Test
    void rejectedRowsAreFilteredUpToMaxFilterRatioAndServedAtTheErrorUrl() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("column_separator", ",");
        headers.put("max_filter_ratio", "0.5");
        headers.put("label", "filtered");
        JsonNode json = RawHttp.streamLoad(this.stub, "shop", "orders", headers,
                "1,new,1\n2,paid\nx,bad,1\n4,ok,4\n").json();
        assertThat(json.get("Status").asText()).isEqualTo("Success");
        assertThat(json.get("NumberTotalRows").asLong()).isEqualTo(4);
        assertThat(json.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(json.get("NumberFilteredRows").asLong()).isEqualTo(2);
        String errorUrl = json.get("ErrorURL").asText();
        assertThat(errorUrl).contains("/api/_load_error_log?file=");
        HttpResponse<String> log = this.http.send(HttpRequest.newBuilder(URI.create(errorUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("Target column count: 3 doesn't match source value column count: 2")
            .contains("Row: 2,paid").contains("'x'");
        assertThat(this.stub.table("shop", "orders").rowCount()).isEqualTo(2);
    }

    @Test
    void tooManyFilteredRowsFailTheLoadAndLoadNothing() throws IOException {
        JsonNode json = RawHttp.streamLoad(this.stub, "shop", "orders", Map.of("column_separator", ","),
                "1,new,1\n2,paid\n").json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).isEqualTo("too many filtered rows");
        assertThat(json.get("NumberFilteredRows").asLong()).isEqualTo(1);
        assertThat(json.has("ErrorURL")).isTrue();
        assertThat(this.stub.table("shop", "orders").rowCount()).isZero();
    }

    @Test
    void invalidLabelsAreRefused() throws IOException {
        JsonNode json = RawHttp.streamLoad(this.stub, "shop", "orders", Map.of("label", "no spaces!"), "1\n")
            .json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).contains("label");
    }

    @Test
    void getLoadStateReportsCommittedAndAbortedLoads() throws IOException {
        this.stub.faults().backend(Fault.publishTimeout());
        RawHttp.streamLoad(this.stub, "shop", "orders", Map.of("label", "published_late", "column_separator", ","),
                "1,new,1\n");
        assertThat(RawHttp.loadState(this.stub, "shop", "published_late")).isEqualTo("COMMITTED");
        RawHttp.streamLoad(this.stub, "shop", "orders", Map.of("label", "broken", "column_separator", ","), "1\n");
        assertThat(RawHttp.loadState(this.stub, "shop", "broken")).isEqualTo("ABORTED");
    }

    @Test
    void jsonBodiesOver100MegabytesNeedIgnoreJsonSize() throws IOException {
        String tooLarge = String.valueOf(100L * 1024 * 1024 + 1);
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            be.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", tooLarge, "format", "json"));
            RawHttp.Response response = be.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("Status").asText()).isEqualTo("Fail");
            assertThat(response.json().get("Message").asText()).contains("ignore_json_size");
            assertThat(be.closedByPeer()).isTrue();
        }
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            be.sendHead("PUT", "/api/shop/orders/_stream_load", Map.of("Authorization", auth(),
                    "Expect", "100-continue", "Content-Length", tooLarge, "format", "json",
                    "ignore_json_size", "true"));
            assertThat(be.readResponse().status()).isEqualTo(100);
        }
    }

    @Test
    void partitionsAreRefusedBecauseTheStubHasNone() throws IOException {
        JsonNode json = RawHttp.streamLoad(this.stub, "shop", "orders", Map.of("partitions", "p1"), "1\tnew\t1\n")
            .json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).contains("partitions");
    }

    @Test
    void acceptedHeadersWithoutEffectDoNotChangeTheLoad() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("timeout", "30");
        headers.put("timezone", "Asia/Shanghai");
        headers.put("load_mem_limit", "1073741824");
        headers.put("log_rejected_record_num", "10");
        headers.put("enable_merge_commit", "false");
        headers.put("partial_update_mode", "row");
        JsonNode json = RawHttp.streamLoad(this.stub, "shop", "orders", headers, "1\tnew\t1\n").json();
        assertThat(json.get("Status").asText()).isEqualTo("Success");
    }

    @Test
    void unknownPathsAnswer404AndWrongMethods405() throws Exception {
        HttpResponse<String> missing = this.http.send(HttpRequest.newBuilder(
                URI.create(this.stub.frontend().url() + "/api/nothing/here")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> get = this.http.send(HttpRequest.newBuilder(
                URI.create(this.stub.backends().get(0).url() + "/api/shop/orders/_stream_load")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = json.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

}
