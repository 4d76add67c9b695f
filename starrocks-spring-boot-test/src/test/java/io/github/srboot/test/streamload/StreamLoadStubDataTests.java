package io.github.srboot.test.streamload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Body formats, column mapping and key-model semantics of the stub's BE.
 */
class StreamLoadStubDataTests {

    private StreamLoadStubServer stub;

    @BeforeEach
    void startStub() {
        this.stub = StreamLoadStubServer.builder()
            .table(StubTable.builder("db", "users")
                .column("id", "INT")
                .column("name", "VARCHAR(10)")
                .column("score", "INT")
                .column(StubColumn.of("version", "BIGINT").withDefault("0"))
                .primaryKey("id")
                .build())
            .table(StubTable.builder("db", "log").column("day", "DATE").column("msg", "STRING")
                .duplicateKey("day").build())
            .table(StubTable.builder("db", "latest").column("k", "INT").column("v", "VARCHAR(10)").uniqueKey("k")
                .build())
            .table(StubTable.builder("db", "totals")
                .column("k", "VARCHAR(5)")
                .column(StubColumn.of("total", "BIGINT").aggregate(AggregateType.SUM))
                .column(StubColumn.of("top", "INT").aggregate(AggregateType.MAX))
                .column(StubColumn.of("low", "INT").aggregate(AggregateType.MIN))
                .column(StubColumn.of("last", "VARCHAR(5)").aggregate(AggregateType.REPLACE_IF_NOT_NULL))
                .aggregateKey("k")
                .build())
            .start();
    }

    @AfterEach
    void stopStub() {
        this.stub.close();
    }

    private JsonNode load(String table, String body, String... headers) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return RawHttp.streamLoad(this.stub, "db", table, map, body).json();
    }

    private JsonNode load(String table, byte[] body, String... headers) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return RawHttp.streamLoad(this.stub, "db", table, map, body).json();
    }

    private TableContents users() {
        return this.stub.table("db", "users");
    }

    @Test
    void csvHonoursSeparatorsDelimitersAndNulls() throws IOException {
        JsonNode json = load("users", "1|a|\\N|7;;2|b|5|8;;", "column_separator", "|", "row_delimiter", ";;");
        assertThat(json.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "a").containsEntry("score", null)
            .containsEntry("version", "7");
    }

    @Test
    void csvAcceptsHexadecimalSeparators() throws IOException {
        load("users", "1\u0001a\u00011\u00011\n", "column_separator", "\\x01");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "a");
    }

    @Test
    void columnsAssignsNowAsTheTimeTheLoadIsPlanned() throws IOException {
        // recorded: stream-load/sqltests/CASE_001 (columns: c0, create_time=now() loads); StreamLoadPlanner sets
        // TQueryGlobals.now_string when it plans the load and the BE's now() answers it
        java.time.LocalDate before = java.time.LocalDate.now();
        JsonNode json = load("log", "hello\n", "columns", "msg, day=now()");
        java.time.LocalDate after = java.time.LocalDate.now();
        assertThat(json.get("Status").asText()).isEqualTo("Success");
        String day = this.stub.table("db", "log").rows().get(0).get("day");
        assertThat(java.time.LocalDate.parse(day)).isBetween(before, after);
    }

    @Test
    void autoIncrementGivesNewRowsTheNextIdAndPartialUpdatesKeepIt() throws IOException {
        this.stub.createTable(StubTable.builder("db", "ids").column(StubColumn.of("k", "BIGINT").notNull())
            .column("v", "INT")
            .column(StubColumn.of("id", "BIGINT").notNull().withDefault(StubColumn.AUTO_INCREMENT))
            .primaryKey("k")
            .build());
        // recorded: stream-load/sqltests/CASE_023 (a partial update of an existing key keeps its id, a new key
        // gets the next one)
        load("ids", "1,10\n2,20\n", "column_separator", ",", "columns", "k,v");
        load("ids", "1,11\n3,30\n", "column_separator", ",", "partial_update", "true", "columns", "k,v");
        assertThat(this.stub.table("db", "ids").rows()).extracting((row) -> row.get("k") + "=" + row.get("id"))
            .containsExactlyInAnyOrder("1=1", "2=2", "3=3");
    }

    @Test
    void aJsonValueThatCannotBeReadIntoItsColumnIsNullOrFiltersTheRowInStrictMode() throws IOException {
        this.stub.createTable(StubTable.builder("db", "docs").column("id", "INT").column("doc", "JSON")
            .column("tags", "ARRAY<INT>").column("note", "VARCHAR(10)").duplicateKey("id").build());
        // recorded: stream-load/sqltests/CASE_031 (a string with the escape \s in a JSON column and an array's text
        // in a string for an ARRAY<INT> column load as NULL, the rest of the row loads); nullable_column.cpp
        // add_adaptive_nullable_column(..., invalid_as_null = !strict_mode)
        String body = "{\"id\": 1, \"doc\": \"{\\\"a\\\": \\s\", \"tags\": \"[1, 2]\", \"note\": \"kept\"}\n"
                + "{\"id\": 2, \"doc\": {\"a\": 1}, \"tags\": [1, 2], \"note\": \"first\", \"note\": \"second\"}";
        JsonNode json = load("docs", body, "format", "json");
        assertThat(json.get("Status").asText()).as(json.toString()).isEqualTo("Success");
        assertThat(this.stub.table("db", "docs").rows()).extracting((row) -> row.get("id") + " " + row.get("doc")
                + " " + row.get("tags") + " " + row.get("note"))
            // json_scanner.cpp _construct_row_without_jsonpath: of a key given twice, the first value counts
            .containsExactlyInAnyOrder("1 null null kept", "2 {\"a\":1} [1,2] first");
        JsonNode strict = load("docs", body, "format", "json", "strict_mode", "true", "max_filter_ratio", "1");
        assertThat(strict.get("NumberFilteredRows").asLong()).isEqualTo(1);
        assertThat(strict.get("NumberLoadedRows").asLong()).isEqualTo(1);
    }

    @Test
    void columnsMapsCsvFieldsSkipsTemporaryOnesAndAssignsConstants() throws IOException {
        load("users", "x,3,c\n", "column_separator", ",", "columns", "tmp,id,name,score=42");
        assertThat(users().row(3).orElseThrow()).containsEntry("name", "c").containsEntry("score", "42")
            .containsEntry("version", "0");
    }

    @Test
    void primaryKeyUpsertsAndDeletesThroughOp() throws IOException {
        load("users", "1,a,1,1,0\n2,b,2,1,0\n", "column_separator", ",", "columns", "id,name,score,version,__op");
        load("users", "1,a2,10,2,0\n2,b,2,1,1\n", "column_separator", ",", "columns", "id,name,score,version,__op");
        assertThat(users().rowCount()).isEqualTo(1);
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "a2").containsEntry("score", "10");
        assertThat(users().row(2)).isEmpty();
        assertThat(users().loadedRows()).isEqualTo(4);
    }

    @Test
    void constantOpDeletesEveryRow() throws IOException {
        load("users", "1,a,1,1\n2,b,2,1\n", "column_separator", ",");
        load("users", "1\n", "columns", "id,__op='delete'");
        assertThat(users().rows()).extracting((row) -> row.get("id")).containsExactly("2");
    }

    @Test
    void opOnANonPrimaryKeyTableFailsTheLoad() throws IOException {
        JsonNode json = load("log", "2024-01-01,x,0\n", "column_separator", ",", "columns", "day,msg,__op");
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).contains("__op");
    }

    @Test
    void partialUpdateChangesOnlyTheListedColumnsAndInsertsMissingKeysWithDefaults() throws IOException {
        load("users", "1,a,1,5\n", "column_separator", ",");
        load("users", "1,99\n2,7\n", "column_separator", ",", "partial_update", "true", "columns", "id,score");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "a").containsEntry("score", "99")
            .containsEntry("version", "5");
        assertThat(users().row(2).orElseThrow()).containsEntry("name", null).containsEntry("score", "7")
            .containsEntry("version", "0");
    }

    @Test
    void partialUpdateWithoutTheKeyFails() throws IOException {
        JsonNode json = load("users", "99\n", "partial_update", "true", "columns", "score");
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).contains("key column").contains("id");
    }

    @Test
    void mergeConditionKeepsTheNewerVersion() throws IOException {
        load("users", "1,a,1,5\n", "column_separator", ",");
        load("users", "1,older,1,4\n", "column_separator", ",", "merge_condition", "version");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "a");
        load("users", "1,same,1,5\n", "column_separator", ",", "merge_condition", "version");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "same");
        load("users", "1,newer,1,6\n", "column_separator", ",", "merge_condition", "version");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "newer").containsEntry("version", "6");
    }

    @Test
    void mergeConditionTreatsNullAsTheSmallestValue() throws IOException {
        // StarRocks compares stored with loaded (be/src/storage/tablet_updates.cpp, the conditional upsert skips a
        // row when the stored value compares greater) through NullableColumn::compare_at with nan_direction_hint -1
        // (be/src/column/nullable_column.cpp): a NULL sorts below every value, and two NULLs are equal.
        load("users", "1,a,1,\\N\n", "column_separator", ",");
        load("users", "1,b,1,3\n", "column_separator", ",", "merge_condition", "version");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "b").containsEntry("version", "3");
        load("users", "1,c,1,\\N\n", "column_separator", ",", "merge_condition", "version");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "b").containsEntry("version", "3");
        load("users", "2,d,1,\\N\n", "column_separator", ",");
        load("users", "2,e,1,\\N\n", "column_separator", ",", "merge_condition", "version");
        assertThat(users().row(2).orElseThrow()).containsEntry("name", "e");
    }

    @Test
    void rowModePartialUpdatesAreOrderedButColumnModeOnesAreNot() throws IOException {
        // Row mode: the partial rowset goes through the same conditional upsert (tablet_updates.cpp
        // _apply_normal_rowset_commit). Column mode: _apply_rowset_commit hands it to
        // _apply_column_partial_update_commit, whose RowsetColumnUpdateState::finalize writes the listed columns
        // without reading merge_condition (recorded too: corpus CASE_037).
        load("users", "1,a,1,5\n2,b,2,5\n", "column_separator", ",");
        load("users", "1,stale,4\n", "column_separator", ",", "merge_condition", "version", "partial_update", "true",
                "columns", "id,name,version");
        load("users", "2,stale,4\n", "column_separator", ",", "merge_condition", "version", "partial_update", "true",
                "partial_update_mode", "column", "columns", "id,name,version");
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "a").containsEntry("version", "5");
        assertThat(users().row(2).orElseThrow()).containsEntry("name", "stale").containsEntry("version", "4");
    }

    @Test
    void mergeConditionIsNotAppliedToDeletes() throws IOException {
        // tablet_updates.cpp _apply_normal_rowset_commit erases the keys of a load's deletes from the primary index
        // without reading the condition column.
        load("users", "1,a,1,5\n", "column_separator", ",");
        load("users", "1,a,1,1,1\n", "column_separator", ",", "merge_condition", "version", "columns",
                "id,name,score,version,__op");
        assertThat(users().row(1)).isEmpty();
    }

    @Test
    void duplicateKeyAppendsEveryRow() throws IOException {
        load("log", "2024-01-01,a\n2024-01-01,a\n2024-01-02,b\n", "column_separator", ",");
        TableContents log = this.stub.table("db", "log");
        assertThat(log.rowCount()).isEqualTo(3);
        assertThat(log.rowsWithKey("2024-01-01")).hasSize(2);
    }

    @Test
    void uniqueKeyReplacesTheWholeRow() throws IOException {
        load("latest", "1,a\n1,b\n2,c\n", "column_separator", ",");
        TableContents latest = this.stub.table("db", "latest");
        assertThat(latest.rowCount()).isEqualTo(2);
        assertThat(latest.row(1).orElseThrow()).containsEntry("v", "b");
    }

    @Test
    void aggregateKeyMergesValueColumnsByTheirAggregation() throws IOException {
        load("totals", "a,5,5,5,x\na,7,3,3,\\N\nb,1,1,1,y\n", "column_separator", ",");
        TableContents totals = this.stub.table("db", "totals");
        assertThat(totals.row("a").orElseThrow()).containsEntry("total", "12").containsEntry("top", "5")
            .containsEntry("low", "3").containsEntry("last", "x");
        assertThat(totals.rowCount()).isEqualTo(2);
    }

    @Test
    void jsonObjectsMatchColumnsByName() throws IOException {
        JsonNode json = load("users", "{\"id\": 1, \"name\": \"a\", \"score\": 3}\n{\"ID\": 2, \"name\": \"b\"}",
                "format", "json");
        assertThat(json.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(users().row(1).orElseThrow()).containsEntry("score", "3").containsEntry("version", "0");
        assertThat(users().row(2).orElseThrow()).containsEntry("score", null);
    }

    @Test
    void jsonArrayNeedsStripOuterArray() throws IOException {
        JsonNode json = load("users", "[{\"id\": 1}]", "format", "json");
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).contains("strip_outer_array");
    }

    @Test
    void jsonPathsAndJsonRootSelectValues() throws IOException {
        load("users", "{\"data\": [{\"user\": {\"key\": 5, \"n\": \"e\"}, \"s\": [9]}]}", "format", "json",
                "json_root", "$.data", "strip_outer_array", "true", "jsonpaths",
                "[\"$.user.key\", \"$.user.n\", \"$.s[0]\"]", "columns", "id,name,score");
        assertThat(users().row(5).orElseThrow()).containsEntry("name", "e").containsEntry("score", "9");
    }

    @Test
    void jsonWithOpColumnDeletes() throws IOException {
        load("users", "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]", "format", "json",
                "strip_outer_array", "true");
        load("users", "[{\"id\":1,\"op\":1}]", "format", "json", "strip_outer_array", "true", "jsonpaths",
                "[\"$.id\", \"$.op\"]", "columns", "id,__op");
        assertThat(users().rows()).extracting((row) -> row.get("id")).containsExactly("2");
    }

    @Test
    void invalidJsonFailsTheLoad() throws IOException {
        JsonNode json = load("users", "{\"id\": 1,", "format", "json");
        assertThat(json.get("Status").asText()).isEqualTo("Fail");
        assertThat(json.get("Message").asText()).contains("JSON");
    }

    @Test
    void valuesThatDoNotFitBecomeNullUnlessStrictMode() throws IOException {
        load("users", "1,a,notanumber,1\n", "column_separator", ",");
        assertThat(users().row(1).orElseThrow()).containsEntry("score", null);
        JsonNode strict = load("users", "2,a,notanumber,1\n", "column_separator", ",", "strict_mode", "true");
        assertThat(strict.get("Status").asText()).isEqualTo("Fail");
        assertThat(strict.get("NumberFilteredRows").asLong()).isEqualTo(1);
        JsonNode tooLong = load("users", "3,abcdefghijk,1,1\n", "column_separator", ",", "strict_mode", "true");
        assertThat(tooLong.get("NumberFilteredRows").asLong()).isEqualTo(1);
    }

    @Test
    void aNullKeyIsRejected() throws IOException {
        JsonNode json = load("users", "\\N,a,1,1\n", "column_separator", ",");
        assertThat(json.get("NumberFilteredRows").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({ "gzip,", "lz4,", "zstd,", "json,gzip", "json,lz4_frame", "json,zstd" })
    void compressedBodiesAreDecoded(String format, String compression) throws IOException {
        boolean json = format.equals("json");
        String text = json ? "[{\"id\":1,\"name\":\"z\"},{\"id\":2,\"name\":\"y\"}]" : "1\tz\t1\t1\n2\ty\t2\t2\n";
        String codec = json ? compression : format;
        byte[] body = compress(codec, text.getBytes(StandardCharsets.UTF_8));
        JsonNode response = json
                ? load("users", body, "format", "json", "strip_outer_array", "true", "compression", compression)
                : load("users", body, "format", format);
        assertThat(response.get("Status").asText()).isEqualTo("Success");
        assertThat(response.get("NumberLoadedRows").asLong()).isEqualTo(2);
        assertThat(response.get("LoadBytes").asLong()).isEqualTo(body.length);
        assertThat(users().row(2).orElseThrow()).containsEntry("name", "y");
    }

    @Test
    void contentEncodingDeclaresJsonCompression() throws IOException {
        byte[] body = compress("gzip", "{\"id\":4,\"name\":\"g\"}".getBytes(StandardCharsets.UTF_8));
        load("users", body, "format", "json", "Content-Encoding", "gzip");
        assertThat(users().row(4)).isPresent();
    }

    @Test
    void enclosedCsvKeepsSeparatorsDelimitersAndQuotesAsData() throws IOException {
        String body = "1,\"a,b\",1,1\n" // separator inside an enclosure
                + "2,\"x\ny\",2,1\n" // row delimiter inside an enclosure
                + "3,\"say \"\"hi\"\"\",3,1\n" // doubled enclose character
                + "4,\"b\\\\s \\\"q\\\"\",4,1\n" // escape character, inside an enclosure
                + "5,\\N,5,1\n" // with escape set, \N reads as N: the escape byte goes before the NULL check
                + "6,\"\\\\N\",6,1"; // \\N reads as \N, the NULL marker, enclosed or not; last row without delimiter
        JsonNode json = load("users", body, "column_separator", ",", "enclose", "\"", "escape", "\\");
        assertThat(json.get("Status").asText()).isEqualTo("Success");
        assertThat(json.get("NumberTotalRows").asLong()).isEqualTo(6);
        assertThat(users().row(1).orElseThrow()).containsEntry("name", "a,b");
        assertThat(users().row(2).orElseThrow()).containsEntry("name", "x\ny");
        assertThat(users().row(3).orElseThrow()).containsEntry("name", "say \"hi\"");
        assertThat(users().row(4).orElseThrow()).containsEntry("name", "b\\s \"q\"");
        assertThat(users().row(5).orElseThrow()).containsEntry("name", "N");
        assertThat(users().row(6).orElseThrow().get("name")).isNull();
    }

    @Test
    void escapeOutsideAnEnclosureMakesTheSeparatorData() throws IOException {
        load("users", "7,a\\,b,7,1\n", "column_separator", ",", "escape", "\\");
        assertThat(users().row(7).orElseThrow()).containsEntry("name", "a,b");
    }

    @Test
    void unsupportedHeadersFailLoudly() throws IOException {
        assertThat(load("users", "1\n", "where", "id > 0").get("Message").asText()).contains("where");
        assertThat(load("users", "1\n", "format", "parquet").get("Message").asText()).contains("parquet");
        assertThat(load("users", "1\n", "skip_header", "-1").get("Message").asText())
            .isEqualTo("skip_header must be equal or greater than 0");
        assertThat(load("users", "1\n", "trim_space", "yes").get("Message").asText())
            .isEqualTo("Invalid trim space format. Must be bool type");
    }

    @Test
    void encloseAndEscapeUseTheirFirstByteOnly() throws IOException {
        // stream_load.cpp: header(HTTP_ENCLOSE)[0]
        load("users", "8,'a,b',8,1\n", "column_separator", ",", "enclose", "'x");
        assertThat(users().row(8).orElseThrow()).containsEntry("name", "a,b");
    }

    @Test
    void skipHeaderAndTrimSpaceAreRead() throws IOException {
        load("users", "id,name,a,b\n 9 , x y ,9,1\n", "column_separator", ",", "skip_header", "1", "trim_space",
                "true");
        assertThat(users().row(9).orElseThrow()).containsEntry("name", "x y");
    }

    @Test
    void functionDefaultsAreEvaluatedPerRow() throws IOException {
        this.stub.createTable(StubTable.builder("db", "audit")
            .column("id", "INT")
            .column(StubColumn.of("at", "DATETIME").withDefault(StubColumn.CURRENT_TIMESTAMP))
            .column(StubColumn.of("uid", "VARCHAR(36)").withDefault(StubColumn.UUID))
            .column(StubColumn.of("n", "LARGEINT").withDefault(StubColumn.UUID_NUMERIC))
            .primaryKey("id")
            .build());
        load("audit", "1\n2\n", "columns", "id");
        TableContents audit = this.stub.table("db", "audit");
        Map<String, String> first = audit.row(1).orElseThrow();
        assertThat(first.get("at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(first.get("uid")).hasSize(36).isNotEqualTo(audit.row(2).orElseThrow().get("uid"));
        assertThat(first.get("n")).matches("\\d+");
    }

    @Test
    void aDefaultThatIsNotAValueOfTheTypeIsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StubColumn.of("n", "INT").withDefault("abc"))
            .withMessageContaining("abc");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> StubColumn.of("d", "DATE").withDefault(StubColumn.CURRENT_TIMESTAMP));
    }

    static byte[] compress(String codec, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (codec) {
            case "gzip" -> new GZIPOutputStream(bytes);
            case "lz4", "lz4_frame" -> new LZ4FrameOutputStream(bytes);
            case "zstd" -> new ZstdOutputStream(bytes);
            default -> throw new IllegalArgumentException(codec);
        }) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

}
