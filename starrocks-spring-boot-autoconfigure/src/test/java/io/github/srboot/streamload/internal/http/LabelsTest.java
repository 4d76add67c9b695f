package io.github.srboot.streamload.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.srboot.streamload.internal.encoding.PooledChunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelsTest {

    private final Labels labels = new Labels();

    @Test
    void labelsArePrefixTableAndUniquePart() {
        String label = this.labels.next("app", "orders");
        assertThat(label).startsWith("app_orders_").matches("[0-9A-Za-z_-]+");
        Labels.requireValidLabel(label);
    }

    @Test
    void labelsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(this.labels.next("p", "t"))).isTrue();
        }
        assertThat(new Labels().next("p", "t")).isNotIn(seen);
    }

    @Test
    void tableCharactersOutsideTheLabelAlphabetAreReplacedAndLongNamesTruncated() {
        assertThat(this.labels.next("p", "weird table.ü")).startsWith("p_weird_table___");
        String longLabel = this.labels.next("prefix", "t".repeat(300));
        assertThat(longLabel).hasSizeLessThanOrEqualTo(128);
        Labels.requireValidLabel(longLabel);
    }

    @Test
    void invalidLabelsAndPrefixesAreRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> Labels.requireValidLabel("a b"))
            .withMessageContaining("'a b'");
        assertThatIllegalArgumentException().isThrownBy(() -> Labels.requireValidLabel("x".repeat(129)));
        assertThatIllegalArgumentException().isThrownBy(() -> Labels.requireValidPrefix("bad.prefix"))
            .withMessageContaining("bad.prefix");
    }

    // ---- issue 22 item 10: labels of a stream the caller named with a prefix ----

    private static String streamLabel(String prefix, String table, long firstRow, String body,
            Map<String, String> headers) {
        PooledChunks chunks = new PooledChunks();
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            chunks.write(bytes, 0, bytes.length);
            int rows = (int) body.lines().count();
            return Labels.ofStreamBatch(prefix, "shop", table, firstRow, rows, headers, chunks);
        }
        finally {
            chunks.release();
        }
    }

    @Test
    void aStreamBatchLabelIsTheSameForTheSameRowsAtTheSamePlace() {
        Map<String, String> headers = Map.of("format", "csv", "label", "ignored", "timeout", "600");
        String first = streamLabel("feed", "events", 0, "1\ta\n2\tb\n", headers);

        assertThat(first).startsWith("feed_events_0-").matches("[0-9A-Za-z_-]{1,128}");
        // the label and the timeout header do not decide what is loaded
        assertThat(streamLabel("feed", "events", 0, "1\ta\n2\tb\n",
                Map.of("format", "csv", "label", "other", "timeout", "30"))).isEqualTo(first);
    }

    @Test
    void aStreamBatchLabelDiffersForOtherRowsOtherPlacesTablesPrefixesOrHeaders() {
        Map<String, String> csv = Map.of("format", "csv");
        String label = streamLabel("feed", "events", 0, "1\ta\n2\tb\n", csv);

        assertThat(Set.of(streamLabel("feed", "events", 0, "1\ta\n", csv),
                streamLabel("feed", "events", 0, "1\ta\n2\tc\n", csv),
                streamLabel("feed", "events", 2, "1\ta\n2\tb\n", csv),
                streamLabel("feed", "other", 0, "1\ta\n2\tb\n", csv),
                streamLabel("feed2", "events", 0, "1\ta\n2\tb\n", csv),
                streamLabel("feed", "events", 0, "1\ta\n2\tb\n", Map.of("format", "csv", "partial_update", "true"))))
            .hasSize(6)
            .doesNotContain(label);
        // tables whose names cut to the same text still differ: the digest holds the whole name
        String longName = "t".repeat(200);
        assertThat(streamLabel("p", longName + "a", 0, "1\n", csv))
            .isNotEqualTo(streamLabel("p", longName + "b", 0, "1\n", csv))
            .hasSizeLessThanOrEqualTo(128);
    }

}
