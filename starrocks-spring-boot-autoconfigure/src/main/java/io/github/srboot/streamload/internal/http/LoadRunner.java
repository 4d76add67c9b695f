package io.github.srboot.streamload.internal.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriUtils;

import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadException;
import io.github.srboot.streamload.StreamLoadObserver;
import io.github.srboot.streamload.StreamLoadObserver.RetryReason;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;
import io.github.srboot.streamload.internal.encoding.RowFields;

/**
 * Runs one batch to its final outcome: FE request (headers only), redirect to the BE with the body, answer
 * classification, retries with the same label, label look-ups, rejected-row retrieval.
 */
public final class LoadRunner {

    private static final Log logger = LogFactory.getLog(LoadRunner.class);

    private static final int ERROR_LOG_LINES = 10;

    private final StreamLoadHttp http;

    private final Frontends frontends;

    private final ObjectMapper json;

    private final RetryPolicy retry;

    private final Redirects redirects;

    private final Duration responseTimeoutMargin;

    private final Duration labelPollInterval;

    private final StreamLoadObserver observer;

    public LoadRunner(StreamLoadHttp http, Frontends frontends, ObjectMapper json, RetryPolicy retry, Redirects redirects,
            Duration responseTimeoutMargin, Duration labelPollInterval, StreamLoadObserver observer) {
        this.http = http;
        this.frontends = frontends;
        this.json = json;
        this.retry = retry;
        this.redirects = redirects;
        this.responseTimeoutMargin = responseTimeoutMargin;
        this.labelPollInterval = labelPollInterval;
        this.observer = observer;
    }

    /**
     * One batch of a table, labelled, with its headers.
     */
    public record Job(String database, String table, String label, EncodedBatch batch, Map<String, String> headers,
            Duration loadTimeout) {
    }

    /**
     * Loads the batch; completes with the result or fails with a {@link StreamLoadException}.
     */
    public Mono<LoadResult> run(Job job) {
        long started = System.nanoTime();
        Doubt doubt = new Doubt();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        return Mono.defer(() -> attempt(job, attempts.incrementAndGet(), started, doubt))
            // a Transient that reaches here is not the last attempt's (that one is settled or given up in attempt)
            .retryWhen(this.retry.retrying(Transient.class::isInstance,
                    (ex) -> ((Transient) ex).reason == RetryReason.SERVER_BUSY,
                    (ex, retry, wait) -> beforeRetry(job, (Transient) ex, retry, wait)))
            .doOnSubscribe((subscription) -> notifyObserver(() -> this.observer.loadStarting(job.database(),
                    job.table(), job.label(), job.headers().getOrDefault("format", "csv"))))
            .doOnCancel(() -> notifyObserver(() -> this.observer.loadCancelled(job.table(), job.label())))
            .doOnNext((result) -> notifyObserver(() -> this.observer.loadSucceeded(result)))
            .doOnError(StreamLoadException.class, (failure) -> {
                if (failure.reason() == StreamLoadException.Reason.OUTCOME_UNKNOWN) {
                    unsettled(job, doubt.attemptMayStillRun);
                }
                notifyObserver(() -> this.observer.loadFailed(job.table(), failure,
                        Duration.ofNanos(System.nanoTime() - started)));
            });
    }

    /**
     * What the attempts of one load leave in doubt. StarRocks begins a load's transaction in the BE's header handler,
     * before it reads any body ({@code StreamLoadAction::_on_header}); when the connection goes, the BE cancels the
     * body ({@code free_handler_ctx}) and the load's context rolls a begun, uncommitted transaction back
     * ({@code ~StreamLoadContext}), so it ends {@code ABORTED}, or {@code VISIBLE} / {@code COMMITTED} when the whole
     * body had arrived. An FE only redirects ({@code LoadAction}) and begins nothing. So a label no BE began
     * ({@code UNKNOWN}) may still be begun later while a BE may still hold the request: after the client stopped
     * waiting for the answer (a timeout), not after the connection was reset or closed.
     */
    private static final class Doubt {

        /** An attempt sent its body to a BE and got no answer: the label is asked again before giving up. */
        volatile boolean backendUnanswered;

        /** An attempt timed out at a BE and its label had not begun: that BE may still begin and commit it. */
        volatile boolean attemptMayStillRun;

    }

    /** Labels whose load ended {@code OUTCOME_UNKNOWN}, by {@code db.table}: they may still commit. */
    private final Map<String, List<Unsettled>> unsettled = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A label that may still commit until it is final or {@code deadline} ({@link #now()}) has passed; while no BE
     * began it ({@code UNKNOWN}) it can still begin only when {@code mayBeginLater} (see {@link Doubt}).
     */
    private record Unsettled(String label, long deadline, boolean mayBeginLater) {
    }

    private Unsettled unsettled(Job job, boolean mayBeginLater) {
        long deadline = now() + job.loadTimeout().plus(this.responseTimeoutMargin).toNanos();
        Unsettled label = new Unsettled(job.label(), deadline, mayBeginLater);
        this.unsettled.computeIfAbsent(job.database() + "." + job.table(),
                (key) -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(label);
        return label;
    }

    /**
     * A load its subscriber cancelled after it was started (a disposed {@code stream()}): its body may have reached a
     * BE, so its label is remembered as one that may still commit (the change paths wait for it) and settled in the
     * background; the outcome is logged with the label, so that the caller can tell whether those rows are in.
     */
    public void cancelledWhileRunning(Job job) {
        // The BE may not have read the request yet when the client let go of it.
        Unsettled label = unsettled(job, true);
        untilFinal(job.database(), label).defaultIfEmpty("still not final after the load timeout")
            .subscribe((state) -> logger.warn("Stream Load into '" + job.table() + "' (label " + job.label() + ", "
                    + job.batch().rows() + " row(s)) was cancelled by its subscriber while it ran; its label ended "
                    + state + (state.equals("VISIBLE") || state.equals("COMMITTED") ? ": the rows are loaded."
                            : state.equals("ABORTED") ? ": the rows are not loaded." : ": look the label up.")),
                    (ex) -> logger.warn("Stream Load into '" + job.table() + "' (label " + job.label() + ") was"
                            + " cancelled while it ran; its label could not be settled: " + ex));
    }

    /**
     * Completes once no load of the table that ended {@code OUTCOME_UNKNOWN} can still commit: each such label is
     * asked for until it is final ({@code VISIBLE}, {@code COMMITTED}, {@code ABORTED}; {@code UNKNOWN} too when no BE
     * can still begin it) or its load timeout has surely passed. So a caller that resumes from before a failed batch
     * never has its newer rows overwritten by the failed batch's stalled attempt.
     */
    public Mono<Void> awaitSettled(String database, String table) {
        List<Unsettled> labels = this.unsettled.get(database + "." + table);
        if (labels == null || labels.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(List.copyOf(labels))
            .concatMap((label) -> untilFinal(database, label).then(Mono.fromRunnable(() -> labels.remove(label))))
            .then();
    }

    /** The label's final state, asked until it is final; empty once its deadline has passed first. */
    private Mono<String> untilFinal(String database, Unsettled label) {
        if (now() > label.deadline()) {
            return Mono.empty();
        }
        return labelState(database, label.label())
            .onErrorReturn("UNREADABLE")
            .flatMap((state) -> switch (state) {
            case "VISIBLE", "COMMITTED", "ABORTED" -> Mono.just(state);
            case "UNKNOWN" -> label.mayBeginLater() ? Mono.delay(this.labelPollInterval)
                .then(Mono.defer(() -> untilFinal(database, label))) : Mono.just(state);
            default -> Mono.delay(this.labelPollInterval).then(Mono.defer(() -> untilFinal(database, label)));
        });
    }

    /** An observer's failure is logged, never allowed to change a load's outcome. */
    private static void notifyObserver(Runnable call) {
        try {
            call.run();
        }
        catch (RuntimeException ex) {
            logger.warn("A StreamLoadObserver failed; the load's outcome is unchanged", ex);
        }
    }

    private Mono<LoadResult> attempt(Job job, int attempt, long started, Doubt doubt) {
        return this.frontends.select()
            .onErrorMap(Frontends.NoFrontendException.class, (ex) -> new Transient(RetryReason.NO_FRONTEND, ex, null))
            .flatMap((frontend) -> viaFrontend(job, attempt, started, frontend))
            .onErrorResume(Transient.class, (failure) -> retryOrGiveUp(job, attempt, started, failure, doubt));
    }

    private Mono<LoadResult> retryOrGiveUp(Job job, int attempt, long started, Transient failure, Doubt doubt) {
        boolean last = attempt > this.retry.maxRetries();
        // The body may have reached a BE: the label's state says whether it committed, before anything is resent
        // (after no answer at all) or before giving up (after a 5xx once the body went out; a resend under the same
        // label is safe, so earlier attempts just retry).
        boolean settleNow = (failure.outcomeUncertain && (failure.noAnswer || last))
                || (last && doubt.backendUnanswered);
        Mono<LoadResult> settled = settleNow ? settle(job, attempt, started, failure, last, doubt) : Mono.empty();
        return settled.switchIfEmpty(Mono.defer(() -> Mono.error(last ? giveUp(job, attempt, failure, doubt)
                : failure)));
    }

    private StreamLoadException giveUp(Job job, int attempt, Transient failure, Doubt doubt) {
        if (doubt.attemptMayStillRun) {
            // An attempt got no answer and its label was not final: it may still commit. Never report such a load
            // failed; the caller must settle the label before loading these rows (or newer ones) again.
            return new StreamLoadException(StreamLoadException.Reason.OUTCOME_UNKNOWN, job.table(), job.label(),
                    failure.serverStatus(), failure.getMessage() + "; an earlier attempt got no answer and its label"
                            + " was not final, so it may still commit",
                    attempt, List.of(), failure.getCause());
        }
        StreamLoadException.Reason reason = (failure.reason == RetryReason.NO_FRONTEND)
                ? StreamLoadException.Reason.FRONTENDS_UNAVAILABLE : StreamLoadException.Reason.RETRIES_EXHAUSTED;
        return new StreamLoadException(reason, job.table(), job.label(), failure.serverStatus(), failure.getMessage(),
                attempt, List.of(), failure.getCause());
    }

    /**
     * Asks the FE for the label's state after an attempt whose body may have arrived: a committed label is the
     * load's success; an aborted or unknown label is empty (resending is safe); a label still running is polled.
     * When the state cannot be settled, the last attempt fails with {@code OUTCOME_UNKNOWN}; earlier ones retry (the
     * same label keeps the retry from loading twice).
     */
    private Mono<LoadResult> settle(Job job, int attempt, long started, Transient failure, boolean last,
            Doubt doubt) {
        long deadline = now() + job.loadTimeout().plus(this.responseTimeoutMargin).toNanos();
        if (failure.noAnswer) {
            doubt.backendUnanswered = true;
        }
        return this.frontends.select()
            .flatMap((frontend) -> pollLabel(job, frontend, deadline).flatMap((state) -> switch (state) {
            case "VISIBLE" -> Mono.just(settledResult(job, LoadStatus.ALREADY_LOADED, state, attempt, started,
                    frontend));
            case "COMMITTED" -> Mono.just(settledResult(job, LoadStatus.PUBLISH_TIMEOUT, state, attempt, started,
                    frontend));
            case "ABORTED" -> Mono.<LoadResult>empty();
            case "UNKNOWN" -> {
                // No BE began the label. One that the client stopped waiting for may still hold the request and begin
                // it; after a reset or a close it cannot (see Doubt), and a resend under the label is safe either way.
                if (failure.noAnswer && failure.reason == RetryReason.TIMEOUT) {
                    doubt.attemptMayStillRun = true;
                }
                yield Mono.<LoadResult>empty();
            }
            default -> Mono.<LoadResult>error(new IllegalStateException("unknown load state '" + state + "'"));
        }))
            .onErrorResume((ex) -> !(ex instanceof StreamLoadException), (ex) -> last
                    ? Mono.error(new StreamLoadException(StreamLoadException.Reason.OUTCOME_UNKNOWN, job.table(),
                            job.label(), failure.serverStatus(), failure.getMessage() + "; the label's state could not"
                                    + " be settled: " + unwrap(ex),
                            attempt, List.of(), failure.getCause()))
                    : Mono.empty());
    }

    /** Logs a retry of the load (a warning when the server is busy) and tells the observer, before its wait. */
    private void beforeRetry(Job job, Transient failure, int retry, Duration delay) {
        if (failure.reason == RetryReason.SERVER_BUSY) {
            logger.warn("StarRocks is busy loading into '" + job.table() + "' (" + failure.getMessage()
                    + "); retrying label " + job.label() + " in " + delay.toMillis() + " ms (attempt " + (retry + 1)
                    + " of " + (this.retry.maxRetries() + 1) + "). Bigger, rarer batches (starrocks.stream-load.batch.*)"
                    + " reduce the load on the server.");
        }
        else if (logger.isInfoEnabled()) {
            logger.info("Stream Load into '" + job.table() + "' (label " + job.label() + ") failed transiently: "
                    + failure.reason + " " + failure.getMessage() + "; retrying in " + delay.toMillis() + " ms.");
        }
        notifyObserver(() -> this.observer.retrying(job.table(), job.label(), failure.reason, retry + 1));
    }

    private static LoadResult settledResult(Job job, LoadStatus status, String state, int attempt, long started,
            URI frontend) {
        return new LoadResult(job.database(), job.table(), job.label(), -1, status,
                "get_load_state: " + state + " (the answer of the attempt that committed was lost)", -1, -1, -1, -1,
                -1, new LoadResult.ServerTimings(-1, -1, -1, -1, -1, -1), null, attempt,
                Duration.ofNanos(System.nanoTime() - started), frontend, null);
    }

    private Mono<LoadResult> viaFrontend(Job job, int attempt, long started, URI frontend) {
        URI url = URI.create(frontend + "/api/" + UriUtils.encodePathSegment(job.database(), "UTF-8") + "/"
                + UriUtils.encodePathSegment(job.table(), "UTF-8") + "/_stream_load");
        if (this.frontends.runsLoads(frontend)) {
            return sendBody(job, url, 0, attempt, started, frontend);
        }
        return this.http.askFrontend(url, probeHeaders(job.headers()))
            .onErrorMap(LoadRunner::isTransport, (ex) -> {
                this.frontends.eject(frontend, ex);
                return transportFailure(ex);
            })
            .flatMap((answer) -> {
                if (answer.isRedirect()) {
                    return toBackend(job, answer, 1, attempt, started, frontend);
                }
                if (refusedTheProbe(answer)) {
                    // Not an FE: a BE or CN, or a proxy that follows the redirect itself. It refused the header-only
                    // request before beginning a transaction, so the label is still free: send it the body.
                    this.frontends.markRunsLoads(frontend);
                    return sendBody(job, url, 0, attempt, started, frontend);
                }
                return classify(job, answer, attempt, started, frontend, null);
            });
    }

    /**
     * The headers of the header-only request to an FE: the load's own, with a {@code format} no BE accepts. An FE
     * redirects without reading {@code format} ({@code LoadAction}); anything that would run the load itself (a BE,
     * a CN, a proxy following the redirect) refuses it in its header handler, before a transaction begins
     * ({@code StreamLoadAction::_on_header}: "unknown data format"), so an empty body can never commit the label.
     */
    static Map<String, String> probeHeaders(Map<String, String> headers) {
        Map<String, String> probe = new java.util.LinkedHashMap<>(headers);
        probe.put("format", PROBE_FORMAT);
        return probe;
    }

    /** A {@code format} value no StarRocks BE accepts (see {@link #probeHeaders}). */
    static final String PROBE_FORMAT = "srboot-fe-probe";

    private boolean refusedTheProbe(StreamLoadHttp.Answer answer) {
        ServerAnswer parsed = (answer.status() == 200) ? ServerAnswer.parse(this.json, answer.body()) : null;
        return parsed != null && parsed.message() != null && parsed.message().contains("unknown data format")
                && parsed.message().contains(PROBE_FORMAT);
    }

    private Mono<LoadResult> toBackend(Job job, StreamLoadHttp.Answer redirect, int hops, int attempt, long started,
            URI frontend) {
        if (hops > this.redirects.maxRedirects()) {
            return Mono.error(protocol(job, attempt, "more than " + this.redirects.maxRedirects() + " redirects"));
        }
        String location = redirect.location();
        if (location == null || location.isBlank()) {
            return Mono.error(protocol(job, attempt, "HTTP " + redirect.status() + " without a Location header"));
        }
        URI backend = this.redirects.next(frontend, frontend, location);
        return sendBody(job, backend, hops, attempt, started, frontend);
    }

    /** Sends the body to a BE (or to an address that runs loads itself) and acts on its answer. */
    private Mono<LoadResult> sendBody(Job job, URI target, int hops, int attempt, long started, URI frontend) {
        Duration responseTimeout = job.loadTimeout().plus(this.responseTimeoutMargin);
        return this.http
            .sendToBackend(target, job.headers(), job.batch().body().body(), job.batch().bodySize(), responseTimeout)
            .onErrorMap(LoadRunner::isTransport, (ex) -> transportFailure(ex).bodyMayHaveArrived().unanswered())
            .flatMap((answer) -> answer.isRedirect() ? toBackend(job, answer, hops + 1, attempt, started, frontend)
                    : classify(job, answer, attempt, started, frontend, target));
    }

    private Mono<LoadResult> classify(Job job, StreamLoadHttp.Answer answer, int attempt, long started, URI frontend,
            URI backend) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            return Mono.error(new StreamLoadException(StreamLoadException.Reason.AUTHENTICATION, job.table(),
                    job.label(), "HTTP " + status, abbreviate(answer.body()), attempt, List.of(), null));
        }
        if (status >= 500) {
            Transient failure = new Transient(RetryReason.SERVER_ERROR, null,
                    "HTTP " + status + " " + abbreviate(answer.body()));
            // After the body went out, whoever answered 5xx (a gateway in front of the BE) may have passed it on:
            // the label's state settles it before a resend, and on the last attempt.
            return Mono.error((backend != null) ? failure.bodyMayHaveArrived() : failure);
        }
        ServerAnswer parsed = ServerAnswer.parse(this.json, answer.body());
        if (parsed == null || parsed.status() == null) {
            return Mono.error(protocol(job, attempt,
                    "HTTP " + status + " with a body that is not a Stream Load answer: " + abbreviate(answer.body())));
        }
        String outcome = parsed.normalizedStatus();
        switch (outcome) {
            case "success":
                return received(job, parsed, LoadStatus.SUCCESS, attempt, started, frontend, backend);
            case "publish timeout":
                return received(job, parsed, LoadStatus.PUBLISH_TIMEOUT, attempt, started, frontend, backend);
            case "label already exists":
                return labelExists(job, parsed, attempt, started, frontend, backend);
            case "fail":
            case "failed":
                if (parsed.commitInDoubt()) {
                    // The commit may have happened: settled through the label before anything else, as after a
                    // lost answer.
                    return Mono.error(new Transient(RetryReason.SERVER_ERROR, null, parsed.message())
                        .bodyMayHaveArrived()
                        .unanswered());
                }
                if (isBusy(parsed.message())) {
                    return Mono.error(new Transient(RetryReason.SERVER_BUSY, null, parsed.message()));
                }
                if (isUnavailable(parsed.message())) {
                    return Mono.error(new Transient(RetryReason.SERVER_UNAVAILABLE, null, parsed.message()));
                }
                return rejected(job, parsed, attempt);
            default:
                return Mono.error(protocol(job, attempt, "unknown Status '" + parsed.status() + "': "
                        + abbreviate(answer.body())));
        }
    }

    /**
     * A committed answer, checked against what was sent: the server must have read the whole body (and, where the
     * client counted them, every row); rows it filtered are logged with the first lines of its error log.
     */
    private Mono<LoadResult> received(Job job, ServerAnswer parsed, LoadStatus status, int attempt, long started,
            URI frontend, URI backend) {
        String missing = parsed.missingBody(job.batch().bodySize(), job.batch().rows(), job.headers());
        if (missing != null) {
            return Mono.error(new StreamLoadException(StreamLoadException.Reason.BODY_NOT_RECEIVED, job.table(),
                    job.label(), parsed.status(), missing + " (" + parsed.message() + ")", attempt, List.of(), null));
        }
        LoadResult result = result(job, parsed, status, attempt, started, frontend, backend);
        if (parsed.filteredRows() <= 0) {
            return Mono.just(result);
        }
        Mono<List<String>> lines = (parsed.errorUrl() == null || parsed.errorUrl().isBlank()) ? Mono.just(List.of())
                : errorLog(parsed.errorUrl());
        return lines.map((rows) -> {
            logger.warn("Stream Load into '" + job.table() + "' (label " + job.label() + ") succeeded but the server"
                    + " filtered " + parsed.filteredRows() + " of " + parsed.totalRows() + " row(s) (max_filter_ratio"
                    + " allowed it); error log " + parsed.errorUrl()
                    + (rows.isEmpty() ? "" : ", first lines:\n  " + String.join("\n  ", rows)));
            return result;
        });
    }

    private Mono<LoadResult> labelExists(Job job, ServerAnswer parsed, int attempt, long started, URI frontend,
            URI backend) {
        String existing = (parsed.existingJobStatus() != null)
                ? parsed.existingJobStatus().trim().toUpperCase(Locale.ROOT) : "";
        if (existing.equals("FINISHED")) {
            return Mono.just(result(job, parsed, LoadStatus.ALREADY_LOADED, attempt, started, frontend, backend));
        }
        // RUNNING or not reported: the earlier attempt's fate decides; ask the FE until it is final, for at most one
        // load timeout from now (the earlier attempt may have started just now).
        long deadline = now() + job.loadTimeout().plus(this.responseTimeoutMargin).toNanos();
        return pollLabel(job, frontend, deadline)
            .onErrorMap((ex) -> !(ex instanceof Transient) && !(ex instanceof StreamLoadException),
                    (ex) -> protocol(job, attempt, "label look-up failed: " + ex.getMessage()))
            .flatMap((state) -> switch (state) {
            case "VISIBLE" -> Mono.just(result(job, parsed, LoadStatus.ALREADY_LOADED, attempt, started, frontend,
                    backend));
            case "COMMITTED" -> Mono.just(result(job, parsed, LoadStatus.PUBLISH_TIMEOUT, attempt, started,
                    frontend, backend));
            case "ABORTED", "UNKNOWN" -> Mono.error(new Transient(RetryReason.LABEL_ABORTED, null,
                    "the earlier load with this label ended " + state));
            default -> Mono.error(protocol(job, attempt, "unknown load state '" + state + "'"));
        });
    }

    /**
     * The clock of label-polling deadlines: the one of the scheduler that times the polls ({@code Mono.delay}), so
     * that a deadline and the waits it bounds are measured alike (virtual time in tests included).
     */
    private static long now() {
        return Schedulers.parallel().now(TimeUnit.NANOSECONDS);
    }

    /**
     * The state of a label ({@code get_load_state}), asked of the FEs in turn ({@link Frontends#inTurn}: those in
     * rotation first) until one can be reached, a follower's redirect to the leader followed as {@link #toLeader}
     * does. Loads poll through the same lookup;
     * this entry serves transactions and {@link StreamLoadTemplate#loadState}. An unexpected answer (5xx included)
     * fails with an {@link IllegalStateException}; the last transport failure is passed on as it is.
     */
    public Mono<String> labelState(String database, String label) {
        // get_load_state only reads: asking the next FE after any transport failure is safe.
        return this.frontends.inTurn((frontend) -> loadState(stateUrl(frontend, database, label), 0),
                LoadRunner::isTransport)
            .onErrorMap(Transient.class, (ex) -> new IllegalStateException(ex.getMessage(), ex));
    }

    private static URI stateUrl(URI frontend, String database, String label) {
        return URI.create(frontend + "/api/" + UriUtils.encodePathSegment(database, "UTF-8")
                + "/get_load_state?label=" + UriUtils.encodeQueryParam(label, "UTF-8"));
    }

    private Mono<String> pollLabel(Job job, URI frontend, long deadline) {
        return loadState(stateUrl(frontend, job.database(), job.label()), 0).onErrorMap(LoadRunner::isTransport, LoadRunner::transportFailure).flatMap((state) -> {
            if (state.equals("PREPARE") || state.equals("PREPARED")) {
                if (now() > deadline) {
                    return Mono.error(new Transient(RetryReason.TIMEOUT, null,
                            "label " + job.label() + " still " + state + " after the load timeout")
                        .bodyMayHaveArrived());
                }
                return Mono.delay(this.labelPollInterval).then(Mono.defer(() -> pollLabel(job, frontend, deadline)));
            }
            return Mono.just(state);
        });
    }

    private Mono<String> loadState(URI url, int hops) {
        return this.http.get(url, true, 64 * 1024).flatMap((answer) -> {
            if (answer.isRedirect() && answer.location() != null && hops < this.redirects.maxRedirects()) {
                return toLeader(url, this.redirects.toFrontend(url, url, answer.location()), hops + 1);
            }
            return stateOf(answer);
        });
    }

    /**
     * Follows a follower FE's redirect of {@code get_load_state} to the leader. The leader's address is the one the
     * cluster knows it by, which a client behind NAT or outside the containers may not reach (and the BE host rewrite
     * names a BE port, not an FE's). So: a Location that is a configured FE is followed as it is; otherwise the other
     * configured FEs are asked in turn (the leader answers itself, a follower redirects and is passed over); only when
     * none of them answers is the Location followed as it is.
     */
    private Mono<String> toLeader(URI follower, URI location, int hops) {
        List<URI> configured = this.frontends.urls();
        if (configured.stream().anyMatch((frontend) -> Frontends.sameOrigin(frontend, location))) {
            return loadState(location, hops);
        }
        String target = location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
        List<URI> others = configured.stream().filter((frontend) -> !Frontends.sameOrigin(frontend, follower)).toList();
        return askDirectly(others, target).switchIfEmpty(Mono.defer(() -> loadState(location, hops)));
    }

    /** The state from the first of these FEs that answers itself; empty when each redirects or cannot be reached. */
    private Mono<String> askDirectly(List<URI> frontends, String target) {
        if (frontends.isEmpty()) {
            return Mono.empty();
        }
        return this.http.get(URI.create(frontends.get(0) + target), true, 64 * 1024)
            .flatMap((answer) -> answer.isRedirect() ? Mono.<String>empty() : stateOf(answer))
            .onErrorResume(LoadRunner::isTransport, (ex) -> Mono.empty())
            .switchIfEmpty(Mono.defer(() -> askDirectly(frontends.subList(1, frontends.size()), target)));
    }

    private Mono<String> stateOf(StreamLoadHttp.Answer answer) {
        if (answer.status() == 401 || answer.status() == 403) {
            return Mono.error(new IllegalStateException("HTTP " + answer.status() + " from get_load_state"));
        }
        if (answer.status() >= 500) {
            return Mono.error(new Transient(RetryReason.SERVER_ERROR, null,
                    "HTTP " + answer.status() + " from get_load_state"));
        }
        try {
            JsonNode state = this.json.readTree(answer.body()).path("state");
            if (state.isTextual()) {
                return Mono.just(state.asText().trim().toUpperCase(Locale.ROOT));
            }
        }
        catch (IOException ex) {
            // Falls through to the protocol error below.
        }
        return Mono.error(new IllegalStateException(
                "Unexpected get_load_state answer: HTTP " + answer.status() + " " + abbreviate(answer.body())));
    }

    private Mono<LoadResult> rejected(Job job, ServerAnswer parsed, int attempt) {
        Mono<List<String>> rows = (parsed.errorUrl() == null || parsed.errorUrl().isBlank()) ? Mono.just(List.of())
                : errorLog(parsed.errorUrl());
        return rows.flatMap((lines) -> Mono.error(new StreamLoadException(StreamLoadException.Reason.REJECTED,
                job.table(), job.label(), parsed.status(), parsed.message(), attempt, lines, null)));
    }

    /** The first lines of the rejected-rows log; an unreachable log is reported inside the list, not thrown. */
    private Mono<List<String>> errorLog(String errorUrl) {
        URI url;
        try {
            url = this.redirects.rewrite(URI.create(errorUrl));
        }
        catch (IllegalArgumentException ex) {
            return Mono.just(List.of("(error log at an invalid URL: " + errorUrl + ")"));
        }
        return this.http.get(url, true, 32 * 1024).map((answer) -> {
            if (answer.status() != 200) {
                return List.of("(error log " + errorUrl + " answered HTTP " + answer.status() + ")");
            }
            List<String> lines = new ArrayList<>();
            for (String line : answer.body().split("\r?\n")) {
                if (!line.isBlank() && lines.size() < ERROR_LOG_LINES) {
                    lines.add(line);
                }
            }
            return lines;
        }).onErrorResume((ex) -> Mono.just(List.of("(error log " + errorUrl + " unavailable: " + ex + ")")));
    }

    private static LoadResult result(Job job, ServerAnswer answer, LoadStatus status, int attempt, long started,
            URI frontend, URI backend) {
        return new LoadResult(job.database(), job.table(), job.label(), answer.txnId(), status, answer.message(),
                answer.totalRows(), answer.loadedRows(), answer.filteredRows(), answer.unselectedRows(),
                answer.loadBytes(), answer.timings(), answer.errorUrl(), attempt,
                Duration.ofNanos(System.nanoTime() - started), frontend, backend);
    }

    static boolean isBusy(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("too many versions") || (text.contains("running txns") && text.contains("limit"))
                || text.contains("too many running txns");
    }

    /**
     * Refusals that come before a transaction begins and go away by themselves: the BE's HTTP workers are all busy
     * or it is shutting down ({@code StreamLoadAction::on_header}), the FE has no live BE ({@code LoadAction}).
     */
    static boolean isUnavailable(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("exceed http cuncurrent limit") || text.contains("exceed http concurrent limit")
                || text.contains("service is shutting down") || text.contains("no backend alive")
                || text.contains("no backend or compute node alive");
    }

    private static boolean isTransport(Throwable thrown) {
        Throwable failure = unwrap(thrown);
        return failure instanceof IOException || failure instanceof ChannelException
                || failure instanceof TimeoutException || failure instanceof PrematureCloseException
                || failure instanceof ReadTimeoutException;
    }

    /** WebClient wraps what the transport threw; classification looks at the transport's own exception. */
    private static Throwable unwrap(Throwable failure) {
        return (failure instanceof WebClientRequestException && failure.getCause() != null) ? failure.getCause()
                : failure;
    }

    private static Transient transportFailure(Throwable thrown) {
        Throwable failure = unwrap(thrown);
        boolean timeout = failure instanceof ReadTimeoutException || failure instanceof TimeoutException
                || failure instanceof java.net.SocketTimeoutException
                || failure instanceof io.netty.channel.ConnectTimeoutException;
        return new Transient(timeout ? RetryReason.TIMEOUT : RetryReason.CONNECTION, failure, String.valueOf(failure));
    }

    private static StreamLoadException protocol(Job job, int attempt, String detail) {
        return new StreamLoadException(StreamLoadException.Reason.PROTOCOL, job.table(), job.label(), null, detail,
                attempt, List.of(), null);
    }

    private static String abbreviate(String text) {
        return RowFields.abbreviate((text != null) ? text.strip() : "");
    }

    /** A failure worth another attempt with the same label. */
    static final class Transient extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final RetryReason reason;

        /** Whether the body may have reached a BE, so that the load may have committed. */
        boolean outcomeUncertain;

        Transient(RetryReason reason, Throwable cause, String message) {
            super((message != null) ? message : String.valueOf(cause), cause, false, false);
            this.reason = reason;
        }

        Transient bodyMayHaveArrived() {
            this.outcomeUncertain = true;
            return this;
        }

        /** No answer came: the attempt may still be running on a BE. */
        boolean noAnswer;

        Transient unanswered() {
            this.noAnswer = true;
            return this;
        }

        String serverStatus() {
            return (this.reason == RetryReason.SERVER_BUSY) ? "Fail" : null;
        }

    }

}
