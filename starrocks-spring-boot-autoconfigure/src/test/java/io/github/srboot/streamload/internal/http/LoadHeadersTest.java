package io.github.srboot.streamload.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;
import io.github.srboot.streamload.internal.encoding.PooledChunks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class LoadHeadersTest {

    private static EncodedBatch batch(List<String> columns) {
        return new EncodedBatch(new PooledChunks(), 1, 0, columns);
    }

    @Test
    void jsonHeaders() {
        Map<String, String> headers = LoadHeaders.of("l1", batch(List.of()), LoadOptions.json(), LoadCompression.NONE,
                Duration.ofSeconds(600));
        assertThat(headers).containsExactly(entry("label", "l1"), entry("format", "json"),
                entry("strip_outer_array", "true"), entry("timeout", "600"));
    }

    @Test
    void compressedJsonUsesTheCompressionHeader() {
        assertThat(LoadHeaders.of("l", batch(List.of()), LoadOptions.json(), LoadCompression.LZ4_FRAME,
                Duration.ofSeconds(5)))
            .contains(entry("format", "json"), entry("compression", "lz4_frame"));
    }

    @Test
    void csvHeadersCarryEncloseEscapeAndColumns() {
        LoadOptions options = LoadOptions.csv().withSeparators("\u0001", "\u0002");
        Map<String, String> headers = LoadHeaders.of("l", batch(List.of("id", "odd name", "__op")), options,
                LoadCompression.GZIP, Duration.ofSeconds(30));
        assertThat(headers).contains(entry("format", "gzip"), entry("column_separator", "\\x01"),
                entry("row_delimiter", "\\x02"), entry("enclose", "\""), entry("escape", "\\"),
                entry("columns", "id,`odd name`,__op"));
    }

    @Test
    void dataQualityAndPrimaryKeyOptions() {
        LoadOptions options = LoadOptions.json()
            .withPartialUpdate(true)
            .withMergeCondition("version")
            .withMaxFilterRatio(0.2)
            .withStrictMode(true)
            .withHeader("where", "id > 0");
        assertThat(LoadHeaders.of("l", batch(List.of("id", "v")), options, LoadCompression.NONE,
                Duration.ofSeconds(60)))
            .contains(entry("partial_update", "true"), entry("merge_condition", "version"),
                    entry("max_filter_ratio", "0.2"), entry("strict_mode", "true"), entry("where", "id > 0"),
                    entry("columns", "id,v"), entry("timeout", "60"));
    }

}
