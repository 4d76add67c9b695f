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
            loadState(endpoint, exchange, loadState.group(1));
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

    /**
     * {@code LoadAction}: password first ({@code RestBaseAction.execute}, 401), then the {@code Expect} check (HTTP/1.1
     * and later only), the leader redirect of merge-commit loads, then the 307 to a BE.
     */
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
        String loginProblem = this.server.frontendLoginProblem(exchange);
        if (loginProblem != null) {
            unauthorized(endpoint, exchange, loginProblem);
            return;
        }
        if (!exchange.expectsContinue() && !exchange.head().version().equals("HTTP/1.0")) {
            // StarRocks answers 200 with an FE failure; the FE (Netty) has taken in whatever body came along, so
            // the stub drains it too and the client reads the answer rather than a reset.
            exchange.discardBody();
            exchange.closeAfterResponse();
            exchange.respondJson(200, StubReplies.loadActionFailure("There is no 100-continue header"));
            return;
        }
        if ("true".equalsIgnoreCase(exchange.header("enable_merge_commit")) && redirectToLeader(endpoint, exchange)) {
            return;
        }
        int port;
        if (fault instanceof Fault.RedirectToUnreachableBackend) {
            port = this.server.unreachablePort();
        }
        else {
            StubEndpoint backend = (fault instanceof Fault.NoBackendAlive) ? null : this.server.nextBackend();
            if (backend == null) {
                respondEarly(endpoint, exchange, StubReplies.loadActionFailure("No backend alive."));
                return;
            }
            port = backend.port();
        }
        redirect(endpoint, exchange, "127.0.0.1", port);
    }

    /**
     * {@code RestBaseAction.redirectToLeader}: on a follower, a 307 to the leader FE with the same path and query.
     * @return whether the request was redirected
     */
    private boolean redirectToLeader(StubEndpoint endpoint, Exchange exchange) throws IOException {
        StubEndpoint leader = this.server.leaderFrontend();
        if (leader == null || leader == endpoint) {
            return false;
        }
        int port = this.server.leaderUnreachable() ? this.server.unreachablePort() : leader.port();
        redirect(endpoint, exchange, "127.0.0.1", port);
        return true;
    }

    private void transaction(StubEndpoint endpoint, Exchange exchange, String operation) throws IOException {
        String method = exchange.head().method();
        if (!method.equals("POST") && !method.equals("PUT")) {
            StubReplies.methodNotAllowed(exchange);
            return;
        }
        String loginProblem = this.server.frontendLoginProblem(exchange);
        if (loginProblem != null) {
            unauthorized(endpoint, exchange, loginProblem);
            return;
        }
        if (redirectToLeader(endpoint, exchange)) {
            return;
        }
        String database = exchange.header("db");
        String label = exchange.header("label");
        if (database == null || database.isBlank()) {
            respondEarly(endpoint, exchange, Map.of("Status", "FAILED", "Message", "No database selected."));
            return;
        }
        if (label == null || label.isBlank()) {
            respondEarly(endpoint, exchange, Map.of("Status", "FAILED", "Message", "No label selected."));
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
                    respondEarly(endpoint, exchange, StubReplies.loadActionFailure("No backend alive."));
                    return;
                }
                port = backend.port();
            }
        }
        else {
            LoadJob job = this.server.job(database, label);
            if (job == null || !job.transactional) {
                // TransactionLoadAction: an exception's class and message, Status FAILED (corpus CASE_046)
                respondEarly(endpoint, exchange, Map.of("Status", "FAILED", "Message",
                        "class com.starrocks.common.StarRocksException: No transaction found with db[" + database
                                + "] and label[" + label + "]"));
                return;
            }
            port = job.backendPort;
        }
        redirect(endpoint, exchange, "127.0.0.1", port);
    }

    /**
     * {@code GetStreamLoadState}: password (401), the leader redirect on a follower, then the label's state as a
     * {@code RestBaseResult} with {@code state}.
     */
    private void loadState(StubEndpoint endpoint, Exchange exchange, String database) throws IOException {
        endpoint.countLoadStateRequest();
        String loginProblem = this.server.frontendLoginProblem(exchange);
        if (loginProblem != null) {
            unauthorized(endpoint, exchange, loginProblem);
            return;
        }
        if (redirectToLeader(endpoint, exchange)) {
            return;
        }
        String label = exchange.head().query().get("label");
        if (label == null || label.isBlank()) {
            exchange.respondJson(200, StubReplies.restFailure("No label selected."));
        }
        else if (!this.server.databaseExists(database)) {
            exchange.respondJson(200, StubReplies.restFailure("unknown database, database=" + database));
        }
        else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", this.server.loadState(database, label).name());
            body.put("status", "OK");
            body.put("code", "0");
            body.put("msg", "Success");
            body.put("message", "OK");
            exchange.respondJson(200, body);
        }
    }

    /**
     * 307 to another node with the same path and query; then the FE closes without reading the body.
     */
    private void redirect(StubEndpoint endpoint, Exchange exchange, String host, int port) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        exchange.closeAfterResponse();
        exchange.respond(307, null, new byte[0],
                Map.of("Location", "http://" + host + ":" + port + exchange.head().target()));
    }

    private void respondEarly(StubEndpoint endpoint, Exchange exchange, Object body) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        exchange.closeAfterResponse();
        exchange.respondJson(200, body);
    }

    private void unauthorized(StubEndpoint endpoint, Exchange exchange, String message) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        StubReplies.feUnauthorized(exchange, message);
    }

    private static void injectedStatus(StubEndpoint endpoint, Exchange exchange, int status) throws IOException {
        endpoint.countBodyBytes(exchange.unreadBytesAvailable());
        StubReplies.injectedStatus(exchange, status);
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
