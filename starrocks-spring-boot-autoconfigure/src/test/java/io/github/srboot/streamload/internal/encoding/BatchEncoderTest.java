package io.github.srboot.streamload.internal.encoding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.RowOperation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<EncodedBatch> batches = new ArrayList<>();

    record Event(long id, String name, LocalDateTime at, BigDecimal amount, Boolean flag) {
    }

    /** A plain bean: Jackson's property order and names apply. */
    public static class Account {

        private final int id;

        private final String owner;

        Account(int id, String owner) {
            this.id = id;
            this.owner = owner;
        }

        public int getId() {
            return this.id;
        }

        public String getOwner() {
            return this.owner;
        }

    }

    @AfterEach
    void release() {
        this.batches.forEach((batch) -> batch.body().release());
    }

    @Test
    void jsonWritesAnArrayOfObjectsWithStarRocksDateFormats() throws IOException {
        EncodedBatch batch = encode(LoadOptions.json(), LoadCompression.NONE,
                new Event(1, "a", LocalDateTime.of(2024, 1, 31, 23, 59, 58, 123_456_000), new BigDecimal("1E+3"), true),
                new Event(2, null, LocalDateTime.of(2024, 2, 1, 0, 0), new BigDecimal("0.10"), null));
        JsonNode body = MAPPER.readTree(text(batch));
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("at").asText()).isEqualTo("2024-01-31 23:59:58.123456");
        assertThat(body.get(0).get("amount").toString()).isEqualTo("1000");
        assertThat(body.get(1).get("at").asText()).isEqualTo("2024-02-01 00:00:00");
        assertThat(body.get(1).get("name").isNull()).isTrue();
        assertThat(batch.rows()).isEqualTo(2);
        assertThat(batch.columns()).isEmpty();
        assertThat(batch.encodedBytes()).isEqualTo(batch.bodySize());
    }

    @Test
    void dateTimesDropTrailingZerosOfTheMicroseconds() {
        assertThat(StarRocksJson.dateTime(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000)))
            .isEqualTo("2024-01-01 00:00:00.5");
        assertThat(StarRocksJson.dateTime(LocalDateTime.of(999, 12, 31, 23, 5, 9, 1_000)))
            .isEqualTo("0999-12-31 23:05:09.000001");
        assertThat(StarRocksJson.dateTime(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 999)))
            .isEqualTo("2024-01-01 00:00:00");
        LocalDateTime sample = LocalDateTime.of(2031, 7, 14, 9, 26, 53, 589_793_000);
        assertThat(StarRocksJson.dateTime(sample)).isEqualTo(StarRocksJson.DATE_TIME.format(sample));
    }

    @Test
    void instantsAreWrittenAsLocalDateTimesInTheLoadZone() throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at", Instant.parse("2024-06-01T10:15:30Z"));
        row.put("offset", OffsetDateTime.parse("2024-06-01T12:15:30+02:00"));
        row.put("day", LocalDate.of(2024, 6, 1));
        EncodedBatch json = encode(LoadOptions.json().withZone(ZoneId.of("Asia/Shanghai")), LoadCompression.NONE,
                row);
        JsonNode body = MAPPER.readTree(text(json)).get(0);
        assertThat(body.get("at").asText()).isEqualTo("2024-06-01 18:15:30");
        assertThat(body.get("offset").asText()).isEqualTo("2024-06-01 18:15:30");
        assertThat(body.get("day").asText()).isEqualTo("2024-06-01");
        EncodedBatch csv = encode(LoadOptions.csv(), LoadCompression.NONE, row);
        assertThat(text(csv)).isEqualTo("2024-06-01 10:15:30\t2024-06-01 10:15:30\t2024-06-01\n");
    }

    @Test
    void jsonAcceptsMapsBeansAndObjectNodes() throws IOException {
        ObjectNode node = MAPPER.createObjectNode().put("id", 3).put("owner", "node");
        EncodedBatch batch = encode(LoadOptions.json(), LoadCompression.NONE, Map.of("id", 1, "owner", "map"),
                new Account(2, "bean"), node);
        JsonNode body = MAPPER.readTree(text(batch));
        assertThat(body.findValuesAsText("owner")).containsExactly("map", "bean", "node");
    }

    @Test
    void jsonOperationMappingAddsOpFieldAndColumns() throws IOException {
        LoadOptions options = LoadOptions.json()
            .withOperation((Account account) -> account.getId() < 0 ? RowOperation.DELETE : RowOperation.UPSERT);
        EncodedBatch batch = encode(options, LoadCompression.NONE, new Account(1, "keep"), new Account(-1, "drop"));
        JsonNode body = MAPPER.readTree(text(batch));
        assertThat(body.get(0).get("__op").asInt()).isZero();
        assertThat(body.get(1).get("__op").asInt()).isOne();
        assertThat(body.get(1).get("owner").asText()).isEqualTo("drop");
        assertThat(batch.columns()).containsExactly("id", "owner", "__op");
    }

    @Test
    void operationMappingRefusesRowsWithTheirOwnOp() {
        LoadOptions options = LoadOptions.json().withOperation((Object row) -> RowOperation.UPSERT);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> encode(options, LoadCompression.NONE, Map.of("id", 1, "__op", 0)))
            .withMessageContaining("__op");
    }

    @Test
    void csvWritesNullAsBackslashNAndDerivesColumnsFromTheFirstRow() {
        EncodedBatch batch = encode(LoadOptions.csv(), LoadCompression.NONE,
                new Event(7, null, LocalDateTime.of(2024, 1, 1, 8, 0), new BigDecimal("12.50"), false),
                new Event(-8, "x", LocalDateTime.of(2024, 1, 1, 8, 0, 1), null, true));
        // With the escape header set, StarRocks drops the first backslash before its NULL check: \\N is NULL.
        assertThat(text(batch)).isEqualTo("7\t\\\\N\t2024-01-01 08:00:00\t12.50\t0\n"
                + "-8\tx\t2024-01-01 08:00:01\t\\\\N\t1\n");
        assertThat(batch.columns()).containsExactly("id", "name", "at", "amount", "flag");
    }

    @Test
    void csvEnclosesAndEscapesHostileValues() {
        List<String> hostile = List.of("tab\there", "line\nbreak", "carriage\rreturn", "quote\"inside", "back\\slash",
                "N", "\\\\N", "plain", "unicode é 中文 😀", "", "comma,is,fine");
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("value", hostile.get(i));
            rows.add(row);
        }
        Map<String, Object> nullRow = new LinkedHashMap<>();
        nullRow.put("id", 99);
        nullRow.put("value", null);
        rows.add(nullRow);
        EncodedBatch batch = encode(LoadOptions.csv(), LoadCompression.NONE, rows.toArray());
        List<List<String>> parsed = StarRocksCsv.parse(text(batch), "\t", "\n");
        assertThat(parsed).hasSize(hostile.size() + 1);
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(parsed.get(i)).containsExactly(Integer.toString(i), hostile.get(i));
        }
        assertThat(parsed.get(hostile.size())).containsExactly("99", null);
        assertThat(text(batch)).contains("\"quote\\\"inside\"", "\"back\\\\slash\"", "\tplain\n", "\t\"\"\n");
    }

    @Test
    void csvTextsOfEveryKindReadBackExactly() {
        // Random texts mixing plain ASCII (the one-pass path), separators, quotes, escapes, newlines and non-ASCII
        // (the general path), under single- and multi-character separators.
        java.util.Random random = new java.util.Random(15);
        String[] pieces = { "a", "Z", "7", " ", "\t", "\n", "\r", "\"", "\\", "|", "||", "#", "é", "中", "😀", "N" };
        for (String[] separators : List.of(new String[] { "\t", "\n" }, new String[] { "||", "#\n" })) {
            LoadOptions options = LoadOptions.csv().withSeparators(separators[0], separators[1]);
            List<Object> rows = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(12);
                boolean plain = random.nextBoolean();
                for (int j = 0; j < length; j++) {
                    text.append(plain ? pieces[random.nextInt(3)] : pieces[random.nextInt(pieces.length)]);
                }
                if (text.toString().equals("\\N")) {
                    continue;
                }
                texts.add(text.toString());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", i);
                row.put("value", text.toString());
                rows.add(row);
            }
            EncodedBatch batch = encode(options, LoadCompression.NONE, rows.toArray());
            List<List<String>> parsed = StarRocksCsv.parse(text(batch), separators[0], separators[1]);
            assertThat(parsed).hasSize(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                assertThat(parsed.get(i).get(1)).as("text %d under %s", i, List.of(separators))
                    .isEqualTo(texts.get(i));
            }
        }
    }

    @Test
    void csvRefusesTheTextBackslashNWhichStarRocksWouldReadAsNull() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("value", "\\N");
        assertThatIllegalArgumentException().isThrownBy(() -> encode(LoadOptions.csv(), LoadCompression.NONE, row))
            .withMessageContaining("\\N")
            .withMessageContaining("LoadFormat.JSON");
    }

    @Test
    void csvHonoursCustomSeparatorsAndEnclosesValuesContainingThem() {
        LoadOptions options = LoadOptions.csv().withSeparators("|", "\u0001");
        EncodedBatch batch = encode(options, LoadCompression.NONE, Map.of("a", "x|y"), Map.of("a", "tab\tok"));
        assertThat(text(batch)).isEqualTo("\"x|y\"\u0001tab\tok\u0001");
        assertThat(StarRocksCsv.parse(text(batch), "|", "\u0001")).containsExactly(List.of("x|y"), List.of("tab\tok"));
    }

    /** A row of the value classes the JSON plan took over from Jackson, as CSV writes them. */
    record Mixed(double ratio, double big, Thread.State state, Date at, Instant when, String text) {
    }

    @Test
    void csvWritesDoublesEnumsPointsInTimeAndEmojiAsStarRocksReadsThem() {
        LoadOptions options = LoadOptions.csv().withZone(ZoneId.of("Asia/Kolkata"));
        Instant instant = Instant.parse("2024-03-01T00:00:00.25Z");
        EncodedBatch batch = encode(options, LoadCompression.NONE,
                new Mixed(0.5, 1e10, Thread.State.BLOCKED, Date.from(instant), instant, "a\uD83D\uDE00b"));
        // DOUBLE text with an exponent is read by StarRocks' float converter (CSV209 in
        // ../shared/corpus/stream-load/csv_reader_cases.tsv: "1e-2" -> 0.01); a Date and an Instant are the same
        // DATETIME, the one they show in the load's zone (+05:30); the emoji one 4-byte UTF-8 character
        assertThat(StarRocksCsv.parse(text(batch), "\t", "\n")).containsExactly(List.of("0.5", "1.0E10", "BLOCKED",
                "2024-03-01 05:30:00.25", "2024-03-01 05:30:00.25", "a\uD83D\uDE00b"));
        assertThat(batch.body().toByteArray()).containsSequence((byte) 'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98,
                (byte) 0x80, (byte) 'b');
    }

    @Test
    void csvWritesNestedValuesAsJsonText() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tags", List.of("a", "b"));
        row.put("attrs", Map.of("k", 1));
        EncodedBatch batch = encode(LoadOptions.csv(), LoadCompression.NONE, row);
        assertThat(StarRocksCsv.parse(text(batch), "\t", "\n"))
            .containsExactly(List.of("[\"a\",\"b\"]", "{\"k\":1}"));
    }

    @Test
    void csvUsesExplicitColumnsAndRefusesMapKeysOutsideThem() {
        LoadOptions options = LoadOptions.csv().withColumns("b", "a");
        EncodedBatch batch = encode(options, LoadCompression.NONE, Map.of("a", 1, "b", 2));
        assertThat(text(batch)).isEqualTo("2\t1\n");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> encode(options, LoadCompression.NONE, Map.of("a", 1, "b", 2, "c", 3)))
            .withMessageContaining("[c]");
        assertThatIllegalArgumentException().isThrownBy(() -> encode(options, LoadCompression.NONE, Map.of("a", 1)))
            .withMessageContaining("'b'");
    }

    @Test
    void csvOperationColumn() {
        LoadOptions options = LoadOptions.csv()
            .withOperation((Map<String, Object> row) -> row.get("id").equals(2) ? RowOperation.DELETE
                    : RowOperation.UPSERT);
        EncodedBatch batch = encode(options, LoadCompression.NONE, Map.of("id", 1), Map.of("id", 2));
        assertThat(text(batch)).isEqualTo("1\t0\n2\t1\n");
        assertThat(batch.columns()).containsExactly("id", "__op");
    }

    @Test
    void csvRefusesBinaryValues() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> encode(LoadOptions.csv(), LoadCompression.NONE, Map.of("b", new byte[] { 1 })))
            .withMessageContaining("byte[]");
    }

    @Test
    void gzipAndLz4BodiesDecompressToTheSameText() throws IOException {
        Object[] rows = new Object[2000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Map.of("id", i, "name", "row " + i);
        }
        String plain = text(encode(LoadOptions.json(), LoadCompression.NONE, rows));
        EncodedBatch gzip = encode(LoadOptions.json(), LoadCompression.GZIP, rows);
        EncodedBatch lz4 = encode(LoadOptions.json(), LoadCompression.LZ4_FRAME, rows);
        assertThat(gzip.bodySize()).isLessThan(plain.length());
        assertThat(gzip.encodedBytes()).isEqualTo(plain.length());
        assertThat(inflate(new GZIPInputStream(new ByteArrayInputStream(gzip.body().toByteArray())))).isEqualTo(plain);
        assertThat(inflate(new LZ4FrameInputStream(new ByteArrayInputStream(lz4.body().toByteArray()))))
            .isEqualTo(plain);
    }

    @Test
    void largeBatchesSpanManyPooledChunks() throws IOException {
        Object[] rows = new Object[20_000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Event(i, "name-" + i, LocalDateTime.of(2024, 1, 1, 0, 0), BigDecimal.ONE, true);
        }
        EncodedBatch batch = encode(LoadOptions.json(), LoadCompression.NONE, rows);
        assertThat(batch.body().allocated()).isGreaterThan(PooledChunks.CHUNK_SIZE);
        assertThat(MAPPER.readTree(text(batch))).hasSize(rows.length);
    }

    private EncodedBatch encode(LoadOptions options, LoadCompression compression, Object... rows) {
        BatchEncoder encoder = BatchEncoder.open(new RowCodec(MAPPER, options.zone()), options, compression);
        try {
            for (Object row : rows) {
                encoder.write(row);
            }
        }
        catch (RuntimeException ex) {
            encoder.abandon();
            throw ex;
        }
        EncodedBatch batch = encoder.finish();
        this.batches.add(batch);
        return batch;
    }

    private static String text(EncodedBatch batch) {
        return new String(batch.body().toByteArray(), StandardCharsets.UTF_8);
    }

    private static String inflate(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
