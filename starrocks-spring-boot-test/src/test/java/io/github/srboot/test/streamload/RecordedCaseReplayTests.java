package io.github.srboot.test.streamload;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.srboot.test.sql.EmbeddedStarRocksServer;
import io.github.srboot.test.support.SqlTesterResults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays the SQL-tester cases StarRocks recorded against a real cluster ({@code corpus/stream-load/sqltests},
 * read from {@code ../shared} when present) on a fresh embedded StarRocks each: the case's {@code ddl.sql} and every
 * {@code sql} and {@code select} step run over JDBC (Connector/J) through the embedded SQL front end, every
 * {@code _stream_load} and transaction step goes to the FE over HTTP with its headers and data. Each recorded load
 * response is compared by its {@code Status} and {@code Message} (and any other recorded key), each SQL step by its
 * recorded error or success, each {@code select} by its rows as the tester prints them.
 *
 * <p>A case is not served when a step needs what the embedded StarRocks does not implement: a statement it refuses
 * with its "does not implement" error, a Stream Load feature the stub refuses (an envelope, multi-statement
 * transactions), a tester function or shell step other than the waits. The report names each case not served with
 * its reason; every served case must reproduce what StarRocks recorded.
 */
class RecordedCaseReplayTests {

    private static final String NOT_IMPLEMENTED = "The embedded StarRocks does not implement";

    /** How the stub's refusals of a Stream Load feature it does not implement begin. */
    private static final String STUB_REFUSAL = "The stream load stub ";

    /**
     * Cases served and reproduced whole today; fewer means the embedded StarRocks drifted from StarRocks or stopped
     * serving a case.
     */
    private static final int REPRODUCED_AT_LEAST = 26;

    @Test
    void recordedCasesServedByTheEmbeddedStarRocksReproduce() throws IOException {
        Path corpus = corpus();
        assumeTrue(corpus != null, "The recorded StarRocks corpus (../shared/corpus/stream-load/sqltests) is not "
                + "present: replay skipped");
        List<String> reproduced = new ArrayList<>();
        Map<String, String> notServed = new TreeMap<>();
        Map<String, String> mismatched = new TreeMap<>();
        Tally tally = new Tally();
        List<Path> cases;
        try (Stream<Path> listing = Files.list(corpus)) {
            cases = listing.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : cases) {
            String name = dir.getFileName().toString();
            Replay replay = new Replay(dir, tally);
            try {
                replay.run();
                if (replay.mismatch == null) {
                    reproduced.add(name);
                }
                else {
                    mismatched.put(name, replay.mismatch);
                }
            }
            catch (NotServed ex) {
                notServed.put(name, ex.getMessage());
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("Stream Load sqltests replay: ").append(cases.size()).append(" cases, ")
            .append(cases.size() - notServed.size()).append(" served, ").append(reproduced.size())
            .append(" reproduced ").append(reproduced).append('\n');
        report.append("  served cases: ").append(tally.servedStatuses.matched).append(" of ")
            .append(tally.servedStatuses.compared).append(" load statuses, ").append(tally.servedSelects.matched)
            .append(" of ").append(tally.servedSelects.compared).append(" selects, ")
            .append(tally.servedStatements.matched).append(" of ").append(tally.servedStatements.compared)
            .append(" other SQL steps matching\n");
        report.append("  all cases up to their first step not served: ").append(tally.statuses.matched)
            .append(" of ").append(tally.statuses.compared).append(" load statuses, ")
            .append(tally.selects.matched).append(" of ").append(tally.selects.compared).append(" selects, ")
            .append(tally.statements.matched).append(" of ").append(tally.statements.compared)
            .append(" other SQL steps matching\n");
        mismatched.forEach((name, reason) -> report.append("  MISMATCH ").append(name).append(": ").append(reason)
            .append('\n'));
        notServed.forEach((name, reason) -> report.append("  not served ").append(name).append(": ").append(reason)
            .append('\n'));
        System.out.println(report);
        assertThat(mismatched).as("served recorded cases the embedded StarRocks does not reproduce\n" + report)
            .isEmpty();
        assertThat(reproduced).as("reproduced cases\n" + report).hasSizeGreaterThanOrEqualTo(REPRODUCED_AT_LEAST);
    }

    private static Path corpus() {
        for (String candidate : List.of("../shared/corpus/stream-load/sqltests",
                "../../shared/corpus/stream-load/sqltests")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path)) {
                return path;
            }
        }
        return null;
    }

    /**
     * A step the embedded StarRocks cannot serve: the case is reported with this reason.
     */
    static final class NotServed extends RuntimeException {

        NotServed(String message) {
            super(message);
        }

    }

    /** Compared and matching steps of one kind. */
    private static final class Count {

        int compared;

        int matched;

        void add(Count other) {
            this.compared += other.compared;
            this.matched += other.matched;
        }

    }

    /** The step counts over all cases, and over the served cases only. */
    private static final class Tally {

        final Count statuses = new Count();

        final Count selects = new Count();

        final Count statements = new Count();

        final Count servedStatuses = new Count();

        final Count servedSelects = new Count();

        final Count servedStatements = new Count();

    }

    /**
     * One case replayed on a fresh embedded StarRocks.
     */
    private static final class Replay {

        private final Path dir;

        private final Tally tally;

        private final Count statuses = new Count();

        private final Count selects = new Count();

        private final Count statements = new Count();

        private EmbeddedStarRocksServer server;

        private Statement sql;

        /** The first step that did not reproduce, or null. */
        private String mismatch;

        Replay(Path dir, Tally tally) {
            this.dir = dir;
            this.tally = tally;
        }

        void run() throws IOException {
            List<String> steps = Files.readAllLines(this.dir.resolve("steps.tsv"), StandardCharsets.UTF_8);
            try {
                // check every non-SQL step is servable before running anything: the SQL ones show it when run
                for (String step : steps) {
                    servable(step.split("\t", -1));
                }
                this.server = EmbeddedStarRocksServer.builder().start();
                try (Connection connection = DriverManager.getConnection(this.server.jdbcUrl(),
                        this.server.username(), this.server.password());
                        Statement statement = connection.createStatement()) {
                    this.sql = statement;
                    for (String ddl : statements(Files.readString(this.dir.resolve("ddl.sql")))) {
                        execute("ddl.sql (" + abbreviate(ddl) + ")", ddl, "");
                    }
                    int number = 0;
                    for (String step : steps) {
                        number++;
                        run(number, step.split("\t", -1));
                    }
                }
                catch (SQLException ex) {
                    throw new IllegalStateException("JDBC connection to the embedded StarRocks failed", ex);
                }
                finally {
                    this.server.close();
                }
            }
            finally {
                this.tally.statuses.add(this.statuses);
                this.tally.selects.add(this.selects);
                this.tally.statements.add(this.statements);
            }
            this.tally.servedStatuses.add(this.statuses);
            this.tally.servedSelects.add(this.selects);
            this.tally.servedStatements.add(this.statements);
        }

        /** The load features and tester steps the replay cannot serve. */
        private void servable(String[] step) throws IOException {
            String kind = step[0].startsWith("uc:") ? step[0].substring(3) : step[0];
            if (kind.startsWith("load") || kind.startsWith("txn")) {
                Map<String, String> headers = headers(step[2]);
                if (headers.entrySet().stream().anyMatch((h) -> h.getKey().equalsIgnoreCase("format")
                        && h.getValue().equalsIgnoreCase("json")) && !step[3].equals("-")) {
                    requireWellFormedJson(step[3]);
                }
                headers.forEach((name, value) -> {
                    String header = name.toLowerCase(Locale.ROOT);
                    if (header.equals("transaction_type") || header.equals("source_type")
                            || header.equals("table") && value.contains(",")) {
                        throw new NotServed("multi-statement transaction headers (not implemented by the stub)");
                    }
                });
            }
            switch (kind) {
                case "load", "txn", "concurrent_begin", "concurrent_end", "thread", "select", "sql" -> {
                }
                case "load_pipe", "txn_pipe" -> {
                    String pipe = step[step.length - 2];
                    if (!pipe.equals("jq -r '.Status'") && !pipe.matches("grep \".*\" \\| wc -l")) {
                        throw new NotServed("shell pipe " + pipe);
                    }
                }
                case "func" -> {
                    if (!step[1].matches("function: (wait_db_transaction_finish|wait_alter_table_finish"
                            + "|wait_optimize_table_finish)\\(.*")) {
                        throw new NotServed("tester function " + step[1]);
                    }
                }
                default -> throw new NotServed(kind + " step " + step[1]);
            }
        }

        /**
         * StarRocks' on-demand JSON parser (simdjson) loads the rows it reached before a break in the JSON
         * structure (a missing comma, an unclosed bracket); the stub refuses such a body whole. A string with an
         * escape JSON does not define spoils only its field, in StarRocks and in the stub.
         */
        private void requireWellFormedJson(String file) throws IOException {
            com.fasterxml.jackson.core.JsonFactory anyEscape = com.fasterxml.jackson.core.JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .build();
            try (com.fasterxml.jackson.core.JsonParser parser = anyEscape.createParser(data(file))) {
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
            }
            catch (IOException ex) {
                throw new NotServed("a JSON body whose structure breaks, of which StarRocks loads the rows before "
                        + "the break (" + ex.getMessage().lines().findFirst().orElse("") + ")");
            }
        }

        private void run(int number, String[] step) throws IOException {
            boolean checked = !step[0].startsWith("uc:");
            String kind = checked ? step[0] : step[0].substring(3);
            String where = "step " + number + " (" + kind + ((step.length > 1) ? " " + abbreviate(step[1]) : "")
                    + ")";
            switch (kind) {
                case "load", "load_pipe" -> {
                    String[] target = step[1].split("\\.");
                    String db = (target.length == 2) ? target[0] : currentDatabase();
                    Map<String, String> headers = headers(step[2]);
                    // Recorded loads without an Expect header succeeded at the FE, whose LoadAction refuses an
                    // HTTP/1.1 load without it: the tester's curl sent it, so the replay does.
                    if (headers.keySet().stream().noneMatch((name) -> name.equalsIgnoreCase("expect"))) {
                        headers.put("Expect", "100-continue");
                    }
                    RawHttp.Response response = send("PUT", "/api/" + db + "/" + target[target.length - 1]
                            + "/_stream_load", headers, data(step[3]));
                    if (checked) {
                        compare(where, response, step);
                    }
                }
                case "txn", "txn_pipe" -> {
                    String operation = step[1];
                    byte[] body = step[3].equals("-") ? new byte[0] : data(step[3]);
                    RawHttp.Response response = send(operation.equals("load") ? "PUT" : "POST",
                            "/api/transaction/" + operation, headers(step[2]), body);
                    if (checked) {
                        compare(where, response, step);
                    }
                }
                case "select", "sql" -> {
                    String statement = SqlTesterResults.decode(step[1]);
                    // the recorded rows keep their fields separated by real tabs
                    String expected = SqlTesterResults.decode(String.join("\t", java.util.Arrays.copyOfRange(step, 2,
                            step.length)));
                    String result = execute(where, statement, expected);
                    if (checked && !expected.startsWith("[REGEX]")) {
                        Count count = kind.equals("select") ? this.selects : this.statements;
                        count.compared++;
                        if (SqlTesterResults.same(expected, result, false)) {
                            count.matched++;
                        }
                        else {
                            mismatch(where + " recorded [" + abbreviate(expected) + "] got [" + abbreviate(result)
                                    + "]");
                        }
                    }
                }
                case "func" -> waitFor(where, step[1]);
                default -> {
                    // concurrency markers: the steps run one after the other, one of the orders the tester allows
                }
            }
        }

        private void mismatch(String what) {
            if (this.mismatch == null) {
                this.mismatch = what;
            }
        }

        /**
         * Runs one statement over JDBC: its rows as the tester prints them (fields tab-separated, rows one a line),
         * {@code ""} for a statement without rows, {@code E: (code, message)} for an error.
         * @throws NotServed when the embedded StarRocks does not implement the statement
         */
        private String execute(String where, String statement, String expected) {
            if (statement.contains("${")) {
                throw new NotServed(where + ": a tester variable");
            }
            String sent = statement.strip();
            if (sent.endsWith(";")) {
                sent = sent.substring(0, sent.length() - 1);
            }
            try {
                return this.sql.execute(sent) ? SqlTesterResults.rows(this.sql.getResultSet()) : "";
            }
            catch (SQLException ex) {
                if (ex.getMessage() != null && ex.getMessage().startsWith(NOT_IMPLEMENTED)) {
                    throw new NotServed(where + ": " + abbreviate(ex.getMessage()));
                }
                if (where.startsWith("ddl.sql")) {
                    mismatch(where + " failed: " + ex.getMessage());
                }
                return "E: (" + ex.getErrorCode() + ", " + ex.getMessage() + ")";
            }
        }

        /**
         * The tester's waits ({@code test/lib/sr_sql_lib.py}): loads are visible when answered; an ALTER or
         * OPTIMIZE job must show FINISHED in {@code SHOW ALTER TABLE COLUMN | OPTIMIZE} (the embedded StarRocks
         * runs them with durations of zero).
         */
        private void waitFor(String where, String function) {
            String kind = function.contains("wait_alter_table_finish") ? "COLUMN"
                    : function.contains("wait_optimize_table_finish") ? "OPTIMIZE" : null;
            if (kind == null) {
                return;
            }
            String state = execute(where, "SHOW ALTER TABLE " + kind + " ORDER BY JobId DESC LIMIT 1", "");
            this.statements.compared++;
            if (state.contains("\tFINISHED\t")) {
                this.statements.matched++;
            }
            else {
                mismatch(where + ": the last " + kind + " job is not FINISHED: " + abbreviate(state));
            }
        }

        private String currentDatabase() {
            return execute("the current database", "SELECT DATABASE()", "");
        }

        private void compare(String where, RawHttp.Response response, String[] step) throws IOException {
            JsonNode message = response.json().get("Message");
            if (message != null && message.asText().startsWith(STUB_REFUSAL)) {
                throw new NotServed(where + ": " + message.asText());
            }
            String expected = SqlTesterResults.decode(step[step.length - 1]);
            String kind = step[0];
            this.statuses.compared++;
            if (kind.endsWith("_pipe")) {
                String pipe = step[step.length - 2];
                String actual;
                if (pipe.equals("jq -r '.Status'")) {
                    JsonNode status = response.json().get("Status");
                    actual = (status != null) ? status.asText() : "null";
                }
                else {
                    String needle = pipe.substring(pipe.indexOf('"') + 1, pipe.lastIndexOf('"'));
                    actual = String.valueOf(response.body().lines().filter((line) -> line.contains(needle)).count());
                }
                if (actual.equals(expected)) {
                    this.statuses.matched++;
                }
                else {
                    mismatch(where + " " + pipe + " recorded " + expected + ", got " + actual);
                }
                return;
            }
            if (expected.isEmpty()) {
                this.statuses.matched++;
                return;
            }
            JsonNode recorded = Json.MAPPER.readTree(expected);
            JsonNode actual = response.json();
            for (Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = actual.get(field.getKey());
                if (value == null || !value.asText().equals(field.getValue().asText())) {
                    mismatch(where + " " + field.getKey() + " recorded " + field.getValue() + " in "
                            + response.body().strip());
                    return;
                }
            }
            this.statuses.matched++;
        }

        /** The statements of a {@code ddl.sql}: split at semicolons outside quotes. */
        private static List<String> statements(String script) {
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            char quote = 0;
            for (int i = 0; i < script.length(); i++) {
                char c = script.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && i + 1 < script.length()) {
                        current.append(c).append(script.charAt(++i));
                        continue;
                    }
                    if (c == quote) {
                        quote = 0;
                    }
                }
                else if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                }
                else if (c == ';') {
                    if (!current.toString().isBlank()) {
                        statements.add(current.toString().strip());
                    }
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            if (!current.toString().isBlank()) {
                statements.add(current.toString().strip());
            }
            return statements;
        }

        /**
         * The request at the FE, following its 307 to the BE as {@code curl --location-trusted} does.
         */
        private RawHttp.Response send(String method, String path, Map<String, String> headers, byte[] body)
                throws IOException {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Authorization", RawHttp.basic(this.server.username(), this.server.password()));
            all.putAll(headers);
            all.put("Content-Length", String.valueOf(body.length));
            boolean expect = all.keySet().stream().anyMatch((name) -> name.equalsIgnoreCase("expect"));
            int port = this.server.stub().frontend().port();
            String target = path;
            for (int hop = 0; hop < 3; hop++) {
                try (RawHttp http = new RawHttp(port)) {
                    http.sendHead(method, target, all);
                    if (!expect) {
                        http.sendBody(body);
                    }
                    RawHttp.Response response = http.readResponse();
                    if (response.status() == 100) {
                        http.sendBody(body);
                        response = http.readResponse();
                    }
                    if (response.status() != 307) {
                        return response;
                    }
                    URI location = URI.create(response.headers().get("location"));
                    port = location.getPort();
                    target = location.getRawPath() + ((location.getRawQuery() != null) ? "?"
                            + location.getRawQuery() : "");
                }
            }
            throw new AssertionError("Too many redirects for " + path);
        }

        private static Map<String, String> headers(String json) throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            Json.MAPPER.readTree(json).fields().forEachRemaining((field) -> headers.put(field.getKey(),
                    field.getValue().asText()));
            return headers;
        }

        private byte[] data(String file) throws IOException {
            return Files.readAllBytes(this.dir.resolve(file));
        }

        private static String abbreviate(String text) {
            String flat = text.replaceAll("\\s+", " ").strip();
            return (flat.length() > 160) ? flat.substring(0, 160) + "..." : flat;
        }

    }

}
