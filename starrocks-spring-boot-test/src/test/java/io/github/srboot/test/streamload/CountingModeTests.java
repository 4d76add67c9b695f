package io.github.srboot.test.streamload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Counting mode: rows and bytes counted correctly without storing rows.
 */
class CountingModeTests {

    @Test
    void countsCsvAndJsonRowsAndBytesWithoutStoringThem() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().countingOnly()
            .table(StubTable.builder("db", "t").column("id", "INT").column("v", "STRING").primaryKey("id").build())
            .start()) {
            String csv = "1\ta\n2\tb\n3\tc";
            JsonNode csvResponse = RawHttp.streamLoad(stub, "db", "t", Map.of("label", "c1"), csv).json();
            assertThat(csvResponse.get("NumberLoadedRows").asLong()).isEqualTo(3);
            String json = "[{\"id\":1,\"v\":\"]},[\"},{\"id\":2,\"v\":{\"n\":[1,2]}}]";
            JsonNode jsonResponse = RawHttp.streamLoad(stub, "db", "t", Map.of("label", "j1", "format", "json",
                    "strip_outer_array", "true"), json).json();
            assertThat(jsonResponse.get("NumberLoadedRows").asLong()).isEqualTo(2);
            TableContents table = stub.table("db", "t");
            assertThat(table.storesRows()).isFalse();
            assertThat(table.loadedRows()).isEqualTo(5);
            assertThat(table.loadedBytes()).isEqualTo(csv.length() + json.length());
            assertThat(table.committedLoads()).isEqualTo(2);
            assertThatIllegalStateException().isThrownBy(table::rowCount);
            assertThat(RawHttp.streamLoad(stub, "db", "t", Map.of("label", "c1"), csv).json().get("Status").asText())
                .isEqualTo("Label Already Exists");
        }
    }

    @Test
    void countsEnclosedCsvRowsNotTheDelimitersInsideEnclosures() throws IOException {
        try (StreamLoadStubServer stub = StreamLoadStubServer.builder().countingOnly()
            .table(StubTable.builder("db", "t").column("id", "INT").column("v", "STRING").primaryKey("id").build())
            .start()) {
            String csv = "1,\"a\nb\"\n2,\"c\"\"\n\"\n3,d\\\n";
            JsonNode response = RawHttp.streamLoad(stub, "db", "t", Map.of("column_separator", ",", "enclose", "\"",
                    "escape", "\\"), csv).json();
            assertThat(response.get("NumberLoadedRows").asLong()).isEqualTo(3);
        }
    }

    @Test
    void countsCsvRowsAcrossBufferBoundaries() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append(i).append(",value-").append(i).append("||");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(BodyParser.countDelimited(new ByteArrayInputStream(bytes), "||".getBytes(StandardCharsets.UTF_8)))
            .isEqualTo(50_000);
        byte[] single = text.toString().replace("||", "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(BodyParser.countDelimited(new ByteArrayInputStream(single), new byte[] { '\n' })).isEqualTo(50_000);
        byte[] unterminated = "a\nb".getBytes(StandardCharsets.UTF_8);
        assertThat(BodyParser.countDelimited(new ByteArrayInputStream(unterminated), new byte[] { '\n' })).isEqualTo(2);
        assertThat(BodyParser.countDelimited(new ByteArrayInputStream(new byte[0]), new byte[] { '\n' })).isZero();
    }

    @Test
    void countsJsonRowsOfBothShapes() throws Exception {
        String objects = "{\"a\":\"{\\\"x\\\"}\"}\n{\"b\":[{}]}\n {\"c\":1}";
        assertThat(BodyParser.countJson(stream(objects), false)).isEqualTo(3);
        assertThat(BodyParser.countJson(stream("[1, \"two\", {\"three\":[3]}, [4], null]"), true)).isEqualTo(5);
        assertThat(BodyParser.countJson(stream("[]"), true)).isZero();
        assertThatExceptionOfType(LoadFailedException.class).isThrownBy(() -> BodyParser.countJson(stream("[{}]"),
                false));
        assertThatExceptionOfType(LoadFailedException.class).isThrownBy(() -> BodyParser.countJson(stream("{}"),
                true));
        assertThatExceptionOfType(LoadFailedException.class).isThrownBy(() -> BodyParser.countJson(stream("[{}"),
                true));
    }

    @Test
    void jsonCountMatchesAParserOnRandomBodiesReadAFewBytesAtATime() throws Exception {
        // Random nested values with strings full of brackets, quotes and backslashes; the body arrives in reads of
        // 1 to 7 bytes, so escapes and strings straddle every read boundary.
        java.util.Random random = new java.util.Random(15);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int round = 0; round < 500; round++) {
            int rows = random.nextInt(6);
            StringBuilder body = new StringBuilder("[");
            for (int row = 0; row < rows; row++) {
                body.append((row > 0) ? (random.nextBoolean() ? "," : " ,\n ") : "");
                appendValue(body, random, 0);
            }
            body.append("]");
            String text = body.toString();
            int expected = mapper.readTree(text).size();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            java.io.InputStream trickle = new Trickle(bytes, random, 7);
            assertThat(BodyParser.countJson(trickle, true)).as(text).isEqualTo(expected);
            assertThat(BodyParser.countJson(stream(text), true)).as(text).isEqualTo(expected);
        }
    }

    private static void appendValue(StringBuilder out, java.util.Random random, int depth) {
        int kind = (depth > 3) ? random.nextInt(3) : random.nextInt(5);
        switch (kind) {
            case 0 -> out.append(random.nextInt(1000) - 500);
            case 1 -> out.append(random.nextBoolean() ? "null" : "true");
            case 2 -> {
                String[] pieces = { "a", "{", "}", "[", "]", ",", ":", "\\\"", "\\\\", "\\n", "é" };
                out.append('"');
                for (int i = random.nextInt(8); i > 0; i--) {
                    out.append(pieces[random.nextInt(pieces.length)]);
                }
                out.append('"');
            }
            case 3 -> {
                out.append('{');
                for (int i = random.nextInt(4); i > 0; i--) {
                    out.append("\"k").append(i).append("\":");
                    appendValue(out, random, depth + 1);
                    out.append((i > 1) ? "," : "");
                }
                out.append('}');
            }
            default -> {
                out.append('[');
                for (int i = random.nextInt(4); i > 0; i--) {
                    appendValue(out, random, depth + 1);
                    out.append((i > 1) ? ", " : "");
                }
                out.append(']');
            }
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

}
