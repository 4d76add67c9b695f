package io.github.srboot.streamload.internal.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.junit.jupiter.api.Test;

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
        List<Object> rows = List.of(new SkipsNulls(1, null), new OwnSerializer(2, "x"), new WithDouble(3, 0.1),
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
        return new String(CODEC.mapper.writeValueAsBytes(rows), StandardCharsets.UTF_8);
    }

    private static String encode(RowCodec codec, List<Object> rows) {
        BatchEncoder encoder = BatchEncoder.open(codec, LoadOptions.json(), LoadCompression.NONE);
        rows.forEach(encoder::write);
        EncodedBatch batch = encoder.finish();
        try {
            return new String(batch.body().toByteArray(), StandardCharsets.UTF_8);
        }
        finally {
            batch.body().release();
        }
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
