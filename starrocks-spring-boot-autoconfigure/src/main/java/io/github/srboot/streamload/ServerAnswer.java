package io.github.srboot.streamload;

import java.util.Locale;
import java.util.Map;

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
record ServerAnswer(String status, String message, String existingJobStatus, String label, long txnId,
        long totalRows, long loadedRows, long filteredRows, long unselectedRows, long loadBytes,
        LoadResult.ServerTimings timings, String errorUrl) {

    /**
     * Parses an answer body; {@code null} when it is not a JSON object.
     */
    static ServerAnswer parse(ObjectMapper mapper, String body) {
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
    String normalizedStatus() {
        return (this.status != null) ? this.status.trim().toLowerCase(Locale.ROOT) : "";
    }

}
