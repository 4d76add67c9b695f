package io.github.srboot.test.streamload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Collects what a BE says about one Stream Load and renders the response JSON with every field StarRocks sends:
 * {@code TxnId, Label, Status, [ExistingJobStatus,] Message, NumberTotalRows, NumberLoadedRows, NumberFilteredRows,
 * NumberUnselectedRows, LoadBytes, LoadTimeMs, BeginTxnTimeMs, StreamLoadPlanTimeMs, ReadDataTimeMs,
 * WriteDataTimeMs, CommitAndPublishTimeMs[, ErrorURL]}.
 */
final class LoadResponse {

    private final String label;

    private long txnId = -1;

    private long totalRows;

    private long loadedRows;

    private long filteredRows;

    private long bytes;

    private long started = System.nanoTime();

    private long planned = this.started;

    private long read = this.started;

    private long committed = this.started;

    private String errorUrl;

    LoadResponse(String label) {
        this.label = label;
    }

    LoadResponse txnId(long txnId) {
        this.txnId = txnId;
        return this;
    }

    LoadResponse bytes(long bytes) {
        this.bytes = bytes;
        return this;
    }

    LoadResponse rows(long total, long loaded, long filtered) {
        this.totalRows = total;
        this.loadedRows = loaded;
        this.filteredRows = filtered;
        return this;
    }

    LoadResponse timings(long started, long planned, long read) {
        this.started = started;
        this.planned = planned;
        this.read = read;
        this.committed = read;
        return this;
    }

    LoadResponse committed(long committed) {
        this.committed = committed;
        return this;
    }

    LoadResponse errorUrl(String errorUrl) {
        this.errorUrl = errorUrl;
        return this;
    }

    Map<String, Object> success() {
        return render("Success", "OK", null);
    }

    Map<String, Object> publishTimeout() {
        // the FE's text (FrontendServiceImpl.loadTxnCommitImpl) without its publish debug details
        return render("Publish Timeout", "Publish timeout. The data will be visible after a while, ", null);
    }

    Map<String, Object> fail(String message) {
        Map<String, Object> body = render("Fail", message, null);
        body.put("NumberLoadedRows", 0L);
        return body;
    }

    Map<String, Object> labelAlreadyExists(LoadJob existing) {
        return render("Label Already Exists", "Label [" + this.label + "] has already been used.",
                existing.state().existingJobStatus());
    }

    private Map<String, Object> render(String status, String message, String existingJobStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TxnId", this.txnId);
        body.put("Label", this.label);
        body.put("Status", status);
        if (existingJobStatus != null) {
            body.put("ExistingJobStatus", existingJobStatus);
        }
        body.put("Message", message);
        body.put("NumberTotalRows", this.totalRows);
        body.put("NumberLoadedRows", this.loadedRows);
        body.put("NumberFilteredRows", this.filteredRows);
        body.put("NumberUnselectedRows", 0L);
        body.put("LoadBytes", this.bytes);
        long end = Math.max(this.committed, this.read);
        body.put("LoadTimeMs", millis(this.started, end));
        body.put("BeginTxnTimeMs", 0L);
        body.put("StreamLoadPlanTimeMs", millis(this.started, this.planned));
        body.put("ReadDataTimeMs", millis(this.planned, this.read));
        body.put("WriteDataTimeMs", millis(this.planned, this.read));
        body.put("CommitAndPublishTimeMs", millis(this.read, this.committed));
        if (this.errorUrl != null) {
            body.put("ErrorURL", this.errorUrl);
        }
        return body;
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(Math.max(0, to - from));
    }

}
