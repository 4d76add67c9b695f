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
                }
            }
        }
    }

}
