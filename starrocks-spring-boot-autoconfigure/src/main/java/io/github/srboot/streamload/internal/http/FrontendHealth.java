package io.github.srboot.streamload.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an FE's {@code GET /api/health} answer says, read by the one rule that Stream Load (choosing an FE) and the
 * actuator (reporting FEs) share: healthy when the answer is HTTP 200 with a readable body whose {@code status} is
 * {@code OK}; anything else (an FE shutting down gracefully answers HTTP 500, a proxy an HTML page) is not.
 *
 * @param healthy whether the FE answered as a healthy FE does
 * @param onlineBackends {@code online_backend_num}, or {@code null} when not reported
 * @param totalBackends {@code total_backend_num}, or {@code null} when not reported
 * @param problem why it is not healthy, or {@code null}
 */
public record FrontendHealth(boolean healthy, Integer onlineBackends, Integer totalBackends, String problem) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads an answer of {@code /api/health} ({@code HealthAction}: {@code status}, {@code msg},
     * {@code total_backend_num}, {@code online_backend_num}).
     */
    public static FrontendHealth of(int httpStatus, String body) {
        if (httpStatus != 200) {
            return new FrontendHealth(false, null, null, "HTTP " + httpStatus);
        }
        JsonNode root;
        try {
            root = JSON.readTree((body != null) ? body : "");
        }
        catch (Exception ex) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new FrontendHealth(false, null, null, "unreadable /api/health answer");
        }
        Integer online = root.hasNonNull("online_backend_num") ? root.get("online_backend_num").asInt() : null;
        Integer total = root.hasNonNull("total_backend_num") ? root.get("total_backend_num").asInt() : null;
        String status = root.path("status").asText("");
        if (!"OK".equalsIgnoreCase(status)) {
            return new FrontendHealth(false, online, total, "status " + status + ": " + root.path("msg").asText(""));
        }
        return new FrontendHealth(true, online, total, null);
    }

    /**
     * Whether loads may go to this FE: healthy, and not reporting zero online backends (such an FE only answers
     * "No backend alive").
     */
    public boolean takesLoads() {
        return this.healthy && (this.onlineBackends == null || this.onlineBackends > 0);
    }

}
