package io.github.srboot.streamload.transaction;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadFormat;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;
import io.github.srboot.streamload.internal.encoding.RowFields;
import io.github.srboot.streamload.internal.http.LoadHeaders;
import io.github.srboot.streamload.internal.http.ServerAnswer;
import io.github.srboot.streamload.internal.http.TransactionHttp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * Runs merge commit loads: the rows as one JSON body, the FE asked with headers only (it redirects merge commit
 * loads to the leader FE, which picks a BE), the body sent to the BE.
 *
 * <p>Merge commit has no label idempotency: the server ignores the client's label and names the merged transaction
 * itself ({@code merge_commit_<uuid>}), so a load whose answer was lost cannot be looked up or safely resent. This
 * loader therefore never resends a body: a failure after the body left is reported as an unknown outcome, and the
 * delivery guarantee is at most once (at least once if the caller retries, which Primary Key tables with
 * {@code merge_condition} absorb).
 */
public final class MergeCommitLoader {

    private final TransactionHttp http;

    private final ObjectMapper json = new ObjectMapper();

    public MergeCommitLoader(TransactionHttp http) {
        this.http = http;
    }

    public Mono<LoadResult> load(String database, String table, List<?> rows, LoadOptions options, MergeCommit mergeCommit,
            Duration timeout, Duration responseTimeout, ObjectMapper mapper) {
        if (options.label() != null) {
            return Mono.error(new IllegalArgumentException("Merge commit loads cannot have a label: the server "
                    + "names the merged transaction itself (no label idempotency). Remove LoadOptions.label."));
        }
        if (options.format() != LoadFormat.JSON
                || (options.compression() != null && options.compression() != LoadCompression.NONE)) {
            return Mono.error(new IllegalArgumentException(
                    "Merge commit loads are sent as uncompressed JSON; use LoadOptions.json() without compression."));
        }
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(rows);
        }
        catch (JsonProcessingException ex) {
            return Mono.error(new IllegalArgumentException("Could not encode the rows of a merge commit load into '"
                    + table + "': " + ex.getOriginalMessage(), ex));
        }
        Map<String, String> headers = new LinkedHashMap<>(LoadHeaders.of("-",
                new EncodedBatch(null, rows.size(), body.length, options.columns()), options, LoadCompression.NONE,
                timeout));
        headers.remove("label");
        headers.put("enable_merge_commit", "true");
        headers.put("merge_commit_interval_ms", Long.toString(mergeCommit.interval().toMillis()));
        headers.put("merge_commit_parallel", Integer.toString(mergeCommit.parallel()));
        headers.put("merge_commit_async", Boolean.toString(mergeCommit.async()));
        long started = System.nanoTime();
        String path = "/api/" + UriUtils.encodePathSegment(database, "UTF-8") + "/"
                + UriUtils.encodePathSegment(table, "UTF-8") + "/_stream_load";
        return this.http.firstReachable(
                (frontend) -> this.http.send(HttpMethod.PUT, URI.create(frontend + path), headers, body,
                        responseTimeout))
            .onErrorMap(StreamLoadTransaction::isTransport, (ex) -> new StreamLoadException(
                    StreamLoadException.Reason.OUTCOME_UNKNOWN, table, null, null, "merge commit load not resent "
                            + "after a transport failure (" + ex + "): its outcome is unknown, the rows may be loaded; "
                            + "merge commit has no label to look up",
                    1, List.of(), ex))
            .flatMap((reply) -> classify(database, table, reply, body.length, rows.size(), headers, started));
    }

    private Mono<LoadResult> classify(String database, String table, TransactionHttp.Reply reply, long bytes,
            int rows, Map<String, String> headers, long started) {
        if (reply.status() == 401 || reply.status() == 403) {
            return Mono.error(new StreamLoadException(StreamLoadException.Reason.AUTHENTICATION, table, null,
                    "HTTP " + reply.status(), RowFields.abbreviate(reply.body().strip()), 1, List.of(), null));
        }
        ServerAnswer answer = ServerAnswer.parse(this.json, reply.body());
        if (answer == null || answer.status() == null) {
            return Mono.error(new StreamLoadException(StreamLoadException.Reason.PROTOCOL, table, null,
                    "HTTP " + reply.status(), RowFields.abbreviate(reply.body().strip()), 1, List.of(), null));
        }
        LoadStatus status = switch (answer.normalizedStatus()) {
            case "success" -> LoadStatus.SUCCESS;
            case "publish timeout" -> LoadStatus.PUBLISH_TIMEOUT;
            default -> null;
        };
        if (status == null) {
            return Mono.error(new StreamLoadException(StreamLoadException.Reason.REJECTED, table, answer.label(),
                    answer.status(), answer.message(), 1, List.of(), null));
        }
        String missing = answer.missingBody(bytes, rows, headers);
        if (missing != null) {
            return Mono.error(new StreamLoadException(StreamLoadException.Reason.BODY_NOT_RECEIVED, table,
                    answer.label(), answer.status(), missing + " (" + answer.message() + ")", 1, List.of(), null));
        }
        return Mono.just(new LoadResult(database, table, answer.label(), answer.txnId(), status, answer.message(),
                answer.totalRows(), answer.loadedRows(), answer.filteredRows(), answer.unselectedRows(),
                answer.loadBytes(), answer.timings(), answer.errorUrl(), 1,
                Duration.ofNanos(System.nanoTime() - started), null, reply.server()));
    }

}
