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

    private StubReplies() {
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
     * What StarRocks answers for an operation on a label that names no transaction.
     */
    static Map<String, Object> transactionNotExists(String label) {
        return transactionStatus(-1, label, "TXN_NOT_EXISTS", "Transaction with label [" + label + "] does not exist");
    }

}
