package io.github.srboot.streamload.internal.http;

import java.util.Locale;
import java.util.Map;

import io.github.srboot.streamload.LoadResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Stream Load answer body as StarRocks writes it, read leniently: field names in any case (older FEs write
 * {@code status}/{@code msg}), unknown fields ignored, missing numbers as {@code -1}.
 *
 * @param status {@code Status} ({@code Success}, {@code Publish Timeout}, {@code Label Already Exists},
 * {@code Fail}, {@code FAILED}...)
 * @param message {@code Message} / {@code msg}
 * @param existingJobStatus {@code ExistingJobStatus} with {@code Label Already Exists}
 * @param label {@code Label}
 * @param txnId {@code TxnId}
 * @param totalRows {@code NumberTotalRows}
 * @param loadedRows {@code NumberLoadedRows}
 * @param filteredRows {@code NumberFilteredRows}
 * @param unselectedRows {@code NumberUnselectedRows}
 * @param loadBytes {@code LoadBytes}
 * @param timings the timing fields
 * @param errorUrl {@code ErrorURL}
 */
public record ServerAnswer(String status, String message, String existingJobStatus, String label, long txnId,
        long totalRows, long loadedRows, long filteredRows, long unselectedRows, long loadBytes,
        LoadResult.ServerTimings timings, String errorUrl) {

    /**
     * Why an answer that reports rows taken in cannot be right for what was sent, or {@code null} when it is: the
     * server read fewer (or more) bytes than were sent, or, where it counts every row, another number of rows. A
     * proxy in front of the BE, or an address that ran the request itself, may have dropped the body. The one check
     * of every path that sends rows: loads, transaction loads and merge commit loads.
     */
    public String missingBody(long sentBytes, long sentRows, Map<String, String> headers) {
        if (this.loadBytes >= 0 && this.loadBytes != sentBytes) {
            return "the server read " + this.loadBytes + " of the " + sentBytes + " bytes sent";
        }
        if (sentRows >= 0 && this.totalRows >= 0 && this.totalRows != sentRows && countsEveryRow(headers)) {
            return "the server read " + this.totalRows + " of the " + sentRows + " rows sent";
        }
        return null;
    }

    /**
     * Whether this answer says the commit's outcome is unknown: the BE lost the FE's answer to its commit RPC
     * ({@code StreamLoadExecutor::commit_txn}: {@code Status::ServiceUnavailable} with "Transaction status unknown,
     * you can retry with same label"; {@code Fail} for a Stream Load, {@code SERVICE_UNAVAILABLE} for a transaction
     * commit). The load may have committed: only the label's state settles it.
     */
    public boolean commitInDoubt() {
        String text = (this.message != null) ? this.message.toLowerCase(Locale.ROOT) : "";
        return text.contains("transaction status unknown")
                || (this.status != null && this.status.trim().equalsIgnoreCase("SERVICE_UNAVAILABLE"));
    }

    /**
     * Whether NumberTotalRows counts every row of the body (not when headers make the server skip or pick rows). The
     * BE reads headers whatever their case (libevent's {@code evhttp_find_header} compares names case-insensitively),
     * so they are matched here the same way.
     */
    static boolean countsEveryRow(Map<String, String> headers) {
        return headers.keySet().stream().map((name) -> name.trim().toLowerCase(Locale.ROOT))
            .noneMatch((name) -> name.equals("skip_header") || name.equals("json_root") || name.equals("jsonpaths"));
    }

    /**
     * Parses an answer body; {@code null} when it is not a JSON object.
     */
    public static ServerAnswer parse(ObjectMapper mapper, String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        }
        catch (Exception ex) {
            return null;
        }
        if (!(root instanceof ObjectNode object)) {
            return null;
        }
        Map<String, JsonNode> fields = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
        }
        long planTime = number(fields, "streamloadplantimems");
        if (planTime < 0) {
            planTime = number(fields, "streamloadputtimems");
        }
        return new ServerAnswer(text(fields, "status"), firstText(fields, "message", "msg"),
                text(fields, "existingjobstatus"), text(fields, "label"), number(fields, "txnid"),
                number(fields, "numbertotalrows"), number(fields, "numberloadedrows"),
                number(fields, "numberfilteredrows"), number(fields, "numberunselectedrows"),
                number(fields, "loadbytes"),
                new LoadResult.ServerTimings(number(fields, "loadtimems"), number(fields, "begintxntimems"), planTime,
                        number(fields, "readdatatimems"), number(fields, "writedatatimems"),
                        number(fields, "commitandpublishtimems")),
                text(fields, "errorurl"));
    }

    private static String firstText(Map<String, JsonNode> fields, String... names) {
        for (String name : names) {
            String value = text(fields, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        return (value == null || value.isNull()) ? null : value.asText();
    }

    private static long number(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return -1;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().trim());
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** The status normalised for comparisons. */
    public String normalizedStatus() {
        return (this.status != null) ? this.status.trim().toLowerCase(Locale.ROOT) : "";
    }

}
