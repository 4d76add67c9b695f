package io.github.srboot.test.streamload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * Reads the rows of a (decompressed) load body: CSV split by row delimiter and column separator, JSON objects or
 * outer-array elements. In counting mode only rows are counted, with a byte scan fast enough for benchmarks.
 */
final class BodyParser {

    private static final int BUFFER_SIZE = 64 * 1024;

    /**
     * Reads strings whatever their escapes, as simdjson's structural pass does: the rows' fields are found first
     * and a value is read only when its column is built ({@link #readRow}).
     */
    private static final ObjectMapper ANY_ESCAPE = new ObjectMapper(JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER).build())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A row field whose value StarRocks cannot read: a string in it has an escape JSON does not define. */
    private static final JsonNode UNREADABLE = new POJONode("a string with an escape JSON does not define");

    /** The bytes that open or close a JSON value's nesting or a string. */
    private static final boolean[] JSON_STRUCTURE = new boolean[256];

    static {
        for (char c : new char[] { '{', '}', '[', ']', '"' }) {
            JSON_STRUCTURE[c] = true;
        }
    }

    private BodyParser() {
    }

    /**
     * Parses and maps every row of the body.
     */
    static ParsedBody parse(InputStream body, LoadOptions options, LoadPlan plan)
            throws IOException, LoadFailedException {
        List<RowChange> accepted = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long total;
        if (options.json()) {
            total = parseJson(body, options, plan, accepted, errors);
        }
        else {
            total = parseCsv(body, options, plan, accepted, errors);
        }
        return new ParsedBody(total, accepted, accepted.size(), errors);
    }

    /**
     * Counts the rows of the body without mapping or storing them.
     */
    static ParsedBody count(InputStream body, LoadOptions options) throws IOException, LoadFailedException {
        long rows;
        if (!options.json() && (options.trimSpace() || options.skipHeader() > 0)) {
            rows = CsvReader.of(options).read(body.readAllBytes(), null);
        }
        else if (options.enclosedCsv()) {
            // streamed through a window: a benchmark's heap figures should not hold the stub's copy of each body
            rows = CsvReader.of(options).count(body);
        }
        else if (!options.json()) {
            rows = countDelimited(body, options.rowDelimiter());
        }
        else if (options.jsonRoot() != null) {
            rows = countJsonWithRoot(body, options);
        }
        else {
            rows = countJson(body, options.stripOuterArray());
        }
        return new ParsedBody(rows, List.of(), rows, List.of());
    }

    private static long parseCsv(InputStream body, LoadOptions options, LoadPlan plan, List<RowChange> accepted,
            List<String> errors) throws IOException, LoadFailedException {
        return CsvReader.of(options).read(body.readAllBytes(),
                (fields, rawRow, validUtf8) -> acceptCsvRow(fields, rawRow, validUtf8, options, plan, accepted,
                        errors));
    }

    /**
     * Maps one CSV row as {@code CSVScanner} does: a row whose field count differs from the columns read, or whose
     * bytes are not UTF-8, is filtered with StarRocks' message; a field that reads {@code \N} is NULL.
     */
    private static void acceptCsvRow(List<String> fields, String rawRow, boolean validUtf8, LoadOptions options,
            LoadPlan plan, List<RowChange> accepted, List<String> errors) {
        int width = plan.sourceNames().size();
        if (fields.size() != width) {
            errors.add("Error: Target column count: " + width + " doesn't match source value column count: "
                    + fields.size() + ". Column separator: '" + shown(options.columnSeparator())
                    + "', Row delimiter: '" + shown(options.rowDelimiter()) + "'. Row: " + rawRow);
            return;
        }
        if (!validUtf8) {
            errors.add("Error: Invalid UTF-8 row. Row: " + rawRow);
            return;
        }
        String[] values = new String[width];
        for (int i = 0; i < width; i++) {
            String field = fields.get(i);
            values[i] = CsvReader.isNull(field) ? null : field;
        }
        accept(plan.map(values, options.strictMode()), rawRow, accepted, errors);
    }

    /** A separator as StarRocks prints it in messages: tab and newline escaped. */
    private static String shown(byte[] separator) {
        return new String(separator, StandardCharsets.UTF_8).replace("\t", "\\t").replace("\n", "\\n");
    }

    private static void accept(Object mapped, String rowText, List<RowChange> accepted, List<String> errors) {
        if (mapped instanceof RowChange change) {
            accepted.add(change);
        }
        else {
            errors.add("Error: " + ((LoadPlan.Rejection) mapped).reason() + ". Row: " + rowText);
        }
    }

    static boolean matches(byte[] buffer, int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (buffer[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface RowConsumer {

        void accept(byte[] buffer, int start, int end);

    }

    /**
     * Calls the consumer for each row; a final row without delimiter counts, an empty final segment does not.
     */
    private static void forEachDelimited(InputStream body, byte[] delimiter, RowConsumer consumer)
            throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int length = 0;
        int read;
        while ((read = body.read(buffer, length, buffer.length - length)) != -1) {
            length += read;
            int rowStart = 0;
            int i = 0;
            while (i <= length - delimiter.length) {
                if (buffer[i] == delimiter[0] && matches(buffer, i, delimiter)) {
                    consumer.accept(buffer, rowStart, i);
                    i += delimiter.length;
                    rowStart = i;
                }
                else {
                    i++;
                }
            }
            System.arraycopy(buffer, rowStart, buffer, 0, length - rowStart);
            length -= rowStart;
            if (length == buffer.length) {
                byte[] larger = new byte[buffer.length * 2];
                System.arraycopy(buffer, 0, larger, 0, length);
                buffer = larger;
            }
        }
        if (length > 0) {
            consumer.accept(buffer, 0, length);
        }
    }

    /**
     * Counts rows by scanning for the delimiter, without decoding anything.
     */
    static long countDelimited(InputStream body, byte[] delimiter) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long rows = 0;
        boolean pendingRow = false;
        if (delimiter.length == 1) {
            byte d = delimiter[0];
            int read;
            while ((read = body.read(buffer)) != -1) {
                int lastDelimiter = -1;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == d) {
                        rows++;
                        lastDelimiter = i;
                    }
                }
                if (read > 0) {
                    pendingRow = lastDelimiter != read - 1;
                }
            }
            return rows + (pendingRow ? 1 : 0);
        }
        long[] counted = new long[1];
        forEachDelimited(body, delimiter, (bytes, start, end) -> counted[0]++);
        return counted[0];
    }

    private static long parseJson(InputStream body, LoadOptions options, LoadPlan plan, List<RowChange> accepted,
            List<String> errors) throws IOException, LoadFailedException {
        List<JsonPath> paths = new ArrayList<>();
        if (options.jsonPaths() != null) {
            for (String path : options.jsonPaths()) {
                paths.add(JsonPath.parse(path));
            }
        }
        long total = 0;
        for (JsonNode row : jsonRows(body, options)) {
            total++;
            String rowText = row.toString();
            String[] source = new String[plan.sourceNames().size()];
            if (row.isNull()) {
                // a bare null document is a data quality error (json_scanner_test test_null_with_jsonpath, JSON042)
                errors.add("Error: A JSON row cannot be null. Row: " + rowText);
                continue;
            }
            boolean readable = true;
            if (!paths.isEmpty() || row.isObject()) {
                for (int i = 0; i < source.length && readable; i++) {
                    JsonNode value = paths.isEmpty() ? field(row, plan.sourceNames().get(i))
                            : paths.get(i).select(row);
                    String unreadable = unreadable(value, plan, i);
                    if (unreadable == null) {
                        source[i] = (value == null) ? plan.defaultForSource(i) : loadedText(value, plan, i);
                    }
                    else if (options.strictMode()) {
                        // formats/json/nullable_column.cpp add_adaptive_nullable_column(..., invalid_as_null =
                        // !strict_mode): in strict mode the error filters the row, else the field is NULL
                        errors.add("Error: " + unreadable + ". Row: " + rowText);
                        readable = false;
                    }
                    else {
                        source[i] = null;
                    }
                }
            }
            else {
                errors.add("Error: A JSON row must be an object when no jsonpaths are given. Row: " + rowText);
                continue;
            }
            if (!readable) {
                continue;
            }
            accept(plan.map(source, options.strictMode()), rowText, accepted, errors);
        }
        return total;
    }

    /**
     * Why a JSON value cannot be loaded into its column ({@code formats/json/nullable_column.cpp}), or {@code null}
     * when it can: a value simdjson cannot read ({@link #UNREADABLE}), or anything but a JSON array for an ARRAY
     * column ({@code add_adaptive_nullable_array_column}: an array's text in a string is not read as an array).
     */
    private static String unreadable(JsonNode value, LoadPlan plan, int source) {
        String column = plan.sourceNames().get(source);
        if (value == UNREADABLE) {
            return "Failed to parse value, column=" + column + ", error=" + UNREADABLE.asText();
        }
        if (value != null && !value.isMissingNode() && !value.isNull() && !value.isArray()
                && plan.loadsIntoArray(source)) {
            return "Failed to parse value as array, column=" + column;
        }
        return null;
    }

    private static String loadedText(JsonNode value, LoadPlan plan, int source) {
        if (plan.loadsIntoJson(source) && value != null && !value.isMissingNode() && !value.isNull()) {
            return value.toString();
        }
        ValueType type = plan.targetType(source);
        if (value != null && value.isNumber() && !value.isIntegralNumber() && type != null) {
            int bits = switch (type.kind()) {
                case TINYINT -> 8;
                case SMALLINT -> 16;
                case INT -> 32;
                case BIGINT -> 64;
                default -> 0;
            };
            if (bits > 0) {
                // a JSON number with a fraction or exponent reaches an integer column through a double, cut toward
                // zero, NULL when out of range (recorded: corpus CASE_032)
                double number = value.doubleValue();
                double limit = Math.pow(2, bits - 1);
                return (number >= -limit && number < limit) ? Long.toString((long) number) : null;
            }
        }
        return Json.text(value);
    }

    private static JsonNode field(JsonNode row, String name) {
        JsonNode value = row.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, JsonNode> entry : row.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The rows of a JSON body: top-level values one after the other (after {@code json_root}), each an object,
     * or with {@code strip_outer_array} the elements of each top-level array.
     */
    private static List<JsonNode> jsonRows(InputStream body, LoadOptions options)
            throws IOException, LoadFailedException {
        JsonPath root = (options.jsonRoot() != null) ? JsonPath.parse(options.jsonRoot()) : null;
        if (root == null && options.jsonPaths() == null) {
            return rowsReadByField(body, options);
        }
        List<JsonNode> rows = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                JsonNode document = Json.MAPPER.readTree(parser);
                if (root != null && options.stripOuterArray() && document.isArray()) {
                    // json_root with strip_outer_array: each outer element is entered at the root and an array
                    // found there is expanded (json_scanner.cpp; corpus JSON033, JSON037)
                    for (JsonNode element : document) {
                        addRows(root.select(element), root, options, rows);
                    }
                    continue;
                }
                addRows((root != null) ? root.select(document) : document, root, options, rows);
            }
        }
        catch (JsonProcessingException ex) {
            throw new LoadFailedException("Failed to parse the JSON body: " + ex.getOriginalMessage());
        }
        return rows;
    }

    /**
     * The rows of a JSON body without {@code json_root} and {@code jsonpaths}, read as StarRocks'
     * {@code JsonReader::_construct_row_without_jsonpath} reads them (be/src/exec/json_scanner.cpp): simdjson's
     * on-demand parser finds each row's fields and reads a value only when it builds the value's column, so a value
     * it cannot read (a string with an escape JSON does not define) spoils that field only ({@link #UNREADABLE}),
     * and of a key given twice the first value counts. A body whose structure is broken is refused whole.
     */
    private static List<JsonNode> rowsReadByField(InputStream body, LoadOptions options)
            throws IOException, LoadFailedException {
        byte[] bytes = body.readAllBytes();
        List<JsonNode> rows = new ArrayList<>();
        try (JsonParser parser = ANY_ESCAPE.getFactory().createParser(bytes)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.START_OBJECT) {
                    addRows(readRow(parser, bytes), null, options, rows);
                }
                else if (parser.currentToken() == JsonToken.START_ARRAY && options.stripOuterArray()) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        rows.add((parser.currentToken() == JsonToken.START_OBJECT) ? readRow(parser, bytes)
                                : ANY_ESCAPE.readTree(parser));
                    }
                }
                else {
                    addRows(ANY_ESCAPE.readTree(parser), null, options, rows);
                }
            }
        }
        catch (JsonProcessingException ex) {
            throw new LoadFailedException("Failed to parse the JSON body: " + ex.getOriginalMessage());
        }
        return rows;
    }

    /** One row object, the parser on its START_OBJECT: its fields, each value read on its own. */
    private static JsonNode readRow(JsonParser parser, byte[] bytes) throws IOException {
        ObjectNode row = Json.MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode value = ANY_ESCAPE.readTree(parser);
            long end = parser.currentLocation().getByteOffset();
            if (!row.has(name)) {
                // json_scanner.cpp: "there may be duplicated keys in single json ... skip the duplicated key"
                row.set(name, hasUndefinedEscape(bytes, (int) start, (int) end) ? UNREADABLE : value);
            }
        }
        return row;
    }

    /**
     * Whether a string between these offsets has an escape JSON does not define (JSON's escapes are a backslash
     * before a quote, a backslash, a slash, b, f, n, r, t, or u and four hexadecimal digits), which simdjson refuses
     * when it reads the string.
     */
    private static boolean hasUndefinedEscape(byte[] bytes, int start, int end) {
        boolean inString = false;
        for (int i = start; i < end && i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                inString = !inString;
            }
            else if (inString && b == '\\') {
                byte next = (i + 1 < bytes.length) ? bytes[i + 1] : 0;
                if (next == 'u') {
                    for (int digit = 2; digit <= 5; digit++) {
                        if (i + digit >= bytes.length || Character.digit(bytes[i + digit], 16) < 0) {
                            return true;
                        }
                    }
                    i += 5;
                }
                else if ("\"\\/bfnrt".indexOf(next) >= 0 && next != 0) {
                    i++;
                }
                else {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addRows(JsonNode node, JsonPath root, LoadOptions options, List<JsonNode> rows)
            throws LoadFailedException {
        if (node.isMissingNode()) {
            throw new LoadFailedException("json_root " + root + " selects nothing in the JSON body");
        }
        if (node.isArray()) {
            if (!options.stripOuterArray()) {
                throw new LoadFailedException("The JSON body is an array; set strip_outer_array to true to "
                        + "load each element as a row");
            }
            node.forEach(rows::add);
        }
        else if (options.stripOuterArray() && root == null) {
            throw new LoadFailedException("strip_outer_array is true but the JSON body is not an array");
        }
        else {
            rows.add(node);
        }
    }

    private static long countJsonWithRoot(InputStream body, LoadOptions options)
            throws IOException, LoadFailedException {
        return jsonRows(body, options).size();
    }

    /**
     * Counts JSON rows with a byte scan: top-level values, or with {@code stripOuterArray} the elements of
     * top-level arrays. Strings (with escapes) are skipped so that brackets inside them do not count.
     */
    static long countJson(InputStream body, boolean stripOuterArray) throws IOException, LoadFailedException {
        int rowDepth = stripOuterArray ? 1 : 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        long rows = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean awaitingValue = !stripOuterArray;
        int read;
        while ((read = body.read(buffer)) != -1) {
            for (int i = 0; i < read; i++) {
                if (inString) {
                    // Strings are most of a body: skip them in a tight loop (the stub shares the benchmark's CPUs).
                    if (escaped) {
                        // the byte after a backslash that ended the previous read
                        escaped = false;
                        i++;
                    }
                    while (i < read) {
                        byte c = buffer[i];
                        if (c == '"') {
                            inString = false;
                            break;
                        }
                        if (c == '\\') {
                            if (i + 1 == read) {
                                escaped = true;
                            }
                            i += 2;
                            continue;
                        }
                        i++;
                    }
                    continue;
                }
                byte b = buffer[i];
                if (depth > rowDepth && !JSON_STRUCTURE[b & 0xFF]) {
                    // Inside a row only brackets and strings change the count: skip numbers, colons and commas.
                    while (++i < read && !JSON_STRUCTURE[buffer[i] & 0xFF]) {
                        // skipped
                    }
                    if (i == read) {
                        continue;
                    }
                    b = buffer[i];
                }
                switch (b) {
                    case ' ', '\t', '\r', '\n' -> {
                    }
                    case '{', '[' -> {
                        if (depth == rowDepth && awaitingValue) {
                            if (stripOuterArray || b == '{') {
                                rows++;
                            }
                            else {
                                throw new LoadFailedException("The JSON body is an array; set strip_outer_array to "
                                        + "true to load each element as a row");
                            }
                            awaitingValue = false;
                        }
                        else if (depth == 0 && stripOuterArray && b == '{') {
                            throw new LoadFailedException(
                                    "strip_outer_array is true but the JSON body is not an array");
                        }
                        depth++;
                        if (depth == rowDepth) {
                            awaitingValue = true;
                        }
                    }
                    case '}', ']' -> {
                        depth--;
                        if (depth < 0) {
                            throw new LoadFailedException("Failed to parse the JSON body: unbalanced '"
                                    + (char) b + "'");
                        }
                        if (depth == 0 && rowDepth == 0) {
                            awaitingValue = true;
                        }
                    }
                    case ',' -> {
                        if (depth == rowDepth) {
                            awaitingValue = true;
                        }
                    }
                    case '"' -> {
                        if (depth == rowDepth && awaitingValue && rowDepth > 0) {
                            rows++;
                            awaitingValue = false;
                        }
                        inString = true;
                    }
                    default -> {
                        if (depth == rowDepth && awaitingValue && rowDepth > 0) {
                            rows++;
                            awaitingValue = false;
                        }
                    }
                }
            }
        }
        if (depth != 0 || inString) {
            throw new LoadFailedException("Failed to parse the JSON body: unexpected end of input");
        }
        return rows;
    }

}
