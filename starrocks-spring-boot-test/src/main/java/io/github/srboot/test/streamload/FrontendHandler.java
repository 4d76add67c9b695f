package io.github.srboot.test.streamload;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a stub FE answers: health, load state, and a 307 redirect of every load to a BE, closing the connection
 * without reading the body.
 */
final class FrontendHandler implements StubEndpoint.Handler {

    static final Pattern STREAM_LOAD = Pattern.compile("^/api/([^/]+)/([^/]+)/_stream_load$");

    static final Pattern LOAD_STATE = Pattern.compile("^/api/([^/]+)/get_load_state$");

    static final Pattern TRANSACTION = Pattern.compile("^/api/transaction/(begin|load|prepare|commit|rollback)$");

    private final StreamLoadStubServer server;

    FrontendHandler(StreamLoadStubServer server) {
        this.server = server;
    }

    @Override
    public void handle(StubEndpoint endpoint, Exchange exchange) throws IOException {
        RequestHead head = exchange.head();
        String path = head.path();
        if (path.equals("/api/health")) {
            health(exchange);
            return;
        }
        Matcher streamLoad = STREAM_LOAD.matcher(path);
        if (streamLoad.matches()) {
            if (!head.method().equals("PUT")) {
                StubReplies.methodNotAllowed(exchange);
                return;
            }
            streamLoad(endpoint, exchange);
            return;
        }
        Matcher loadState = LOAD_STATE.matcher(path);
        if (loadState.matches()) {
            loadState(exchange, loadState.group(1));
            return;
        }
        Matcher transaction = TRANSACTION.matcher(path);
        if (transaction.matches()) {
            transaction(endpoint, exchange, transaction.group(1));
            return;
        }
        StubReplies.notFound(exchange);
    }

    private void health(Exchange exchange) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "OK");
        body.put("msg", "Success");
        body.put("total_backend_num", this.server.backends().size());
        body.put("online_backend_num", this.server.backends().stream().filter(StubEndpoint::isRunning).count());
        exchange.respondJson(200, body);
    }

    private void streamLoad(StubEndpoint endpoint, Exchange exchange) throws IOException {
        endpoint.countLoadRequest();
        Fault fault = this.server.faults().next(StubRole.FRONTEND, endpoint.port(), exchange.header("label"));
        if (fault instanceof Fault.Delay delay) {
            sleep(delay.duration());
        }
        else if (fault instanceof Fault.HttpStatus status) {
            injectedStatus(endpoint, exchange, status.status());
            return;
        }
        else if (fault instanceof Fault.ResetBeforeBody) {
            endpoint.countBodyBytes(exchange.unreadBytesAvailable());
            exchange.reset();
            return;
        }
        if (!this.server.authorized(exchange)) {
            unauthorized(endpoint, exchange);
            return;
        }
        if (!exchange.expectsContinue()) {
            // StarRocks reads nothing of such a request and answers 200 with an FE failure; the body is drained so
            // that the client, which is sending it, reads the answer instead of a reset.
            exchange.discardBody();
            exchange.closeAfterResponse();
            exchange.respondJson(200, feFailure("There is no 100-continue header"));
            return;
        }
        int port;
        if (fault instanceof Fault.RedirectToUnreachableBackend) {
            port = this.server.unreachablePort();
        }
        else {
            StubEndpoint backend = this.server.nextBackend();
            if (backend == null) {
                endpoint.countBodyBytes(exchange.unreadBytesAvailable());
                exchange.closeAfterResponse();
                exchange.respondJson(200, feFailure("No backend alive."));
                return;
            }
            port = backend.port();
        }
        redirect(endpoint, exchange, port);
    }

    private void transaction(StubEndpoint endpoint, Exchange exchange, String operation) throws IOException {
        String method = exchange.head().method();
        if (!method.equals("POST") && !method.equals("PUT")) {
            StubReplies.methodNotAllowed(exchange);
            return;
        }
        if (!this.server.authorized(exchange)) {
            unauthorized(endpoint, exchange);
            return;
        }
        String database = exchange.header("db");
        String label = exchange.header("label");
        if (database == null || database.isBlank()) {
            respondEarly(endpoint, exchange, feFailure("No database selected."));
            return;
        }
        if (label == null || label.isBlank()) {
            respondEarly(endpoint, exchange, feFailure("No label selected."));
            return;
        }
        int port;
        if (operation.equals("begin")) {
            LoadJob existing = this.server.job(database, label);
            if (existing != null && existing.state().holdsLabel()) {
                port = existing.backendPort;
            }
            else {
                StubEndpoint backend = this.server.nextBackend();
                if (backend == null) {
                    respondEarly(endpoint, exchange, feFailure("No backend alive."));
                    return;
                }
                port = backend.port();
            }
        }
        else {
            LoadJob job = this.server.job(database, label);
            if (job == null || !job.transactional) {
                respondEarly(endpoint, exchange, StubReplies.transactionNotExists(label));
                return;
            }
            port = job.backendPort;
        }
        redirect(endpoint, exchange, port);
    }

    private void loadState(Exchange exchange, String database) throws IOException {
        if (!this.server.authorized(exchange)) {
            exchange.respond(401, "application/json; charset=utf-8",
                    Json.write(Map.of("status", "FAILED", "msg", "Access denied")),
                    Map.of("WWW-Authenticate", "Basic realm=\"\""));
            return;
        }
        String label = exchange.head().query().get("label");
        Map<String, Object> body = new LinkedHashMap<>();
        if (label == null || label.isBlank()) {
            body.put("status", "FAILED");
            body.put("msg", "No label selected");
        }
        else if (!this.server.databaseExists(database)) {
            body.put("status", "FAILED");
            body.put("msg", "unknown database, database=" + database);
        }
        else {
            body.put("status", "OK");
            body.put("msg", "Success");
            body.put("state", this.server.loadState(database, label).name());
        }
        exchange.respondJson(200, body);
    }

    /**
     * 307 to the BE with the same path and query; then the FE closes without reading the body.
     */
    private void redirect(StubEndpoint endpoint, Exchange exchange, int backendPort) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        exchange.closeAfterResponse();
        exchange.respond(307, null, new byte[0],
                Map.of("Location", "http://127.0.0.1:" + backendPort + exchange.head().target()));
    }

    private void respondEarly(StubEndpoint endpoint, Exchange exchange, Object body) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        exchange.closeAfterResponse();
        exchange.respondJson(200, body);
    }

    private void unauthorized(StubEndpoint endpoint, Exchange exchange) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        StubReplies.unauthorized(exchange);
    }

    private static void injectedStatus(StubEndpoint endpoint, Exchange exchange, int status) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        StubReplies.injectedStatus(exchange, status);
    }

    private static Map<String, Object> feFailure(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", "FAILED");
        body.put("Message", message);
        return body;
    }

    static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Stub stopped during an injected delay", ex);
        }
    }

}
