package io.github.srboot.test.streamload;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays the SQL-tester cases StarRocks recorded against a real cluster ({@code corpus/stream-load/sqltests},
 * read from {@code ../shared} when present) on the stub: tables from each case's {@code ddl.sql}, then every
 * {@code _stream_load} and transaction step with its headers and data, comparing {@code Status} and {@code Message}
 * (and any other recorded key), and the rows read back by its {@code select} steps.
 *
 * <p>The stub has no SQL engine: {@code select} is served for {@code select * | columns | count(*) from table [where
 * column = 'value' | where 'literal' is not null]}, {@code insert ... values} is served as a Stream Load of those
 * rows, {@code use} switches the database and {@code wait_*} functions have nothing to wait for. A case with a step beyond that (other SQL,
 * {@code information_schema}, shell, a DDL the stub cannot hold) is out of the stub's reach and reported with the
 * reason; every case within reach must reproduce what StarRocks recorded.
 */
class RecordedCaseReplayTests {

    private static final Pattern SELECT = Pattern.compile("(?is)select\\s+(.+?)\\s+from\\s+`?([\\w.]+?)`?"
            + "(?:\\.`?(\\w+)`?)?(?:\\s+where\\s+(\\w+)\\s*=\\s*[\"'](.*?)[\"']"
            + "|\\s+where\\s+'[^']*'\\s+is\\s+not\\s+null)?"
            + "(?:\\s+order\\s+by\\s+[\\w\\s,]+)?\\s*;?\\s*");

    private static final Pattern INSERT = Pattern.compile("(?is)insert\\s+into\\s+`?([\\w.]+?)`?\\s*"
            + "(\\(([^)]*)\\))?\\s*(properties\\s*\\(\\s*\"merge_condition\"\\s*=\\s*\"(\\w+)\"\\s*\\))?"
            + "\\s*values\\s*(.+?);?\\s*");

    private static final Pattern USE = Pattern.compile("(?i)use\\s+(\\w+)\\s*;?\\s*");

    @Test
    void recordedCasesWithinReachReproduce() throws IOException {
        Path corpus = corpus();
        assumeTrue(corpus != null, "The recorded StarRocks corpus (../shared/corpus/stream-load/sqltests) is not "
                + "present: replay skipped");
        List<String> reproduced = new ArrayList<>();
        Map<String, String> outOfReach = new TreeMap<>();
        Map<String, String> mismatched = new TreeMap<>();
        try (Stream<Path> cases = Files.list(corpus)) {
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                try {
                    new Replay(dir).run();
                    reproduced.add(name);
                }
                catch (OutOfReach ex) {
                    outOfReach.put(name, ex.getMessage());
                }
                catch (AssertionError | RuntimeException ex) {
                    mismatched.put(name, ex.toString());
                }
            }
        }
        System.out.println("Recorded StarRocks cases reproduced by the stub: " + reproduced.size() + " "
                + reproduced);
        System.out.println("Out of the stub's reach: " + outOfReach.size());
        outOfReach.forEach((name, reason) -> System.out.println("  " + name + ": " + reason));
        mismatched.forEach((name, reason) -> System.out.println("  MISMATCH " + name + ": " + reason));
        assertThat(mismatched).as("recorded cases within the stub's reach that it does not reproduce").isEmpty();
        // 16 of the 64 recorded cases when this test was written; fewer means the stub drifted from StarRocks
        assertThat(reproduced).as("reproduced cases").hasSizeGreaterThanOrEqualTo(16);
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
     * A step the stub cannot serve.
     */
    static final class OutOfReach extends RuntimeException {

        OutOfReach(String message) {
            super(message);
        }

    }

    /**
     * One case replayed on a fresh stub.
     */
    private static final class Replay {

        private final Path dir;

        private StreamLoadStubServer stub;

        private String database;

        private int inserts;

        Replay(Path dir) {
            this.dir = dir;
        }

        void run() throws IOException {
            String ddl = Files.readString(this.dir.resolve("ddl.sql"));
            List<StubTable> tables;
            try {
                tables = DdlTables.fromScript(ddl, null);
            }
            catch (RuntimeException ex) {
                throw new OutOfReach("ddl.sql: " + ex.getMessage());
            }
            Matcher lastUse = Pattern.compile("(?im)^use\\s+(\\w+)").matcher(ddl);
            while (lastUse.find()) {
                this.database = lastUse.group(1);
            }
            List<String> steps = Files.readAllLines(this.dir.resolve("steps.tsv"), StandardCharsets.UTF_8);
            // check every step is servable before running anything, so that a case is either replayed whole or not
            for (String step : steps) {
                servable(step.split("\t", -1));
            }
            this.stub = StreamLoadStubServer.builder().tables(tables).start();
            try {
                int number = 0;
                for (String step : steps) {
                    number++;
                    run(number, step.split("\t", -1));
                }
            }
            finally {
                this.stub.close();
            }
        }

        private void servable(String[] step) {
            String kind = step[0].startsWith("uc:") ? step[0].substring(3) : step[0];
            if (kind.startsWith("load") || kind.startsWith("txn")) {
                Map<String, String> headers;
                try {
                    headers = headers(step[2]);
                }
                catch (IOException ex) {
                    throw new OutOfReach("headers " + step[2]);
                }
                if (headers.entrySet().stream().anyMatch((h) -> h.getKey().equalsIgnoreCase("format")
                        && h.getValue().equalsIgnoreCase("json")) && !step[3].equals("-")) {
                    try (com.fasterxml.jackson.core.JsonParser parser = Json.MAPPER.getFactory()
                        .createParser(data(step[3]))) {
                        while (parser.nextToken() != null) {
                            parser.skipChildren();
                        }
                    }
                    catch (IOException ex) {
                        // StarRocks' on-demand JSON parser loads what it reached before a syntax error; the stub
                        // refuses a malformed body as a whole
                        throw new OutOfReach("a malformed JSON body (" + ex.getMessage().lines().findFirst()
                            .orElse("") + ")");
                    }
                }
                headers.forEach((name, value) -> {
                    String header = name.toLowerCase(Locale.ROOT);
                    if (header.equals("envelope")) {
                        throw new OutOfReach("the " + value + " JSON envelope (not implemented by the stub)");
                    }
                    if (header.equals("enable_merge_commit") && value.equalsIgnoreCase("true")) {
                        throw new OutOfReach("merge commit (not implemented by the stub)");
                    }
                    if (header.equals("columns") && value.contains("(")) {
                        throw new OutOfReach("an expression in columns: " + value);
                    }
                    if (header.equals("transaction_type") || header.equals("source_type")
                            || header.equals("table") && value.contains(",")) {
                        throw new OutOfReach("multi-statement transaction headers");
                    }
                });
            }
            switch (kind) {
                case "load", "txn", "concurrent_begin", "concurrent_end", "thread" -> {
                }
                case "load_pipe", "txn_pipe" -> {
                    String pipe = step[step.length - 2];
                    if (!pipe.equals("jq -r '.Status'") && !pipe.matches("grep \".*\" \\| wc -l")) {
                        throw new OutOfReach("shell pipe " + pipe);
                    }
                }
                case "select" -> {
                    String sql = sql(step[1]);
                    Matcher select = SELECT.matcher(sql);
                    if (!select.matches() || sql.toLowerCase(Locale.ROOT).contains("information_schema")
                            || !select.group(1).matches("\\*|count\\(\\*\\)|count\\(1\\)|[\\w\\s,`]+")) {
                        throw new OutOfReach("SQL the stub cannot evaluate: " + sql);
                    }
                }
                case "sql" -> {
                    String sql = sql(step[1]);
                    if (!INSERT.matcher(sql).matches() && !USE.matcher(sql).matches()) {
                        throw new OutOfReach("SQL the stub cannot run: " + sql);
                    }
                }
                case "func" -> {
                    if (!step[1].matches("function: wait_db_transaction_finish\\(.*")) {
                        throw new OutOfReach("tester function " + step[1]);
                    }
                }
                default -> throw new OutOfReach(kind + " step " + step[1]);
            }
        }

        private void run(int number, String[] step) throws IOException {
            boolean checked = !step[0].startsWith("uc:");
            String kind = checked ? step[0] : step[0].substring(3);
            String where = "step " + number + " (" + kind + ((step.length > 1) ? " " + step[1] : "") + ")";
            switch (kind) {
                case "load", "load_pipe" -> {
                    String[] target = step[1].split("\\.");
                    String db = (target.length == 2) ? target[0] : this.database;
                    Map<String, String> headers = headers(step[2]);
                    // Recorded loads without an Expect header succeeded at the FE, whose LoadAction refuses an
                    // HTTP/1.1 load without it: the tester's curl sent it, so the replay does.
                    if (headers.keySet().stream().noneMatch((name) -> name.equalsIgnoreCase("expect"))) {
                        headers.put("Expect", "100-continue");
                    }
                    byte[] body = data(step[3]);
                    RawHttp.Response response = send("PUT", "/api/" + db + "/" + target[target.length - 1]
                            + "/_stream_load", headers, body);
                    if (checked) {
                        compare(where, response, step);
                    }
                }
                case "txn", "txn_pipe" -> {
                    String operation = step[1];
                    Map<String, String> headers = headers(step[2]);
                    byte[] body = step[3].equals("-") ? new byte[0] : data(step[3]);
                    RawHttp.Response response = send(operation.equals("load") ? "PUT" : "POST",
                            "/api/transaction/" + operation, headers, body);
                    if (checked) {
                        compare(where, response, step);
                    }
                }
                case "select" -> {
                    if (checked) {
                        // the recorded rows keep their fields separated by real tabs
                        String rows = String.join("	", java.util.Arrays.copyOfRange(step, 2, step.length));
                        select(where, sql(step[1]), text(rows));
                    }
                }
                case "sql" -> sql(where, sql(step[1]));
                default -> {
                    // concurrency markers: the steps run one after the other, one of the orders the tester allows;
                    // wait functions: the stub's loads are complete when answered
                }
            }
        }

        private void compare(String where, RawHttp.Response response, String[] step) throws IOException {
            String expected = text(step[step.length - 1]);
            String kind = step[0];
            if (kind.endsWith("_pipe")) {
                String pipe = step[step.length - 2];
                if (pipe.equals("jq -r '.Status'")) {
                    JsonNode status = response.json().get("Status");
                    assertThat((status != null) ? status.asText() : "null").as(where + " Status").isEqualTo(expected);
                }
                else {
                    String needle = pipe.substring(pipe.indexOf('"') + 1, pipe.lastIndexOf('"'));
                    long lines = response.body().lines().filter((line) -> line.contains(needle)).count();
                    assertThat(String.valueOf(lines)).as(where + " " + pipe).isEqualTo(expected);
                }
                return;
            }
            if (expected.isEmpty()) {
                return;
            }
            JsonNode recorded = Json.MAPPER.readTree(expected);
            JsonNode actual = response.json();
            for (Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = actual.get(field.getKey());
                assertThat((value != null) ? value.asText() : null).as(where + " " + field.getKey() + " in "
                        + response.body()).isEqualTo(field.getValue().asText());
            }
        }

        private void select(String where, String sql, String expected) {
            Matcher select = SELECT.matcher(sql);
            assertThat(select.matches()).isTrue();
            String db = (select.group(3) != null) ? select.group(2) : this.database;
            String tableName = (select.group(3) != null) ? select.group(3) : select.group(2);
            TableContents table = this.stub.table(db, tableName);
            List<Map<String, String>> rows = new ArrayList<>(table.rows());
            if (select.group(4) != null) {
                rows.removeIf((row) -> !select.group(5).equals(row.get(column(table, select.group(4)))));
            }
            List<String> actual = new ArrayList<>();
            String projection = select.group(1).trim();
            if (projection.matches("(?i)count\\((\\*|1)\\)")) {
                actual.add(String.valueOf(rows.size()));
            }
            else {
                List<String> columns = new ArrayList<>();
                if (projection.equals("*")) {
                    table.table().columns().forEach((column) -> columns.add(column.name()));
                }
                else {
                    for (String name : projection.split(",")) {
                        columns.add(column(table, name.trim().replace("`", "")));
                    }
                }
                for (Map<String, String> row : rows) {
                    List<String> values = new ArrayList<>();
                    for (String column : columns) {
                        String value = row.get(column);
                        ValueType type = table.table().column(column).orElseThrow().valueType();
                        values.add((value == null) ? "None" : printed(value, type));
                    }
                    actual.add(String.join("\t", values));
                }
            }
            List<String> recorded = expected.isEmpty() ? List.of() : List.of(expected.split("\n", -1));
            assertThat(actual).as(where + " rows").containsExactlyInAnyOrderElementsOf(recorded);
        }

        /**
         * A value as the SQL tester prints it (Python): floating point numbers in Python's {@code repr}.
         */
        private static String printed(String value, ValueType type) {
            if (type.kind() != ValueType.Kind.DOUBLE && type.kind() != ValueType.Kind.FLOAT) {
                return value;
            }
            double number = Double.parseDouble(value);
            java.math.BigDecimal shortest = java.math.BigDecimal.ZERO;
            for (int precision = 1; precision <= 17 && number != 0; precision++) {
                // the shortest decimal that reads back as the same double, as Python's repr
                shortest = new java.math.BigDecimal(number).round(new java.math.MathContext(precision));
                if (shortest.doubleValue() == number) {
                    break;
                }
            }
            String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
            if (digits.isEmpty()) {
                return "0.0";
            }
            int exponent = shortest.precision() - shortest.scale() - 1;
            String sign = (shortest.signum() < 0) ? "-" : "";
            if (exponent < -4 || exponent >= 16) {
                String mantissa = digits.substring(0, 1) + ((digits.length() > 1) ? "." + digits.substring(1) : "");
                return sign + mantissa + "e" + ((exponent < 0) ? "-" : "+") + String.format("%02d", Math.abs(exponent));
            }
            java.math.BigDecimal plain = shortest.abs().stripTrailingZeros();
            String text = plain.toPlainString();
            return sign + (text.contains(".") ? text : text + ".0");
        }

        private static String column(TableContents table, String name) {
            return table.table().columns().stream().map(StubColumn::name)
                .filter((column) -> column.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No column " + name + " in " + table.table().name()));
        }

        /**
         * {@code insert ... values} as a Stream Load of those rows (the same write path and semantics), and
         * {@code use}.
         */
        private void sql(String where, String sql) throws IOException {
            Matcher use = USE.matcher(sql);
            if (use.matches()) {
                this.database = use.group(1);
                return;
            }
            Matcher insert = INSERT.matcher(sql);
            assertThat(insert.matches()).isTrue();
            String[] target = insert.group(1).split("\\.");
            String db = (target.length == 2) ? target[0] : this.database;
            String table = target[target.length - 1];
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Expect", "100-continue");
            headers.put("label", "replay_insert_" + (++this.inserts));
            headers.put("column_separator", "\\x01");
            headers.put("row_delimiter", "\\x02");
            if (insert.group(3) != null) {
                headers.put("columns", insert.group(3).replace("`", ""));
            }
            if (insert.group(5) != null) {
                headers.put("merge_condition", insert.group(5));
            }
            StringBuilder body = new StringBuilder();
            for (List<String> tuple : tuples(insert.group(6))) {
                body.append(String.join("\u0001", tuple)).append('\u0002');
            }
            RawHttp.Response response = send("PUT", "/api/" + db + "/" + table + "/_stream_load", headers,
                    body.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(response.json().get("Status").asText()).as(where + " " + response.body()).isEqualTo("Success");
        }

        /**
         * The value tuples of an {@code insert ... values} list: numbers, quoted strings, {@code NULL} as
         * {@code \N}.
         */
        private static List<List<String>> tuples(String values) {
            List<List<String>> tuples = new ArrayList<>();
            List<String> current = null;
            int i = 0;
            while (i < values.length()) {
                char c = values.charAt(i);
                if (c == '(') {
                    current = new ArrayList<>();
                    i++;
                }
                else if (c == ')') {
                    tuples.add(current);
                    current = null;
                    i++;
                }
                else if (c == '\'' || c == '"') {
                    int end = values.indexOf(c, i + 1);
                    current.add(values.substring(i + 1, end));
                    i = end + 1;
                }
                else if (c == ',' || Character.isWhitespace(c)) {
                    i++;
                }
                else {
                    int end = i;
                    while (end < values.length() && values.charAt(end) != ',' && values.charAt(end) != ')') {
                        end++;
                    }
                    String literal = values.substring(i, end).trim();
                    if (current == null) {
                        throw new OutOfReach("insert values " + values);
                    }
                    current.add(literal.equalsIgnoreCase("null") ? "\\N" : literal);
                    i = end;
                }
            }
            return tuples;
        }

        /**
         * The request at the FE, following its 307 to the BE as {@code curl --location-trusted} does.
         */
        private RawHttp.Response send(String method, String path, Map<String, String> headers, byte[] body)
                throws IOException {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Authorization", RawHttp.basic(this.stub.username(), this.stub.password()));
            all.putAll(headers);
            all.put("Content-Length", String.valueOf(body.length));
            boolean expect = all.keySet().stream().anyMatch((name) -> name.equalsIgnoreCase("expect"));
            int port = this.stub.frontend().port();
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

        private Map<String, String> headers(String json) throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            Json.MAPPER.readTree(json).fields().forEachRemaining((field) -> headers.put(field.getKey(),
                    field.getValue().asText()));
            return headers;
        }

        private byte[] data(String file) throws IOException {
            return Files.readAllBytes(this.dir.resolve(file));
        }

        /** A step's SQL field: {@code \n}, {@code \t} and {@code \\} escaped. */
        private static String sql(String field) {
            return text(field).replace("\\t", "\t");
        }

        /** A step's text field: newline written {@code \n}, backslash {@code \\}. */
        private static String text(String field) {
            StringBuilder text = new StringBuilder(field.length());
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '\\' && i + 1 < field.length()) {
                    char next = field.charAt(i + 1);
                    if (next == 'n') {
                        text.append('\n');
                        i++;
                        continue;
                    }
                    if (next == '\\') {
                        text.append('\\');
                        i++;
                        continue;
                    }
                }
                text.append(c);
            }
            return text.toString();
        }

    }

}
