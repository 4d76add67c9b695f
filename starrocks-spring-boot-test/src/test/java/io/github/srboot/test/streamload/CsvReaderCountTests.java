package io.github.srboot.test.streamload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting mode ({@link CsvReader#read} with a {@code null} handler, which builds no field text) counts exactly the
 * rows that reading with a handler passes on, on fuzzed bodies full of separators, enclose and escape bytes and
 * spaces, with and without {@code trim_space}.
 */
class CsvReaderCountTests {

    @Test
    void countingFindsTheRowsReadingFinds() throws Exception {
        Random random = new Random(15);
        char[] alphabet = { 'a', 'b', ',', '\n', '"', '"', '\\', 'N', ' ' };
        for (boolean trimSpace : List.of(false, true)) {
            for (int[] encloseEscape : List.of(new int[] { '"', '\\' }, new int[] { '"', CsvReader.NONE },
                    new int[] { CsvReader.NONE, '\\' }, new int[] { CsvReader.NONE, CsvReader.NONE })) {
                CsvReader reader = new CsvReader(new byte[] { ',' }, new byte[] { '\n' }, encloseEscape[0],
                        encloseEscape[1], trimSpace, 0);
                for (int round = 0; round < 2_000; round++) {
                    StringBuilder body = new StringBuilder();
                    int length = random.nextInt(40);
                    for (int i = 0; i < length; i++) {
                        body.append(alphabet[random.nextInt(alphabet.length)]);
                    }
                    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                    long[] handled = new long[1];
                    long read = reader.read(bytes, (fields, rawRow, validUtf8) -> handled[0]++);
                    assertThat(reader.read(bytes, null)).as("body %s", body.toString().replace("\n", "\\n"))
                        .isEqualTo(read)
                        .isEqualTo(handled[0]);
                    if (!trimSpace) {
                        // the streaming count, fed 1 to 5 bytes per read so that every step meets a window edge
                        assertThat(reader.count(trickle(bytes, random)))
                            .as("streamed body %s", body.toString().replace("\n", "\\n"))
                            .isEqualTo(read);
                    }
                }
            }
        }
    }

    @Test
    void streamingCountMatchesReadingForMultiByteSeparatorsAndLongFields() throws Exception {
        Random random = new Random(16);
        String[] pieces = { "a", "||", "|", "#\n", "#", "\n", "\"", "\\", "x".repeat(300) };
        CsvReader reader = new CsvReader("||".getBytes(StandardCharsets.UTF_8), "#\n".getBytes(StandardCharsets.UTF_8),
                '"', '\\', false, 0);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder body = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            long[] handled = new long[1];
            long read = reader.read(bytes, (fields, rawRow, validUtf8) -> handled[0]++);
            assertThat(reader.count(trickle(bytes, random))).as("body %s", body).isEqualTo(read)
                .isEqualTo(handled[0]);
        }
        // a body far larger than the window, in one enclosed field and in many rows
        String huge = "\"" + "y".repeat(200_000) + "\"\n" + "a|b\n".repeat(50_000);
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        CsvReader pipes = new CsvReader(new byte[] { '|' }, new byte[] { '\n' }, '"', '\\', false, 0);
        assertThat(pipes.count(new java.io.ByteArrayInputStream(bytes))).isEqualTo(pipes.read(bytes, null))
            .isEqualTo(50_001);
    }

    private static java.io.InputStream trickle(byte[] bytes, Random random) {
        return new Trickle(bytes, random, 5);
    }

}
