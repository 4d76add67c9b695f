package io.github.srboot.test.streamload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers that the stub FE and BE give alike: refused credentials, wrong methods, unknown paths and the
 * transaction status bodies.
 */
final class StubReplies {

    /**
     * The BE's refusal when its HTTP workers are busy ({@code be/src/http/action/stream_load.cpp}, {@code on_header};
     * the number is {@code be_http_num_workers - 1} with the default 48 workers; "cuncurrent" is StarRocks' spelling).
     */
    static final String HTTP_CONCURRENCY_LIMIT = "Stream Load exceed http cuncurrent limit 47, please try again later";

    /** The BE's refusal while its process exits ({@code _on_header}, before the transaction begins). */
    static final String SHUTTING_DOWN = "Service is shutting down, please retry later!";

    /** The BE's answer to a load without a parsable Basic {@code Authorization} header ({@code _on_header}). */
    static final String NO_BASIC_AUTHORIZATION = "no valid Basic authorization";

    /** The FE's message for a request without a parsable Basic {@code Authorization} header ({@code BaseAction}). */
    static final String NEED_AUTH_INFORMATION = "Need auth information.";

    private StubReplies() {
    }

    /**
     * StarRocks' message for a user/password it does not accept ({@code BaseAction.checkPassword},
     * {@code FrontendServiceImpl.checkPasswordAndLoadPriv}); the stub's clients connect from loopback.
     */
    static String accessDenied(String user) {
        return "Access denied for " + user + "@127.0.0.1";
    }

    /**
     * How an FE REST action answers a refused login: 401 with a Basic challenge and a {@code RestBaseResult} body
     * ({@code status}, {@code code}, {@code msg}, {@code message}); the connection is closed after it.
     */
    static void feUnauthorized(Exchange exchange, String message) throws IOException {
        exchange.closeAfterResponse();
        exchange.respond(401, "application/json; charset=utf-8", Json.write(restFailure(message)),
                Map.of("WWW-Authenticate", "Basic realm=\"\""));
    }

    /**
     * A failed {@code RestBaseResult}: {@code {"status":"FAILED","code":"1","msg":...,"message":...}}.
     */
    static Map<String, Object> restFailure(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "FAILED");
        body.put("code", "1");
        body.put("msg", message);
        body.put("message", message);
        return body;
    }

    /**
     * What {@code LoadAction} answers (HTTP 200) when it throws a {@code DdlException}: a {@code TransactionResult}
     * whose message carries the exception's class ({@code resp.msg = e.getClass() + ": " + e.getMessage()}).
     */
    static Map<String, Object> loadActionFailure(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", "FAILED");
        body.put("Message", "class com.starrocks.common.DdlException: " + message);
        return body;
    }

    /**
     * 401 with a Basic challenge; the connection is closed after it.
     */
    static void unauthorized(Exchange exchange) throws IOException {
        exchange.closeAfterResponse();
        exchange.respond(401, "application/json; charset=utf-8",
                Json.write(Map.of("status", "FAILED", "msg", "Access denied: wrong user or password")),
                Map.of("WWW-Authenticate", "Basic realm=\"\""));
    }

    /**
     * The status a test injected, with a plain-text body naming it; the connection is closed after it.
     */
    static void injectedStatus(Exchange exchange, int status) throws IOException {
        exchange.closeAfterResponse();
        exchange.respond(status, "text/plain; charset=utf-8",
                ("Injected fault: HTTP " + status).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static void methodNotAllowed(Exchange exchange) throws IOException {
        exchange.closeAfterResponse();
        exchange.respondJson(405, Map.of("status", "FAILED", "msg", "Method " + exchange.head().method()
                + " is not allowed on " + exchange.head().path()));
    }

    static void notFound(Exchange exchange) throws IOException {
        exchange.respondJson(404, Map.of("status", "FAILED", "msg", "Not found: " + exchange.head().path()));
    }

    /**
     * A transaction answer body: {@code TxnId}, {@code Label}, {@code Status} and {@code Message}, in that order;
     * mutable so that callers can add fields.
     */
    static Map<String, Object> transactionStatus(long txnId, String label, String status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TxnId", txnId);
        body.put("Label", label);
        body.put("Status", status);
        body.put("Message", message);
        return body;
    }

    /**
     * The message of a commit whose FE answer was lost ({@code StreamLoadExecutor::commit_txn},
     * {@code be/src/runtime/stream_load/stream_load_executor.cpp}); the cause is the thrift error's text.
     */
    static String commitStatusUnknown() {
        return "Commit transaction fail cause THRIFT_RPC_ERROR: Couldn't get a client for FE, Transaction status"
                + " unknown, you can retry with same label.";
    }

    /**
     * What StarRocks answers for an operation on a label that names no transaction.
     */
    static Map<String, Object> transactionNotExists(String label) {
        return transactionStatus(-1, label, "TXN_NOT_EXISTS", "Transaction with label [" + label + "] does not exist");
    }

}
