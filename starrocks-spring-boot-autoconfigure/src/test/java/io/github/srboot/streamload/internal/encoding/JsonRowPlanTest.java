package io.github.srboot.streamload.internal.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct JSON path ({@link JsonRowPlan}) writes exactly the bytes Jackson writes, and is not taken for classes
 * Jackson writes in another way.
 */
class JsonRowPlanTest {

    private static final RowCodec CODEC = new RowCodec(new ObjectMapper(), ZoneOffset.UTC);

    record Everything(long id, Integer count, short small, byte tiny, boolean flag, Boolean maybe, BigDecimal amount,
            String text, LocalDate day, LocalDateTime at) {
    }

    record Renamed(@JsonProperty("order_id") long id, @JsonProperty("na\"me") String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SkipsNulls(long id, String text) {
    }

    record OwnSerializer(@JsonSerialize(using = ToStringSerializer.class) long id, String text) {
    }

    record WithDouble(long id, double ratio) {
    }

    record WithUuid(long id, UUID key) {
    }

    /** A view a property can be limited to. */
    interface Internal {
    }

    record WithView(long id, @JsonView(Internal.class) String secret) {
    }

    /** An enum with a renamed constant and one with a body (a subclass of the enum class). */
    enum Status {
        NEW, @JsonProperty("paid-in-full") PAID, SHIPPED {
            @Override
            public String toString() {
                return "shipped!";
            }
        }
    }

    /** The value classes that went to Jackson row by row before the direct path wrote them. */
    record Wide(long id, double ratio, Double maybe, float small, Status status, Date at, Instant when,
            OffsetDateTime offset, List<String> tags, List<List<Integer>> grid, Set<Long> codes, String text) {
    }

    /** A bean whose any-getter adds keys Jackson writes and a fixed plan would miss. */
    public static final class WithExtras {

        private final Map<String, Object> extras = new LinkedHashMap<>();

        public long getId() {
            return 1;
        }

        @JsonAnyGetter
        public Map<String, Object> extras() {
            return this.extras;
        }

    }

    @Test
    void directRowsAreByteForByteWhatJacksonWrites() throws Exception {
        Random random = new Random(15);
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(new Everything(random.nextLong() >> random.nextInt(64), (i % 7 == 0) ? null : random.nextInt(),
                    (short) random.nextInt(), (byte) random.nextInt(), random.nextBoolean(),
                    (i % 5 == 0) ? null : random.nextBoolean(), decimal(random, i), text(random, i % 9 == 0),
                    (i % 11 == 0) ? null : LocalDate.of(random.nextInt(10_000), 1 + random.nextInt(12), 28),
                    dateTime(random, i)));
        }
        assertThat(CODEC.jsonPlan(rows.get(1))).as("the direct path is taken for this record").isNotNull();
        assertThat(encode(CODEC, rows)).isEqualTo(jackson(rows));
    }

    @Test
    void doublesEnumsDatesListsAndEmojiAreWrittenDirectlyAsJacksonWrites() throws Exception {
        // a zone with a half-hour offset: a point in time is the DATETIME it shows there (StarRocksJson.local)
        RowCodec kolkata = new RowCodec(new ObjectMapper(), ZoneId.of("Asia/Kolkata"));
        Random random = new Random(25);
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(wide(random, i));
        }
        JsonRowPlan plan = kolkata.jsonPlan(rows.get(1));
        assertThat(plan).as("the direct path is taken for this record").isNotNull();
        assertThat(rows).as("every row written directly, none left to Jackson")
            .allSatisfy((row) -> assertThat(plan.write(row, new JsonRowPlan.Buffer(64))).isTrue());
        assertThat(encode(kolkata, rows)).isEqualTo(jackson(kolkata, rows));
    }

    @Test
    void aPointInTimeIsTheDateTimeItShowsInTheLoadsZone() throws Exception {
        RowCodec kolkata = new RowCodec(new ObjectMapper(), ZoneId.of("Asia/Kolkata"));
        Instant instant = Instant.parse("2024-03-01T00:00:00.250Z");
        Wide row = new Wide(1, 0.5, null, 1.5f, Status.PAID, Date.from(instant), instant,
                instant.atOffset(ZoneOffset.ofHours(-7)), List.of(), List.of(List.of(1, 2), List.of()),
                Set.of(), "x");
        assertThat(kolkata.jsonPlan(row)).isNotNull();
        // the same DATETIME text for LocalDateTime, Date, Instant and OffsetDateTime (+05:30 in March)
        assertThat(encode(kolkata, List.of(row))).contains("\"at\":\"2024-03-01 05:30:00.25\"",
                "\"when\":\"2024-03-01 05:30:00.25\"", "\"offset\":\"2024-03-01 05:30:00.25\"",
                "\"status\":\"paid-in-full\"", "\"ratio\":0.5", "\"grid\":[[1,2],[]]");
        assertThat(encode(kolkata, List.of(row)))
            .contains("\"at\":\"" + StarRocksJson.dateTime(LocalDateTime.of(2024, 3, 1, 5, 30, 0, 250_000_000)) + "\"");
    }

    @Test
    void anEmojiIsOneCharacterHoweverTheMapperWritesIt() throws Exception {
        String emoji = "a\uD83D\uDE00b";
        Renamed row = new Renamed(1, emoji);
        // Jackson's default: the pair as two escapes, which StarRocks' JSON reader joins into one character
        assertThat(CODEC.jsonPlan(row).write(row, new JsonRowPlan.Buffer(16))).as("written directly").isTrue();
        String escaped = encode(CODEC, List.of(row));
        assertThat(escaped).contains("a\\uD83D\\uDE00b").isEqualTo(jackson(CODEC, List.of(row)));
        assertThat(new ObjectMapper().readTree(escaped).get(0).get("na\"me").textValue()).isEqualTo(emoji);
        // with COMBINE_UNICODE_SURROGATES_IN_UTF8: one 4-byte UTF-8 character (F0 9F 98 80)
        ObjectMapper combining = new ObjectMapper();
        combining.getFactory().configure(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8.mappedFeature(), true);
        RowCodec combined = new RowCodec(combining, ZoneOffset.UTC);
        assertThat(combined.jsonPlan(row).write(row, new JsonRowPlan.Buffer(16))).as("written directly").isTrue();
        byte[] bytes = encodeBytes(combined, List.of(row));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(jackson(combined, List.of(row)));
        assertThat(bytes).containsSequence((byte) 'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 'b');
    }

    @Test
    void valuesTheDirectPathDoesNotWriteGoToJacksonRowByRow() throws Exception {
        Wide plain = wide(new Random(1), 1);
        List<Object> rows = List.of(plain,
                new Wide(2, Double.NaN, Double.POSITIVE_INFINITY, Float.NaN, Status.NEW, null, null, null, null, null,
                        null, "nan"),
                new Wide(3, 1, null, 1, Status.SHIPPED, new java.sql.Timestamp(0), null, null, null, null, null, "sql"),
                new Wide(4, 1, null, 1, null, null, null, null, null, null, null, "lone \uDE00"),
                plain);
        assertThat(CODEC.jsonPlan(plain)).isNotNull();
        // NaN quoted (Jackson's WRITE_NAN_AS_STRINGS), the java.sql.Timestamp as its own text, the lone surrogate
        // escaped
        assertThat(encode(CODEC, rows)).isEqualTo(jackson(CODEC, rows))
            .contains("\"ratio\":\"NaN\"", "\"at\":\"1970-01-01 00:00:00\"", "lone \\uDE00");
    }

    @Test
    void springsObjectMapperTakesTheDirectPath() throws Exception {
        // Jackson2ObjectMapperBuilder, on which Spring Boot's auto-configured ObjectMapper is built, turns
        // DEFAULT_VIEW_INCLUSION off: every property then carries an empty view list, and every row went to Jackson
        ObjectMapper springs = Jackson2ObjectMapperBuilder.json().build();
        RowCodec spring = new RowCodec(springs, ZoneOffset.UTC);
        Everything row = new Everything(1, 2, (short) 3, (byte) 4, true, null, new BigDecimal("1.50"), "t",
                LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 1, 8, 0));
        List<Object> rows = List.of(row, new WithView(2, "s"), wide(new Random(3), 4));
        for (Object each : rows) {
            assertThat(spring.jsonPlan(each).write(each, new JsonRowPlan.Buffer(64)))
                .as(each.getClass().getSimpleName())
                .isTrue();
        }
        assertThat(encode(spring, rows)).isEqualTo(jackson(spring, rows));
    }

    @Test
    void anActiveViewKeepsJackson() throws Exception {
        ObjectMapper viewing = Jackson2ObjectMapperBuilder.json().build();
        viewing.setConfig(viewing.getSerializationConfig().withView(Internal.class));
        RowCodec codec = new RowCodec(viewing, ZoneOffset.UTC);
        List<Object> rows = List.of(new WithView(1, "s"), new WithView(2, "t"));
        assertThat(codec.jsonPlan(rows.get(0))).isNull();
        // the view keeps only the property limited to it (DEFAULT_VIEW_INCLUSION off drops the others)
        assertThat(encode(codec, rows)).isEqualTo(jackson(codec, rows))
            .isEqualTo("[{\"secret\":\"s\"},{\"secret\":\"t\"}]");
    }

    @Test
    void propertyNamesAreJacksonsAndEscaped() throws Exception {
        List<Object> rows = List.of(new Renamed(1, "a"), new Renamed(2, null));
        assertThat(CODEC.jsonPlan(rows.get(0))).isNotNull();
        assertThat(encode(CODEC, rows)).isEqualTo("[{\"order_id\":1,\"na\\\"me\":\"a\"},{\"order_id\":2,\"na\\\"me\":null}]")
            .isEqualTo(jackson(rows));
    }

    @Test
    void classesJacksonWritesAnotherWayStayWithJackson() throws Exception {
        WithExtras extras = new WithExtras();
        extras.extras.put("late", "kept");
        List<Object> rows = List.of(new SkipsNulls(1, null), new OwnSerializer(2, "x"), new WithUuid(3, new UUID(1, 2)),
                new WithExtras(), extras);
        for (Object row : rows) {
            assertThat(CODEC.jsonPlan(row)).as(row.getClass().getSimpleName()).isNull();
        }
        assertThat(encode(CODEC, rows)).isEqualTo(jackson(rows))
            .contains("{\"id\":1}", "\"id\":\"2\"", "\"late\":\"kept\"");
    }

    @Test
    void aMapperWithOtherFeaturesFailsTheFirstRowCheckAndStaysWithJackson() throws Exception {
        RowCodec indenting = new RowCodec(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT),
                ZoneOffset.UTC);
        Everything row = new Everything(1, 2, (short) 3, (byte) 4, true, null, BigDecimal.ONE, "t",
                LocalDate.of(2024, 1, 1), null);
        assertThat(indenting.jsonPlan(row)).isNull();
        assertThat(encode(indenting, List.of(row, row))).contains("\n");
    }

    @Test
    void generatorFeaturesThatChangeTextKeepJackson() throws Exception {
        ObjectMapper escaping = new ObjectMapper();
        escaping.getFactory().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII);
        RowCodec codec = new RowCodec(escaping, ZoneOffset.UTC);
        // The first row is ASCII, so only the feature check can tell that later rows would differ.
        Renamed ascii = new Renamed(1, "plain");
        assertThat(codec.jsonPlan(ascii)).isNull();
        assertThat(encode(codec, List.of(ascii, new Renamed(2, "é")))).contains("\\u00E9");
    }

    @Test
    void mixedRowsOfOneBatchFormOneArray() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 7);
        map.put("text", "from a map");
        Everything record = new Everything(1, 2, (short) 3, (byte) 4, true, null, new BigDecimal("1.50"), "t\u0001",
                LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 1, 8, 0, 0, 1_000));
        List<Object> rows = List.of(record, map, new WithDouble(1, 0.5), record,
                new Everything(2, 2, (short) 3, (byte) 4, true, null, null, "lone \uD800 surrogate", null, null),
                record);
        String encoded = encode(CODEC, rows);
        assertThat(encoded).isEqualTo(jackson(rows));
        assertThat(new ObjectMapper().readTree(encoded)).hasSize(rows.size());
    }

    /** What Jackson's UTF-8 generator writes (the one the encoder uses; the String writer differs for surrogates). */
    private static String jackson(List<Object> rows) throws Exception {
        return jackson(CODEC, rows);
    }

    private static String jackson(RowCodec codec, List<Object> rows) throws Exception {
        return new String(codec.mapper.writeValueAsBytes(rows), StandardCharsets.UTF_8);
    }

    private static String encode(RowCodec codec, List<Object> rows) {
        return new String(encodeBytes(codec, rows), StandardCharsets.UTF_8);
    }

    private static byte[] encodeBytes(RowCodec codec, List<Object> rows) {
        BatchEncoder encoder = BatchEncoder.open(codec, LoadOptions.json(), LoadCompression.NONE);
        rows.forEach(encoder::write);
        EncodedBatch batch = encoder.finish();
        try {
            return batch.body().toByteArray();
        }
        finally {
            batch.body().release();
        }
    }

    private static Wide wide(Random random, int i) {
        Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), (i % 2 == 0) ? 0
                : random.nextInt(1_000_000) * 1_000L);
        List<String> tags = new ArrayList<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            tags.add((t == 2 && i % 3 == 0) ? null : text(random, false));
        }
        Set<Long> codes = new LinkedHashSet<>();
        for (int c = random.nextInt(3); c > 0; c--) {
            codes.add(random.nextLong());
        }
        double ratio = switch (i % 4) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextLong() * 1e-9;
            case 2 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            default -> random.nextInt(1000);
        };
        return new Wide(i, ratio, (i % 5 == 0) ? null : -random.nextDouble() * 1e300, random.nextFloat() * 1e6f,
                (i % 7 == 0) ? null : Status.values()[i % 3], (i % 11 == 0) ? null : Date.from(instant), instant,
                instant.atOffset(ZoneOffset.ofHoursMinutes(-3, -30)), (i % 13 == 0) ? null : tags,
                List.of(List.of(random.nextInt()), List.of()), codes, text(random, false));
    }

    private static BigDecimal decimal(Random random, int i) {
        if (i % 13 == 0) {
            return null;
        }
        if (i % 17 == 0) {
            // more than 18 digits: written through toPlainString
            return new BigDecimal(new BigInteger(90, random), random.nextInt(30) - 5);
        }
        return BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(40) - 20);
    }

    private static LocalDateTime dateTime(Random random, int i) {
        if (i % 3 == 0) {
            return null;
        }
        // a few years past 9999, which the direct path leaves to Jackson
        int year = (i % 101 == 0) ? 10_000 + random.nextInt(5) : random.nextInt(10_000);
        int nanos = (i % 2 == 0) ? random.nextInt(1_000_000) * 1_000 : 0;
        return LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                random.nextInt(60), random.nextInt(60), nanos);
    }

    private static String text(Random random, boolean withLoneSurrogate) {
        String[] pieces = { "a", "Z", " ", "\"", "\\", "/", "\u0000", "\u0001", "\b", "\t", "\n", "\f", "\r",
            "\u001f", "\u007f", "é", "ß", "中", "\u2028", "😀", "\uFFFF" };
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(16);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        if (withLoneSurrogate) {
            text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? '\uD83D' : '\uDE00');
        }
        return text.toString();
    }

}
