package io.github.srboot.test.streamload;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the stub injects into one load request (Stream Load PUT or transaction load) at the FE or the BE.
 *
 * <p>Script faults with {@link StubFaults}. Which faults make sense where: {@link #appliesToFrontend()},
 * {@link #appliesToBackend()}.
 */
public sealed interface Fault {

    /**
     * Answers with this HTTP status (5xx) before reading the body, then closes the connection. Nothing is loaded.
     */
    static Fault httpStatus(int status) {
        return new HttpStatus(status);
    }

    /**
     * Resets the connection (TCP RST) right after the request headers, before reading the body. Nothing is loaded.
     */
    static Fault resetBeforeBody() {
        return new ResetBeforeBody();
    }

    /**
     * Reads the whole body, then resets the connection without loading anything (BE only).
     */
    static Fault resetAfterBody() {
        return new ResetAfterBody();
    }

    /**
     * Waits this long before handling the request (a slow FE or BE).
     */
    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Loads and commits the data, then never answers: the connection stays open and silent until the client gives up
     * (BE only). The client sees a timeout but the data is in.
     */
    static Fault responseLostAfterCommit() {
        return new ResponseLostAfterCommit();
    }

    /**
     * Loads and commits the data and answers {@code Publish Timeout} (BE only). The data is in the table at once;
     * {@code get_load_state} says COMMITTED for a second, then VISIBLE.
     */
    static Fault publishTimeout() {
        return new PublishTimeout(Duration.ofSeconds(1));
    }

    /**
     * Like {@link #publishTimeout()}, with the time after which {@code get_load_state} says VISIBLE.
     */
    static Fault publishTimeout(Duration visibleAfter) {
        return new PublishTimeout(visibleAfter);
    }

    /**
     * Reads the body and answers {@code Fail} with StarRocks' "too many versions" message; nothing is loaded (BE only).
     */
    static Fault tooManyVersions() {
        return new LoadFailure("Failed to load data into tablet 10086, because of too many versions, current/limit: "
                + "1001/1000. You can reduce the loading job concurrency, or increase loading data batch size.");
    }

    /**
     * Answers {@code Fail} with StarRocks' "current running txns ... larger than limit" message; nothing is loaded
     * (BE only).
     */
    static Fault tooManyRunningTransactions() {
        return new LoadFailure("current running txns on db 10001 is 1000, larger than limit 1000");
    }

    /**
     * Answers {@code Fail} with the given message; nothing is loaded (BE only).
     */
    static Fault loadFailure(String message) {
        return new LoadFailure(message);
    }

    /**
     * Redirects the load to a BE address where nothing listens (FE only).
     */
    static Fault redirectToUnreachableBackend() {
        return new RedirectToUnreachableBackend();
    }

    /**
     * The BE refuses the load from its header handler because its HTTP workers are all busy: {@code Fail} with
     * {@code Stream Load exceed http cuncurrent limit N, please try again later} (StarRocks' text, typo included,
     * {@code be/src/http/action/stream_load.cpp}), {@code TxnId -1}, before any body is read; the connection is
     * closed (BE only). Nothing is loaded and no transaction begins.
     */
    static Fault httpConcurrencyLimit() {
        return new EarlyRefusal(StubReplies.HTTP_CONCURRENCY_LIMIT);
    }

    /**
     * The BE refuses the load from its header handler because it is shutting down: {@code Fail} with
     * {@code Service is shutting down, please retry later!}, {@code TxnId -1}, before any body is read; the
     * connection is closed (BE only). Nothing is loaded and no transaction begins.
     */
    static Fault shuttingDown() {
        return new EarlyRefusal(StubReplies.SHUTTING_DOWN);
    }

    /**
     * The FE finds no live BE: HTTP 200 {@code {"Status":"FAILED","Message":"class com.starrocks.common.DdlException:
     * No backend alive."}} instead of the redirect (FE only, {@code LoadAction.processNormalStreamLoad}).
     */
    static Fault noBackendAlive() {
        return new NoBackendAlive();
    }

    /**
     * The FE commits the transaction but its answer to the BE's commit RPC is lost: the BE answers with StarRocks'
     * "Transaction status unknown, you can retry with same label" ({@code StreamLoadExecutor::commit_txn} in
     * {@code be/src/runtime/stream_load/stream_load_executor.cpp}: a thrift RPC error becomes
     * {@code Status::ServiceUnavailable}), as {@code Fail} for a Stream Load and as {@code SERVICE_UNAVAILABLE} for a
     * transaction commit, while the label is in fact VISIBLE (BE only; loads and transaction commits).
     */
    static Fault commitStatusUnknown() {
        return new CommitStatusUnknown();
    }

    /**
     * Whether the FE can inject this fault.
     */
    default boolean appliesToFrontend() {
        return this instanceof HttpStatus || this instanceof ResetBeforeBody || this instanceof Delay
                || this instanceof RedirectToUnreachableBackend || this instanceof NoBackendAlive;
    }

    /**
     * Whether the BE can inject this fault.
     */
    default boolean appliesToBackend() {
        return !(this instanceof RedirectToUnreachableBackend || this instanceof NoBackendAlive);
    }

    /**
     * Answer with an HTTP error status.
     * @param status the status, 500 to 599
     */
    record HttpStatus(int status) implements Fault {
        public HttpStatus {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("A fault status must be 5xx, got " + status);
            }
        }
    }

    /** Connection reset before the body is read. */
    record ResetBeforeBody() implements Fault {
    }

    /** Connection reset after the body was read, nothing loaded. */
    record ResetAfterBody() implements Fault {
    }

    /**
     * A slow FE or BE.
     * @param duration how long to wait before handling the request
     */
    record Delay(Duration duration) implements Fault {
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("A delay cannot be negative, got " + duration);
            }
        }
    }

    /** The load commits but its response never comes. */
    record ResponseLostAfterCommit() implements Fault {
    }

    /**
     * The load commits and answers {@code Publish Timeout}.
     * @param visibleAfter how long the load state stays COMMITTED before it turns VISIBLE
     */
    record PublishTimeout(Duration visibleAfter) implements Fault {
        public PublishTimeout {
            Objects.requireNonNull(visibleAfter, "visibleAfter");
            if (visibleAfter.isNegative()) {
                throw new IllegalArgumentException("visibleAfter cannot be negative, got " + visibleAfter);
            }
        }
    }

    /**
     * The load answers {@code Fail} with this message.
     * @param message the StarRocks message
     */
    record LoadFailure(String message) implements Fault {
        public LoadFailure {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The FE redirects to a BE address where nothing listens. */
    record RedirectToUnreachableBackend() implements Fault {
    }

    /**
     * The BE answers {@code Fail} from its header handler, before the transaction and before any body.
     * @param message StarRocks' message
     */
    record EarlyRefusal(String message) implements Fault {
        public EarlyRefusal {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The FE finds no live BE to redirect to. */
    record NoBackendAlive() implements Fault {
    }

    /** The load commits but the BE lost the FE's answer to its commit RPC and says the status is unknown. */
    record CommitStatusUnknown() implements Fault {
    }

}
