package io.github.srboot.test.streamload;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a stub BE answers: executes Stream Loads and transaction operations, serves error logs and health.
 */
final class BackendHandler implements StubEndpoint.Handler {

    private static final Pattern LABEL = Pattern.compile("[0-9A-Za-z_-]{1,128}");

    private final StreamLoadStubServer server;

    BackendHandler(StreamLoadStubServer server) {
        this.server = server;
    }

    @Override
    public void handle(StubEndpoint endpoint, Exchange exchange) throws IOException {
        RequestHead head = exchange.head();
        String path = head.path();
        if (path.equals("/api/health")) {
            exchange.respondJson(200, Map.of("status", "OK", "msg", "To Be Added"));
            return;
        }
        if (path.equals("/api/_load_error_log")) {
            errorLog(exchange);
            return;
        }
        Matcher streamLoad = FrontendHandler.STREAM_LOAD.matcher(path);
        if (streamLoad.matches()) {
            if (!head.method().equals("PUT")) {
                StubReplies.methodNotAllowed(exchange);
                return;
            }
            streamLoad(endpoint, exchange, streamLoad.group(1), streamLoad.group(2));
            return;
        }
        Matcher transaction = FrontendHandler.TRANSACTION.matcher(path);
        if (transaction.matches()) {
            String method = head.method();
            if (!method.equals("POST") && !method.equals("PUT")) {
                StubReplies.methodNotAllowed(exchange);
                return;
            }
            if (!this.server.authorized(exchange)) {
                StubReplies.unauthorized(exchange);
                return;
            }
            switch (transaction.group(1)) {
                case "begin" -> begin(endpoint, exchange);
                case "load" -> transactionLoad(endpoint, exchange);
                case "prepare" -> prepare(exchange);
                case "commit" -> commit(endpoint, exchange);
                default -> rollback(exchange);
            }
            return;
        }
        StubReplies.notFound(exchange);
    }

    private void errorLog(Exchange exchange) throws IOException {
        String file = exchange.head().query().get("file");
        String log = (file != null) ? this.server.errorLog(file) : null;
        if (log == null) {
            exchange.respond(404, "text/plain; charset=utf-8",
                    ("No error log '" + file + "'").getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        exchange.respond(200, "text/plain; charset=utf-8", log.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    // ---- Stream Load ----

    /**
     * The header phase of StarRocks' {@code StreamLoadAction::on_header}: every refusal here is answered before any
     * body byte is read, and the connection is closed. In StarRocks' order: the HTTP concurrency limit, the Basic
     * credentials' form, the data headers, shutting down, the transaction begin at the FE (password, database,
     * table, label) and the plan (columns, partial update, merge condition), which aborts the transaction.
     */
    private void streamLoad(StubEndpoint endpoint, Exchange exchange, String database, String tableName)
            throws IOException {
        endpoint.countLoadRequest();
        long started = System.nanoTime();
        String label = exchange.header("label");
        Fault fault = this.server.faults().next(StubRole.BACKEND, endpoint.port(), label);
        if (fault instanceof Fault.Delay delay) {
            FrontendHandler.sleep(delay.duration());
        }
        else if (fault instanceof Fault.HttpStatus status) {
            StubReplies.injectedStatus(exchange, status.status());
            return;
        }
        else if (fault instanceof Fault.ResetBeforeBody) {
            exchange.reset();
            return;
        }
        if (label == null || label.isBlank()) {
            label = UUID.randomUUID().toString();
        }
        LoadResponse response = new LoadResponse(label);
        if (fault instanceof Fault.EarlyRefusal refusal
                && refusal.message().equals(StubReplies.HTTP_CONCURRENCY_LIMIT)) {
            respondEarly(exchange, response.fail(refusal.message()));
            return;
        }
        String user = StreamLoadStubServer.basicUser(exchange);
        if (user == null) {
            respondEarly(exchange, response.fail(StubReplies.NO_BASIC_AUTHORIZATION));
            return;
        }
        LoadOptions options;
        try {
            checkMergeCommitFlag(exchange.header("enable_merge_commit"));
            options = LoadOptions.parse(exchange::header);
            checkJsonSize(exchange, options);
        }
        catch (LoadFailedException ex) {
            respondEarly(exchange, response.fail(ex.getMessage()));
            return;
        }
        // A merge commit load joins a transaction the server names (merge_commit_<uuid>); its own label is only
        // the request's id (StreamLoadContext: batch_write_label and label).
        String transactionLabel = label;
        if ("true".equalsIgnoreCase(exchange.header("enable_merge_commit"))) {
            transactionLabel = "merge_commit_" + UUID.randomUUID();
            response.mergeCommit(transactionLabel, database, tableName);
        }
        if (fault instanceof Fault.EarlyRefusal refusal) {
            respondEarly(exchange, response.fail(refusal.message()));
            return;
        }
        if (!this.server.authorized(exchange)) {
            respondEarly(exchange, response.fail(StubReplies.accessDenied(user)));
            return;
        }
        TableContents table;
        try {
            if (!LABEL.matcher(label).matches()) {
                throw new LoadFailedException("Invalid label format: '" + label
                        + "'; a label has 1 to 128 characters out of [0-9A-Za-z_-]");
            }
            table = resolveTable(database, tableName);
        }
        catch (LoadFailedException ex) {
            respondEarly(exchange, response.fail(ex.getMessage()));
            return;
        }
        LoadJob[] conflict = new LoadJob[1];
        LoadJob job = this.server.begin(database, transactionLabel, table, false, endpoint.port(), conflict);
        if (job == null) {
            respondEarly(exchange, response.labelAlreadyExists(conflict[0]));
            return;
        }
        response.txnId(job.txnId);
        LoadPlan plan;
        try {
            plan = new LoadPlan(table.table(), options);
        }
        catch (LoadFailedException ex) {
            job.state(LoadState.ABORTED);
            respondEarly(exchange, response.fail(ex.getMessage()));
            return;
        }
        long planned = System.nanoTime();
        try {
            execute(endpoint, exchange, job, table, options, plan, response, fault, started, planned);
        }
        catch (RuntimeException ex) {
            // a stub defect must not leave the label held by a load that will never finish
            if (job.state() == LoadState.PREPARE) {
                job.state(LoadState.ABORTED);
            }
            throw ex;
        }
    }

    private void execute(StubEndpoint endpoint, Exchange exchange, LoadJob job, TableContents table,
            LoadOptions options, LoadPlan plan, LoadResponse response, Fault fault, long started, long planned)
            throws IOException {
        ParsedBody parsed;
        BodyInputStream body = null;
        try {
            body = exchange.body();
            parsed = parse(body, options, plan);
            body.discard();
        }
        catch (LoadFailedException ex) {
            job.state(LoadState.ABORTED);
            if (body == null) {
                respondEarly(exchange, response.fail(ex.getMessage()));
            }
            else {
                discardQuietly(body);
                response.bytes(body.bytesRead());
                exchange.respondJson(200, response.fail(ex.getMessage()));
            }
            return;
        }
        catch (SocketException ex) {
            job.state(LoadState.ABORTED);
            throw ex;
        }
        catch (IOException ex) {
            // a body that does not decode as declared: the client is still connected, tell it why
            job.state(LoadState.ABORTED);
            if (body == null) {
                throw ex;
            }
            discardQuietly(body);
            response.bytes(body.bytesRead());
            exchange.respondJson(200, response.fail("Failed to read the load body: " + ex.getMessage()));
            return;
        }
        long read = System.nanoTime();
        long bytes = body.bytesRead();
        response.bytes(bytes).rows(parsed.totalRows(), parsed.acceptedCount(), parsed.filteredRows())
            .timings(started, planned, read);
        if (fault instanceof Fault.ResetAfterBody) {
            job.state(LoadState.ABORTED);
            exchange.reset();
            return;
        }
        publishErrorLog(endpoint, job, parsed, response);
        if (fault instanceof Fault.LoadFailure failure) {
            job.state(LoadState.ABORTED);
            exchange.respondJson(200, response.fail(failure.message()));
            return;
        }
        if (tooManyFiltered(parsed, options)) {
            job.state(LoadState.ABORTED);
            exchange.respondJson(200, response.fail("too many filtered rows"));
            return;
        }
        commit(table, parsed, plan, bytes);
        boolean publishTimeout = fault instanceof Fault.PublishTimeout;
        if (fault instanceof Fault.PublishTimeout late) {
            job.committedUntilPublished(late.visibleAfter());
        }
        else {
            job.state(LoadState.VISIBLE);
        }
        this.server.countCommit();
        response.committed(System.nanoTime());
        if (fault instanceof Fault.ResponseLostAfterCommit) {
            exchange.holdSilently();
            return;
        }
        if (fault instanceof Fault.CommitStatusUnknown) {
            exchange.respondJson(200, response.fail(StubReplies.commitStatusUnknown()));
            return;
        }
        exchange.respondJson(200, publishTimeout ? response.publishTimeout() : response.success());
    }

    /**
     * Keeps the rejected rows of a load as an error log on this BE and points the answer's {@code ErrorURL} at it.
     */
    private void publishErrorLog(StubEndpoint endpoint, LoadJob job, ParsedBody parsed, LoadResponse response) {
        if (parsed.filteredRows() > 0) {
            String file = this.server.storeErrorLog(job.txnId, parsed.errors());
            response.errorUrl("http://127.0.0.1:" + endpoint.port() + "/api/_load_error_log?file=" + file);
        }
    }

    private TableContents resolveTable(String database, String tableName) throws LoadFailedException {
        if (!this.server.databaseExists(database)) {
            throw new LoadFailedException("unknown database, database=" + database);
        }
        TableContents table = this.server.findTable(database, tableName);
        if (table == null) {
            throw new LoadFailedException("unknown table \"" + database + "." + tableName + "\"");
        }
        return table;
    }

    /**
     * {@code _on_header}: a merge-commit flag that is not a boolean is refused with StarRocks' text.
     */
    private static void checkMergeCommitFlag(String value) throws LoadFailedException {
        if (value != null && !value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new LoadFailedException("Invalid parameter enable_merge_commit. The value must be bool type, but is "
                    + value);
        }
    }

    private static void checkJsonSize(Exchange exchange, LoadOptions options) throws LoadFailedException {
        String contentLength = exchange.header("content-length");
        if (options.json() && !options.ignoreJsonSize() && contentLength != null) {
            try {
                long length = Long.parseLong(contentLength.trim());
                if (length > LoadOptions.MAX_JSON_BYTES) {
                    // StarRocks' text, spacing included (be/src/http/action/stream_load.cpp, _on_header)
                    throw new LoadFailedException("The size of this batch exceed the max size ["
                            + LoadOptions.MAX_JSON_BYTES + "]  of json type data  data [ " + length + " ]. Set "
                            + "ignore_json_size to skip the check, although it may lead huge memory consuming.");
                }
            }
            catch (NumberFormatException ex) {
                // malformed lengths are refused when the body is framed
            }
        }
    }

    private ParsedBody parse(BodyInputStream body, LoadOptions options, LoadPlan plan)
            throws IOException, LoadFailedException {
        InputStream data = Decompression.wrap(body, options.compression());
        return this.server.storesRows() ? BodyParser.parse(data, options, plan) : BodyParser.count(data, options);
    }

    private static boolean tooManyFiltered(ParsedBody parsed, LoadOptions options) {
        long total = parsed.totalRows();
        return total > 0 && parsed.filteredRows() > 0
                && (double) parsed.filteredRows() / total > options.maxFilterRatio();
    }

    private static void commit(TableContents table, ParsedBody parsed, LoadPlan plan, long bytes) {
        if (table.storesRows()) {
            table.apply(parsed.accepted(), plan.mergeCondition(), bytes);
        }
        else {
            table.count(parsed.acceptedCount(), bytes);
        }
    }

    // ---- Transaction Stream Load ----

    private void begin(StubEndpoint endpoint, Exchange exchange) throws IOException {
        String database = exchange.header("db");
        String label = exchange.header("label");
        String tableName = exchange.header("table");
        if (database == null || label == null || tableName == null) {
            respondEarly(exchange, txnFailure(-1, label, "begin needs the headers db, table and label"));
            return;
        }
        if (!LABEL.matcher(label).matches()) {
            respondEarly(exchange, txnFailure(-1, label, "Invalid label format: '" + label + "'"));
            return;
        }
        TableContents table;
        try {
            table = resolveTable(database, tableName);
        }
        catch (LoadFailedException ex) {
            respondEarly(exchange, txnFailure(-1, label, ex.getMessage()));
            return;
        }
        LoadJob[] conflict = new LoadJob[1];
        LoadJob job = this.server.begin(database, label, table, true, endpoint.port(), conflict);
        if (job == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("TxnId", conflict[0].txnId);
            body.put("Label", label);
            body.put("Status", "LABEL_ALREADY_EXISTS");
            body.put("ExistingJobStatus", conflict[0].state().existingJobStatus());
            body.put("Message", "Label [" + label + "] has already been used.");
            respondEarly(exchange, body);
            return;
        }
        Map<String, Object> body = StubReplies.transactionStatus(job.txnId, label, "OK", "");
        body.put("BeginTxnTimeMs", 0);
        respondEarly(exchange, body);
    }

    private void transactionLoad(StubEndpoint endpoint, Exchange exchange) throws IOException {
        endpoint.countLoadRequest();
        long started = System.nanoTime();
        // Transaction loads consume faults too (StubFaults' contract): those that come before, instead of or after
        // loading. The others have no transaction-load form here and are not drawn for it.
        Fault fault = this.server.faults().next(StubRole.BACKEND, endpoint.port(), exchange.header("label"),
                StubFaults::appliesToTransactionLoad);
        if (fault instanceof Fault.Delay delay) {
            FrontendHandler.sleep(delay.duration());
        }
        else if (fault instanceof Fault.HttpStatus status) {
            StubReplies.injectedStatus(exchange, status.status());
            return;
        }
        else if (fault instanceof Fault.ResetBeforeBody) {
            exchange.reset();
            return;
        }
        else if (fault instanceof Fault.ResetAfterBody) {
            discardQuietly(exchange.body());
            exchange.reset();
            return;
        }
        boolean answerLost = fault instanceof Fault.ResponseLostAfterCommit;
        onClaimedTransaction(exchange, (job) -> {
            Map<String, Object> answer = loadIntoTransaction(endpoint, exchange, job, started);
            // the rows are in the transaction; the answer never comes
            return (answerLost && "OK".equals(answer.get("Status"))) ? null : answer;
        });
    }

    private Map<String, Object> loadIntoTransaction(StubEndpoint endpoint, Exchange exchange, LoadJob job,
            long started) throws IOException {
        if (job.state() != LoadState.PREPARE && job.state() != LoadState.PREPARED) {
            // the BE drops its context of a transaction once committed, rolled back or failed (corpus CASE_044,
            // CASE_045, CASE_050: TXN_NOT_EXISTS)
            return StubReplies.transactionNotExists(job.label);
        }
        if (job.state() != LoadState.PREPARE) {
            return txnFailure(job.txnId, job.label, "Transaction [" + job.label + "] is " + job.state()
                    + " and takes no more data");
        }
        String tableName = exchange.header("table");
        if (tableName != null && !tableName.equalsIgnoreCase(job.table.table().name())) {
            return txnFailure(job.txnId, job.label, "Transaction [" + job.label + "] loads table "
                    + job.table.table().name() + ", not " + tableName);
        }
        LoadResponse response = new LoadResponse(job.label).txnId(job.txnId);
        LoadOptions options;
        LoadPlan plan;
        try {
            options = LoadOptions.parse(exchange::header);
            plan = new LoadPlan(job.table.table(), options);
        }
        catch (LoadFailedException ex) {
            // a plan the FE refuses is an analysis error and ends the transaction (corpus CASE_047, CASE_050)
            job.rollback();
            return StubReplies.transactionStatus(job.txnId, job.label, "ANALYSIS_ERROR", ex.getMessage());
        }
        long planned = System.nanoTime();
        BodyInputStream body = exchange.body();
        ParsedBody parsed;
        try {
            parsed = parse(body, options, plan);
            body.discard();
        }
        catch (LoadFailedException ex) {
            discardQuietly(body);
            return txnFailure(job.txnId, job.label, ex.getMessage());
        }
        response.bytes(body.bytesRead()).rows(parsed.totalRows(), parsed.acceptedCount(), parsed.filteredRows())
            .timings(started, planned, System.nanoTime());
        publishErrorLog(endpoint, job, parsed, response);
        if (tooManyFiltered(parsed, options)) {
            Map<String, Object> failed = response.fail("too many filtered rows");
            failed.put("Status", "FAILED");
            return failed;
        }
        job.addPending(parsed, plan.mergeCondition(), body.bytesRead());
        Map<String, Object> ok = response.success();
        ok.put("Status", "OK");
        ok.put("Message", "");
        return ok;
    }

    private void prepare(Exchange exchange) throws IOException {
        onClaimedTransaction(exchange, (job) -> switch (job.state()) {
            case PREPARE, PREPARED -> {
                job.state(LoadState.PREPARED);
                yield txnSummary(job, "");
            }
            case COMMITTED, VISIBLE -> txnFailure(job.txnId, job.label,
                    "Transaction [" + job.label + "] is already committed");
            default -> txnFailure(job.txnId, job.label, "Transaction [" + job.label + "] is already aborted");
        });
    }

    private void commit(StubEndpoint endpoint, Exchange exchange) throws IOException {
        Fault fault = this.server.faults().nextQueued(StubRole.BACKEND, endpoint.port(), exchange.header("label"),
                StubFaults::appliesToTransactionCommit);
        onClaimedTransaction(exchange, (job) -> switch (job.state()) {
            case PREPARE, PREPARED -> {
                if (!job.received()) {
                    // StarRocks refuses to commit a transaction no load reached (corpus CASE_046: INTERNAL_ERROR);
                    // the stub's message, StarRocks' text was not found
                    yield StubReplies.transactionStatus(job.txnId, job.label, "INTERNAL_ERROR",
                            "Transaction [" + job.label + "] received no data to commit");
                }
                long started = System.nanoTime();
                job.commit();
                this.server.countCommit();
                if (fault instanceof Fault.PublishTimeout late) {
                    // committed, visible later: the FE's PUBLISH_TIMEOUT status passed on by its code name
                    // (TransactionManagerAction answers the status of StreamLoadExecutor::commit_txn)
                    job.committedUntilPublished(late.visibleAfter());
                    yield txnStatus(job, "PUBLISH_TIMEOUT", "Publish timeout. The data will be visible after a while, ");
                }
                if (fault instanceof Fault.CommitStatusUnknown) {
                    yield txnStatus(job, "SERVICE_UNAVAILABLE", StubReplies.commitStatusUnknown());
                }
                Map<String, Object> body = txnSummary(job, "");
                body.put("CommitAndPublishTimeMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                yield body;
            }
            case COMMITTED, VISIBLE -> txnSummary(job, "Transaction [" + job.label + "] is already committed");
            default -> txnFailure(job.txnId, job.label,
                    "Transaction [" + job.label + "] is already aborted and cannot be committed");
        });
    }

    private void rollback(Exchange exchange) throws IOException {
        onClaimedTransaction(exchange, (job) -> switch (job.state()) {
            case PREPARE, PREPARED -> {
                job.rollback();
                yield txnStatus(job, "OK", "");
            }
            case ABORTED -> txnStatus(job, "OK", "Transaction [" + job.label + "] is already rolled back");
            default -> txnFailure(job.txnId, job.label,
                    "Transaction [" + job.label + "] is already committed and cannot be rolled back");
        });
    }

    /**
     * Runs one operation on the request's transaction while holding its claim, and answers with what it returns;
     * the claim is released before answering, so that the client's next operation never sees its own request in
     * process.
     */
    private void onClaimedTransaction(Exchange exchange, TransactionOperation operation) throws IOException {
        LoadJob job = transactionJob(exchange);
        if (job == null || !claimed(exchange, job)) {
            return;
        }
        Map<String, Object> answer;
        try {
            answer = operation.apply(job);
        }
        finally {
            job.release();
        }
        if (answer == null) {
            exchange.holdSilently();
            return;
        }
        respondEarly(exchange, answer);
    }

    /**
     * The transaction named by the request's {@code db} and {@code label}, or {@code null} after answering
     * {@code TXN_NOT_EXISTS}.
     */
    private LoadJob transactionJob(Exchange exchange) throws IOException {
        String database = exchange.header("db");
        String label = exchange.header("label");
        LoadJob job = (database != null) ? this.server.job(database, label) : null;
        if (job == null || !job.transactional) {
            respondEarly(exchange, StubReplies.transactionNotExists(label));
            return null;
        }
        return job;
    }

    private static boolean claimed(Exchange exchange, LoadJob job) throws IOException {
        if (job.claim()) {
            return true;
        }
        respondEarly(exchange, txnStatus(job, "TXN_IN_PROCESSING", "Transaction [" + job.label
                + "] is being loaded by another request; retry later"));
        return false;
    }

    private static Map<String, Object> txnSummary(LoadJob job, String message) {
        Map<String, Object> body = txnStatus(job, "OK", message);
        body.put("NumberTotalRows", job.totalRows());
        body.put("NumberLoadedRows", job.loadedRows());
        body.put("NumberFilteredRows", job.filteredRows());
        body.put("NumberUnselectedRows", 0);
        body.put("LoadBytes", job.loadBytes());
        return body;
    }

    private static Map<String, Object> txnStatus(LoadJob job, String status, String message) {
        return StubReplies.transactionStatus(job.txnId, job.label, status, message);
    }

    private static Map<String, Object> txnFailure(long txnId, String label, String message) {
        return StubReplies.transactionStatus(txnId, label, "FAILED", message);
    }

    // ---- shared ----

    /**
     * Answers before the body was read, as StarRocks does from its header handler (it also drops the request's
     * {@code Expect}, so no {@code 100 Continue} is sent), and closes the connection without reading the body: a
     * client that is already sending it may see its write fail or a reset after the answer, as with StarRocks.
     */
    private static void respondEarly(Exchange exchange, Object body) throws IOException {
        exchange.closeAfterResponse();
        exchange.respondJson(200, body);
    }

    private static void discardQuietly(BodyInputStream body) {
        try {
            body.discard();
        }
        catch (IOException ex) {
            // the connection is answered and closed anyway
        }
    }

    /**
     * One transaction operation on a claimed job, giving the answer body.
     */
    @FunctionalInterface
    private interface TransactionOperation {

        Map<String, Object> apply(LoadJob job) throws IOException;

    }

}
