package io.github.srboot.test.streamload;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting-mode scan of enclosed CSV ({@link EnclosedCsv#count}) counts exactly the rows the full reader
 * ({@link EnclosedCsv#read}) finds, on fuzzed bodies full of separators, enclose and escape characters, read a few
 * bytes at a time so that every lookahead crosses a buffer boundary somewhere.
 */
class EnclosedCsvCountTests {

    @Test
    void countsWhatTheReaderReads() throws Exception {
        LoadOptions options = LoadOptions.parse(Map.of("format", "csv", "column_separator", ",", "row_delimiter",
                "\\n", "enclose", "\"", "escape", "\\")::get);
        Random random = new Random(15);
        char[] alphabet = { 'a', 'b', ',', '\n', '"', '"', '\\', 'N', ' ' };
        for (int round = 0; round < 5_000; round++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                body.append(alphabet[random.nextInt(alphabet.length)]);
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            long expected = EnclosedCsv.read(bytes, options, null);
            assertThat(EnclosedCsv.count(trickle(bytes, random), options)).as("body %s", body.toString()
                .replace("\n", "\\n")).isEqualTo(expected);
        }
        for (String body : List.of("", "a", "a\n", "\"a\nb\"\n", "\"\"\"\"\n", "a\\\nb\n", "\\", "\"x\"\"")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(EnclosedCsv.count(new ByteArrayInputStream(bytes), options))
                .isEqualTo(EnclosedCsv.read(bytes, options, null));
        }
    }

    /** A stream that returns one to three bytes per read. */
    private static InputStream trickle(byte[] bytes, Random random) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1 + random.nextInt(3)));
            }
        };
    }

}
