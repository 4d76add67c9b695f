package io.github.srboot.streamload.transaction;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadFormat;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;
import io.github.srboot.streamload.internal.encoding.RowFields;
import io.github.srboot.streamload.internal.http.Labels;
import io.github.srboot.streamload.internal.http.LoadHeaders;
import io.github.srboot.streamload.internal.http.LoadRunner;
import io.github.srboot.streamload.internal.http.ServerAnswer;
import io.github.srboot.streamload.internal.http.TransactionHttp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * One transaction of StarRocks' transaction Stream Load API on one table under a caller-chosen label:
 * {@link #begin()}, any number of {@link #load}s, {@link #prepare()} (durable, not visible), then
 * {@link #commit()} or {@link #rollback()}. Obtain one from {@link StreamLoadTemplate#transaction(String, String)}.
 *
 * <p>Statuses are handled as StarRocks defines them: {@code OK}; {@code TXN_IN_PROCESSING} (another request still
 * works on the transaction) is waited out with backoff; committing twice answers {@code OK} (reported with
 * {@link TransactionResult#alreadyDone()}); a commit or rollback that the FE refuses ({@code FAILED}: "No
 * transaction found" for a label never begun, or a commit of a rolled-back or a rollback of a committed
 * transaction, as StarRocks' SQL tests record; {@code TXN_NOT_EXISTS}) is settled with {@code get_load_state}: a
 * commit is done when the label is COMMITTED or VISIBLE, a rollback when it is ABORTED or UNKNOWN, anything else
 * fails; {@code LABEL_ALREADY_EXISTS} on begin and {@code FAILED} elsewhere fail with a
 * {@link StreamLoadTransactionException}. Commit, prepare and rollback are repeated after
 * a lost answer (they are idempotent); a {@code load} whose answer was lost fails with an unknown outcome. Loads
 * are sent as JSON to the BE that began the transaction.
 */
public final class StreamLoadTransaction {

    private final TransactionHttp http;

    private final String database;

    private final String table;

    private final String label;

    private final LoadOptions options;

    private final Duration timeout;

    private final Duration callTimeout;

    private final ObjectMapper mapper;

    private final ObjectMapper json = new ObjectMapper();

    /** Asks {@code get_load_state} as loads do (configured FEs in order, the leader redirect handled). */
    private final LoadRunner states;

    private volatile URI backend;

    private final RetryPolicy retryPolicy;

    public StreamLoadTransaction(TransactionHttp http, LoadRunner states, String database, String table,
            String label, LoadOptions options, Duration timeout, Duration callTimeout, ObjectMapper mapper,
            RetryPolicy retryPolicy) {
        Labels.requireValidLabel(label);
        if (options.format() != LoadFormat.JSON) {
            throw new IllegalArgumentException("Transaction loads are sent as JSON; use LoadOptions.json(), not "
                    + options.format() + ".");
        }
        if (options.compression() != null && options.compression() != LoadCompression.NONE) {
            throw new IllegalArgumentException("Transaction loads are sent uncompressed; remove the compression "
                    + options.compression() + ".");
        }
        this.http = http;
        this.states = states;
        this.database = database;
        this.table = table;
        this.label = label;
        this.options = options;
        this.timeout = timeout;
        this.callTimeout = callTimeout;
        this.mapper = mapper;
        this.retryPolicy = retryPolicy;
    }

    /** The transaction's label. */
    public String label() {
        return this.label;
    }

    /** The table the transaction loads. */
    public String table() {
        return this.table;
    }

    /**
     * Opens the transaction ({@code timeout} header: the load timeout; extra headers of the options such as
     * {@code prepared_timeout} go along).
     */
    public Mono<TransactionResult> begin() {
        Map<String, String> headers = baseHeaders();
        headers.put("timeout", Long.toString(Math.max(1, this.timeout.toSeconds())));
        headers.putAll(this.options.headers());
        return viaFrontends(TransactionOperation.BEGIN, headers)
            .onErrorMap(StreamLoadTransaction::isTransport, (ex) -> unknown(TransactionOperation.BEGIN, ex))
            .flatMap((reply) -> {
                ServerAnswer answer = parse(TransactionOperation.BEGIN, reply);
                if (!isOk(answer)) {
                    return Mono.error(failure(TransactionOperation.BEGIN, answer));
                }
                this.backend = base(reply.server());
                return Mono.just(result(TransactionOperation.BEGIN, answer, false, false));
            });
    }

    /** Adds rows to the transaction (JSON; columns, partial update and merge condition from the options). */
    public Mono<TransactionResult> load(List<?> rows) {
        return Mono.defer(() -> {
            byte[] body;
            try {
                body = this.mapper.writeValueAsBytes(rows);
            }
            catch (JsonProcessingException ex) {
                return Mono.error(new IllegalArgumentException("Could not encode the rows of transaction "
                        + this.label + ": " + ex.getOriginalMessage(), ex));
            }
            Map<String, String> headers = new LinkedHashMap<>(LoadHeaders.of(this.label,
                    new EncodedBatch(null, rows.size(), body.length, this.options.columns()), this.options,
                    LoadCompression.NONE, this.timeout));
            headers.put("db", this.database);
            headers.put("table", this.table);
            URI target = this.backend;
            Mono<TransactionHttp.Reply> sent = (target != null)
                    ? this.http.send(HttpMethod.PUT, target.resolve("/api/transaction/load"), headers, body,
                            this.timeout.plus(this.callTimeout))
                    : viaFrontends(TransactionOperation.LOAD, headers, body, this.timeout.plus(this.callTimeout));
            return retriedWhileInProcessing(sent.onErrorMap(StreamLoadTransaction::isTransport,
                    (ex) -> unknown(TransactionOperation.LOAD, ex))
                .flatMap((reply) -> {
                    ServerAnswer answer = parse(TransactionOperation.LOAD, reply);
                    if (isInProcessing(answer)) {
                        return Mono.error(new InProcessing(answer));
                    }
                    if (!isOk(answer)) {
                        return Mono.error(failure(TransactionOperation.LOAD, answer));
                    }
                    String missing = answer.missingBody(body.length, rows.size(), headers);
                    if (missing != null) {
                        // OK for a body that did not arrive is no success: the transaction lacks these rows.
                        return Mono.error(new StreamLoadTransactionException(this.table, this.label,
                                TransactionOperation.LOAD, answer.status(), missing + "; roll the transaction back"
                                        + " and load it again (a proxy or gateway in front of the BE dropped the body)",
                                null, false, null));
                    }
                    return Mono.just(result(TransactionOperation.LOAD, answer, false, false));
                }), TransactionOperation.LOAD);
        });
    }

    /** Adds rows to the transaction. */
    public Mono<TransactionResult> load(Flux<?> rows) {
        return rows.collectList().flatMap(this::load);
    }

    /** Makes the loaded rows durable but invisible (two-phase commit, first phase). */
    public Mono<TransactionResult> prepare() {
        return finish(TransactionOperation.PREPARE);
    }

    /** Makes the rows visible; committing again answers OK ({@link TransactionResult#alreadyDone()}). */
    public Mono<TransactionResult> commit() {
        return finish(TransactionOperation.COMMIT);
    }

    /** Drops the transaction's rows; a label the server no longer knows counts as rolled back. */
    public Mono<TransactionResult> rollback() {
        return finish(TransactionOperation.ROLLBACK);
    }

    /**
     * The label's state from {@code get_load_state}: {@code PREPARE}, {@code PREPARED}, {@code COMMITTED},
     * {@code VISIBLE}, {@code ABORTED} or {@code UNKNOWN}.
     */
    public Mono<String> state() {
        return state(TransactionOperation.COMMIT);
    }

    /** The label's state, a lost answer reported as an unknown outcome of {@code operation}. */
    private Mono<String> state(TransactionOperation operation) {
        return this.states.labelState(this.database, this.label)
            .timeout(this.callTimeout)
            .onErrorMap(StreamLoadTransaction::isTransport, (ex) -> new StreamLoadTransactionException(this.table,
                    this.label, operation, null, "get_load_state: " + ex, null, true, ex));
    }

    private Mono<TransactionResult> finish(TransactionOperation operation) {
        Mono<TransactionResult> once = viaFrontends(operation, baseHeaders()).flatMap((reply) -> {
            ServerAnswer answer = parse(operation, reply);
            if (isInProcessing(answer)) {
                return Mono.error(new InProcessing(answer));
            }
            String status = status(answer);
            if (operation == TransactionOperation.COMMIT && status.equals("PUBLISH_TIMEOUT")) {
                // Committed: visible once published. Never a failure (a new transaction would load it twice).
                return Mono.just(result(operation, answer, false, true));
            }
            if (operation == TransactionOperation.COMMIT && answer.commitInDoubt()) {
                return settleCommitInDoubt(answer);
            }
            if ((status.equals("TXN_NOT_EXISTS") || status.equals("FAILED"))
                    && operation != TransactionOperation.PREPARE) {
                return settleByLoadState(operation, answer);
            }
            if (!isOk(answer)) {
                return Mono.error(failure(operation, answer));
            }
            String message = (answer.message() != null) ? answer.message().toLowerCase(Locale.ROOT) : "";
            boolean already = message.contains("already committed") || message.contains("already rolled back");
            return Mono.just(result(operation, answer, already, false));
        });
        // Lost answers and commits in doubt are asked again under the template's retry policy (the operations are
        // idempotent); when the retries are spent, the outcome is unknown.
        return retriedWhileInProcessing(once, operation)
            .retryWhen(this.retryPolicy.retrying((ex) -> isTransport(ex) || ex instanceof CommitInDoubt,
                    (ex) -> false, RetryPolicy.RetryListener.NONE))
            .onErrorMap((ex) -> isTransport(ex) || ex instanceof CommitInDoubt, (ex) -> unknown(operation,
                    (ex instanceof CommitInDoubt inDoubt) ? inDoubt.getMessage() : String.valueOf(ex), ex));
    }

    /**
     * A commit in doubt, settled through the label's state: committed or visible is the commit's success; still
     * prepared is committed again (as StarRocks advises, under the same label); aborted or unknown fails.
     */
    private Mono<TransactionResult> settleCommitInDoubt(ServerAnswer answer) {
        return state(TransactionOperation.COMMIT).flatMap((state) -> switch (state) {
            case "VISIBLE" -> Mono.just(result(TransactionOperation.COMMIT, answer, false, false));
            case "COMMITTED" -> Mono.just(result(TransactionOperation.COMMIT, answer, false, true));
            case "PREPARE", "PREPARED" -> Mono.error(new CommitInDoubt(answer.message() + " (load state " + state
                    + ")"));
            default -> Mono.error(new StreamLoadTransactionException(this.table, this.label,
                    TransactionOperation.COMMIT, status(answer), answer.message() + " (load state " + state + ")",
                    null, false, null));
        });
    }

    /**
     * A commit or rollback the FE refused: the label's load state says whether the wanted end is already reached
     * (an earlier attempt whose answer was lost, a transaction never begun has nothing to roll back) or not (the
     * refusal stands, with the state in the message).
     */
    private Mono<TransactionResult> settleByLoadState(TransactionOperation operation, ServerAnswer answer) {
        return state(operation).flatMap((state) -> {
            boolean committed = state.equals("VISIBLE") || state.equals("COMMITTED");
            boolean nothingToRollBack = state.equals("ABORTED") || state.equals("UNKNOWN");
            if (operation == TransactionOperation.COMMIT && committed) {
                return Mono.just(result(operation, answer, true, state.equals("COMMITTED")));
            }
            if (operation == TransactionOperation.ROLLBACK && nothingToRollBack) {
                return Mono.just(result(operation, answer, true, false));
            }
            return Mono.error(new StreamLoadTransactionException(this.table, this.label, operation, status(answer),
                    answer.message() + " (load state " + state + ")", null, false, null));
        });
    }

    private Mono<TransactionHttp.Reply> viaFrontends(TransactionOperation operation, Map<String, String> headers) {
        return viaFrontends(operation, headers, null, this.callTimeout);
    }

    /** Tries the FEs in turn while they refuse connections (nothing was sent to them): the FE choice of loads. */
    private Mono<TransactionHttp.Reply> viaFrontends(TransactionOperation operation, Map<String, String> headers,
            byte[] body, Duration callTimeout) {
        HttpMethod method = (operation == TransactionOperation.LOAD) ? HttpMethod.PUT : HttpMethod.POST;
        Function<URI, Mono<TransactionHttp.Reply>> call = (frontend) -> this.http.send(method,
                URI.create(frontend + "/api/transaction/" + operation.path()), headers, body, callTimeout);
        return this.http.firstReachable(call);
    }

    private Map<String, String> baseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("label", this.label);
        headers.put("db", this.database);
        headers.put("table", this.table);
        return headers;
    }

    private ServerAnswer parse(TransactionOperation operation, TransactionHttp.Reply reply) {
        if (reply.status() == 401 || reply.status() == 403) {
            throw new StreamLoadTransactionException(this.table, this.label, operation, "HTTP " + reply.status(),
                    "credentials refused: check starrocks.username/password and the INSERT privilege", null, false,
                    null);
        }
        ServerAnswer answer = ServerAnswer.parse(this.json, reply.body());
        if (reply.status() >= 500 || answer == null || answer.status() == null) {
            throw new StreamLoadTransactionException(this.table, this.label, operation, "HTTP " + reply.status(),
                    RowFields.abbreviate(reply.body().strip()), null, reply.status() >= 500, null);
        }
        return answer;
    }

    private TransactionResult result(TransactionOperation operation, ServerAnswer answer, boolean already,
            boolean visibleLater) {
        return new TransactionResult(this.table, this.label, operation, answer.txnId(), answer.message(),
                answer.loadedRows(), answer.filteredRows(), answer.loadBytes(), already, visibleLater);
    }

    private StreamLoadTransactionException failure(TransactionOperation operation, ServerAnswer answer) {
        return new StreamLoadTransactionException(this.table, this.label, operation, answer.status(),
                answer.message(), answer.existingJobStatus(), false, null);
    }

    private StreamLoadTransactionException unknown(TransactionOperation operation, Throwable cause) {
        return unknown(operation, String.valueOf(cause), cause);
    }

    private StreamLoadTransactionException unknown(TransactionOperation operation, String message, Throwable cause) {
        return new StreamLoadTransactionException(this.table, this.label, operation, null, message, null, true,
                cause);
    }

    /**
     * {@code TXN_IN_PROCESSING} asked again under the template's retry policy, the one retry mechanism (so that
     * {@code max-retries} bounds it as every other retry); once the retries are spent, the BE's answer fails the
     * operation.
     */
    private <T> Mono<T> retriedWhileInProcessing(Mono<T> call, TransactionOperation operation) {
        return call.retryWhen(this.retryPolicy.retrying(InProcessing.class::isInstance, (ex) -> false,
                RetryPolicy.RetryListener.NONE))
            .onErrorMap(InProcessing.class, (ex) -> failure(operation, ex.answer));
    }

    private static String status(ServerAnswer answer) {
        return answer.status().trim().toUpperCase(Locale.ROOT);
    }

    private static boolean isOk(ServerAnswer answer) {
        String status = status(answer);
        return status.equals("OK") || status.equals("SUCCESS");
    }

    private static boolean isInProcessing(ServerAnswer answer) {
        return status(answer).equals("TXN_IN_PROCESSING");
    }

    private static URI base(URI server) {
        return URI.create(server.getScheme() + "://" + server.getRawAuthority());
    }

    static boolean isTransport(Throwable failure) {
        return failure instanceof IOException || failure instanceof TimeoutException
                || failure instanceof WebClientRequestException
                || failure instanceof reactor.netty.http.client.PrematureCloseException;
    }

    /** A commit whose outcome StarRocks could not tell, with the label still prepared: committed again. */
    private static final class CommitInDoubt extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CommitInDoubt(String message) {
            super(message, null, false, false);
        }

    }

    /** {@code TXN_IN_PROCESSING}: another request works on the transaction; asked again with backoff. */
    private static final class InProcessing extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ServerAnswer answer;

        InProcessing(ServerAnswer answer) {
            super(answer.message(), null, false, false);
            this.answer = answer;
        }

    }

}
