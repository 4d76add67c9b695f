package io.github.srboot.test.streamload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * StarRocks' own tests of the separator headers (FE {@code ColumnSeparatorTest}, {@code RowDelimiterTest}: corpus
 * {@code csv_reader_cases.tsv} CSV264-CSV284) and of the BE's HTTP action ({@code be/test/http/stream_load_test.cpp}:
 * corpus {@code http_action_cases.tsv} HTTP01-HTTP14), run against the stub.
 */
class StarRocksHeaderCasesTests {

    /**
     * A separator header and the bytes StarRocks makes of it ({@code null}: refused).
     */
    record SeparatorCase(String id, String test, String header, String converted) {

        @Override
        public String toString() {
            return this.id + " " + this.test + " '" + this.header + "'";
        }

    }

    static Stream<SeparatorCase> separatorCases() {
        return Stream.of(
                new SeparatorCase("CSV264", "ColumnSeparatorTest.testNormal", "\t", "\t"),
                new SeparatorCase("CSV265", "ColumnSeparatorTest.testNormal", "\\t", "\t"),
                new SeparatorCase("CSV266", "ColumnSeparatorTest.testNormal", "\\t\\t", "\t\t"),
                new SeparatorCase("CSV267", "ColumnSeparatorTest.testNormal", "a\\ta\\t", "a\ta\t"),
                new SeparatorCase("CSV268", "ColumnSeparatorTest.testNormal", "\\t\\n", "\t\n"),
                new SeparatorCase("CSV269", "ColumnSeparatorTest.testNormal", "\\x01", "\u0001"),
                new SeparatorCase("CSV270", "ColumnSeparatorTest.testNormal", "\\x0001", "\u0000\u0001"),
                new SeparatorCase("CSV271", "ColumnSeparatorTest.testNormal", "|", "|"),
                new SeparatorCase("CSV272", "ColumnSeparatorTest.testNormal", "\\|", "\\|"),
                new SeparatorCase("CSV273", "ColumnSeparatorTest.testHexFormatError", "\\x0g", null),
                new SeparatorCase("CSV274", "ColumnSeparatorTest.testHexLengthError", "\\x011", null),
                new SeparatorCase("CSV275", "RowDelimiterTest.testNormal", "\n", "\n"),
                new SeparatorCase("CSV276", "RowDelimiterTest.testNormal", "\\n", "\n"),
                new SeparatorCase("CSV277", "RowDelimiterTest.testNormal", "\\n\\n", "\n\n"),
                new SeparatorCase("CSV278", "RowDelimiterTest.testNormal", "a\\na\\n", "a\na\n"),
                new SeparatorCase("CSV279", "RowDelimiterTest.testNormal", "\\x01", "\u0001"),
                new SeparatorCase("CSV280", "RowDelimiterTest.testNormal", "\\x0001", "\u0000\u0001"),
                new SeparatorCase("CSV281", "RowDelimiterTest.testNormal", "|", "|"),
                new SeparatorCase("CSV282", "RowDelimiterTest.testNormal", "\\|", "\\|"),
                new SeparatorCase("CSV283", "RowDelimiterTest.testHexFormatError", "\\x0g", null),
                new SeparatorCase("CSV284", "RowDelimiterTest.testHexLengthError", "\\x011", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("separatorCases")
    void separatorHeader(SeparatorCase c) throws LoadFailedException {
        if (c.converted() == null) {
            assertThatExceptionOfType(LoadFailedException.class)
                .isThrownBy(() -> LoadOptions.separator(c.header(), "\t"))
                .withMessageStartingWith("Invalid delimiter '" + c.header());
        }
        else {
            assertThat(LoadOptions.separator(c.header(), "\t"))
                .isEqualTo(c.converted().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aHexSeparatorByteOver0x7fArrivesChangedAsTheFeMakesIt() throws LoadFailedException {
        // Delimiter.convertDelimiter (fe/fe-core/src/main/java/com/starrocks/analysis/Delimiter.java) casts each byte
        // to a signed char: 0xC2 -> U+FFC2, 0xA7 -> U+FFA7, sent to the BE in UTF-8
        assertThat(LoadOptions.separator("\\xC2A7", "\t")).containsExactly(0xEF, 0xBF, 0x82, 0xEF, 0xBE, 0xA7);
        assertThat(LoadOptions.separator("\\x7f", "\t")).containsExactly(0x7F);
    }

    @Test
    void zeroXPrefixIsHexadecimalToo() throws LoadFailedException {
        // Delimiter.convertDelimiter takes "\x" and "0x" in any case
        assertThat(LoadOptions.separator("0X01", "\t")).containsExactly(1);
    }

    private StreamLoadStubServer stub;

    @BeforeEach
    void startStub() {
        this.stub = StreamLoadStubServer.builder()
            .table(StubTable.builder("db", "t").column("id", "INT").column("v", "STRING").primaryKey("id").build())
            .start();
    }

    @AfterEach
    void stopStub() {
        this.stub.close();
    }

    private RawHttp.Response atBackend(Map<String, String> headers, byte[] body) throws IOException {
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            be.sendHead("PUT", "/api/db/t/_stream_load", headers);
            if (body != null) {
                be.sendBody(body);
            }
            return be.readResponse();
        }
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Test
    void http01NoAuthorizationFails() throws IOException {
        // StreamLoadActionTest.no_auth
        JsonNode json = atBackend(headers("Content-Length", "0"), null).json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
    }

    @Test
    void http02AnEmptyBodyIsASuccessfulLoadAnsweredAsJson() throws IOException {
        // StreamLoadActionTest.normal: Basic cm9vdDo= is root with an empty password
        RawHttp.Response response = atBackend(headers("Authorization", "Basic cm9vdDo=", "Content-Length", "0"),
                null);
        assertThat(response.json().get("Status").asText()).isEqualTo("Success");
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
    }

    @Test
    void http03ShuttingDown() throws IOException {
        // StreamLoadActionTest.process_exit_abort_stream_load
        this.stub.faults().backend(Fault.shuttingDown());
        JsonNode json = atBackend(headers("Authorization", "Basic cm9vdDo=", "Content-Length", "0"), null).json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("TxnId").asLong()).isEqualTo(-1);
        assertThat(json.get("Message").asText()).isEqualTo("Service is shutting down, please retry later!");
    }

    @Test
    void http04To08FrontendFailuresAreFail() throws IOException {
        // StreamLoadActionTest.put_fail, commit_fail, commit_try, begin_fail, plan_fail: the FE's or the plan's
        // failure comes back as Status Fail with its message; the stub injects it as a load failure
        this.stub.faults().backend(Fault.loadFailure("TestFail"));
        JsonNode json = atBackend(headers("Authorization", "Basic cm9vdDo=", "Content-Length", "0"), null).json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).isEqualTo("TestFail");
    }

    @Test
    void http09MergeCommitFlagMustBeABoolean() throws IOException {
        // StreamLoadActionTest.enable_batch_write_wrong_argument
        JsonNode json = atBackend(headers("Authorization", "Basic cm9vdDo=", "Content-Length", "0",
                "enable_merge_commit", "abc"), null).json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText())
            .isEqualTo("Invalid parameter enable_merge_commit. The value must be bool type, but is abc");
    }

    @Test
    void http10UnknownEnvelope() throws IOException {
        // StreamLoadActionTest.invalid_envelope
        JsonNode json = atBackend(headers("Authorization", "Basic cm9vdDo=", "Content-Length", "0", "format", "json",
                "envelope", "custom"), null).json();
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).contains("Unknown envelope type: custom");
    }

    private static final String[] MERGE_COMMIT_FIELDS = { "TxnId", "Label", "Db", "Table", "Status", "Message",
            "RequestId", "LoadBytes", "LoadTimeMs", "ReadDataTimeMs", "PendingTimeMs", "WaitPlanTimeMs",
            "WriteDataTimeMs", "WaitFinishTimeMs", "LeftMergeTimeMs" };

    private RawHttp.Response mergeCommitLoad(String label, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return atBackend(headers("Authorization", "Basic cm9vdDo=", "Content-Length", String.valueOf(bytes.length),
                "format", "json", "label", label, "enable_merge_commit", "true", "merge_commit_interval_ms", "1000",
                "merge_commit_parallel", "1"), bytes);
    }

    @Test
    void http13MergeCommitSuccessNamesTheMergedTransactionAndReturnsTheRequestLabelAsRequestId() throws IOException {
        // StreamLoadActionTest.merge_commit_response (success): StreamLoadContext::to_json with enable_batch_write
        String body = "{\"id\":1,\"v\":\"a\"}";
        JsonNode json = mergeCommitLoad("request_id_1", body).json();
        assertThat(json.fieldNames()).toIterable().containsExactly(MERGE_COMMIT_FIELDS);
        assertThat(json.get("Label").asText()).matches("merge_commit_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(json.get("RequestId").asText()).isEqualTo("request_id_1");
        assertThat(json.get("Db").asText()).isEqualTo("db");
        assertThat(json.get("Table").asText()).isEqualTo("t");
        assertThat(json.get("Status").asText()).isEqualTo("Success");
        assertThat(json.get("Message").asText()).isEqualTo("OK");
        assertThat(json.get("LoadBytes").asLong()).isEqualTo(body.length());
        assertThat(this.stub.table("db", "t").rowCount()).isEqualTo(1);
        // the transaction is the server's: its label is the merged one, the request's label is not taken
        assertThat(this.stub.loadState("db", json.get("Label").asText())).isEqualTo(LoadState.VISIBLE);
        assertThat(this.stub.loadState("db", "request_id_1")).isEqualTo(LoadState.UNKNOWN);
    }

    @Test
    void http14MergeCommitFailureHasTheSameShape() throws IOException {
        // StreamLoadActionTest.merge_commit_response (fail): InternalError("TestFail")
        this.stub.faults().backend(Fault.loadFailure("TestFail"));
        JsonNode json = mergeCommitLoad("request_id_2", "{\"id\":2,\"v\":\"b\"}").json();
        assertThat(json.fieldNames()).toIterable().containsExactly(MERGE_COMMIT_FIELDS);
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).isEqualTo("TestFail");
        assertThat(json.get("RequestId").asText()).isEqualTo("request_id_2");
        assertThat(this.stub.table("db", "t").rowCount()).isZero();
    }

    /**
     * Left out of {@code http_action_cases.tsv}: HTTP11/HTTP12 (a db or table path segment that is not valid
     * percent-encoding: the test asserts only that {@code on_header} refuses, not the answer).
     */
    @Test
    void columnCountMismatchIsFilteredWithStarRocksText() throws IOException {
        // csv_reader_cases CSV041 CSVScannerTest.test_column_count_inconsistent, end to end
        JsonNode json = RawHttp.streamLoad(this.stub, "db", "t", Map.of("column_separator", "|",
                "max_filter_ratio", "1"), "1|a|x\n").json();
        assertThat(json.get("NumberFilteredRows").asLong()).isEqualTo(1);
        String log;
        try (RawHttp be = new RawHttp(this.stub.backends().get(0).port())) {
            String url = json.get("ErrorURL").asText();
            be.sendHead("GET", url.substring(url.indexOf("/api/")), Map.of());
            log = be.readResponse().body();
        }
        assertThat(log).contains("Target column count: 2 doesn't match source value column count: 3. "
                + "Column separator: '|', Row delimiter: '\\n'. Row: 1|a|x");
    }

}
