package io.github.srboot.streamload.internal.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadFormat;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;

/**
 * The Stream Load headers of one batch, derived from its options (a pure function, printed as it is sent except
 * for {@code Authorization}, which the transport adds).
 */
public final class LoadHeaders {

    private LoadHeaders() {
    }

    public static Map<String, String> of(String label, EncodedBatch batch, LoadOptions options,
            LoadCompression compression, Duration timeout) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("label", label);
        if (options.format() == LoadFormat.JSON) {
            headers.put("format", "json");
            headers.put("strip_outer_array", "true");
            if (compression != LoadCompression.NONE) {
                headers.put("compression", compression.jsonCompression());
            }
        }
        else {
            headers.put("format", (compression == LoadCompression.NONE) ? "csv" : compression.csvFormat());
            if (!"\t".equals(options.columnSeparator())) {
                headers.put("column_separator", LoadOptions.printable(options.columnSeparator()));
            }
            if (!"\n".equals(options.rowDelimiter())) {
                headers.put("row_delimiter", LoadOptions.printable(options.rowDelimiter()));
            }
            headers.put("enclose", "\"");
            headers.put("escape", "\\");
        }
        if (!batch.columns().isEmpty()) {
            headers.put("columns", columns(batch.columns()));
        }
        if (options.partialUpdate()) {
            headers.put("partial_update", "true");
        }
        if (options.mergeCondition() != null) {
            headers.put("merge_condition", options.mergeCondition());
        }
        if (options.maxFilterRatio() != null) {
            headers.put("max_filter_ratio", options.maxFilterRatio().toString());
        }
        if (options.strictMode() != null) {
            headers.put("strict_mode", options.strictMode().toString());
        }
        headers.put("timeout", Long.toString(Math.max(1, timeout.toSeconds())));
        headers.putAll(options.headers());
        return headers;
    }

    /** Plain names as they are; any other name quoted by the DDL printer, the one place quoting lives. */
    static String columns(List<String> columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns) {
            if (out.length() > 0) {
                out.append(',');
            }
            if (column.matches("[A-Za-z0-9_]+")) {
                out.append(column);
            }
            else {
                out.append(Ddl.quoteIdentifier(column));
            }
        }
        return out.toString();
    }

}
