package io.github.srboot.test.streamload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data headers of a Stream Load request, parsed and checked.
 *
 * @param json whether the body is JSON (else CSV)
 * @param compression how the body is compressed
 * @param columnSeparator CSV column separator bytes
 * @param rowDelimiter CSV row delimiter bytes
 * @param columns the {@code columns} mapping, or {@code null} when absent
 * @param jsonPaths the {@code jsonpaths}, or {@code null} when absent
 * @param jsonRoot the {@code json_root}, or {@code null} when absent
 * @param stripOuterArray whether a JSON array body holds one row per element
 * @param ignoreJsonSize whether JSON bodies over 100 MB are accepted
 * @param maxFilterRatio the tolerated share of rejected rows
 * @param strictMode whether a value that does not fit its column rejects the row (else it becomes NULL)
 * @param partialUpdate whether only the listed columns are updated (PRIMARY KEY tables)
 * @param mergeCondition the {@code merge_condition} column, or {@code null}
 * @param enclose the CSV {@code enclose} byte, or {@link CsvReader#NONE}
 * @param escape the CSV {@code escape} byte, or {@link CsvReader#NONE}
 * @param trimSpace whether CSV fields lose the spaces around them
 * @param skipHeader how many leading CSV lines are skipped
 * @param columnMode whether a partial update runs in column mode ({@code partial_update_mode: column})
 */
record LoadOptions(boolean json, Compression compression, byte[] columnSeparator, byte[] rowDelimiter,
        List<ColumnMapping> columns, List<String> jsonPaths, String jsonRoot, boolean stripOuterArray,
        boolean ignoreJsonSize, double maxFilterRatio, boolean strictMode, boolean partialUpdate,
        String mergeCondition, int enclose, int escape, boolean trimSpace, long skipHeader, boolean columnMode) {

    /** JSON bodies above this size are refused unless {@code ignore_json_size} is set. */
    static final long MAX_JSON_BYTES = 100L * 1024 * 1024;

    enum Compression {
        NONE, GZIP, DEFLATE, LZ4_FRAME, ZSTD, BZIP2
    }

    /**
     * One item of the {@code columns} header: a source column ({@code expression == null}) or
     * {@code target = expression}.
     */
    record ColumnMapping(String name, String expression) {
    }

    static LoadOptions parse(Function<String, String> header) throws LoadFailedException {
        String where = header.apply("where");
        if (where != null) {
            throw new LoadFailedException("The stream load stub does not evaluate the 'where' header: " + where);
        }
        String partitions = header.apply("partitions");
        if (partitions != null) {
            throw new LoadFailedException("The stream load stub has no partitions; remove the 'partitions' header: "
                    + partitions);
        }
        String envelope = header.apply("envelope");
        if (envelope != null && !envelope.isEmpty()) {
            if (!envelope.equalsIgnoreCase("debezium")) {
                // StarRocks' text (stream_load_test.cpp invalid_envelope, corpus HTTP10)
                throw new LoadFailedException("Unknown envelope type: " + envelope);
            }
            throw new LoadFailedException("The stream load stub does not implement the debezium envelope");
        }
        if (header.apply("content-encoding") != null && header.apply("compression") != null) {
            // stream_load.cpp _process_put
            throw new LoadFailedException("Only one of http header content-encoding and compression can be set");
        }
        String format = lower(header.apply("format"), "csv");
        boolean json;
        Compression compression;
        switch (format) {
            case "csv" -> { json = false; compression = Compression.NONE; }
            case "json" -> { json = true; compression = jsonCompression(header); }
            case "gzip" -> { json = false; compression = Compression.GZIP; }
            case "deflate" -> { json = false; compression = Compression.DEFLATE; }
            case "lz4", "lz4_frame" -> { json = false; compression = Compression.LZ4_FRAME; }
            case "zstd" -> { json = false; compression = Compression.ZSTD; }
            case "bzip2" -> { json = false; compression = Compression.BZIP2; }
            default -> throw new LoadFailedException("unknown data format, format=" + header.apply("format"));
        }
        if (compression == Compression.BZIP2) {
            throw new LoadFailedException("The stream load stub cannot decode bzip2 bodies");
        }
        byte[] columnSeparator = separator(header.apply("column_separator"), "\t");
        byte[] rowDelimiter = separator(header.apply("row_delimiter"), "\n");
        List<ColumnMapping> columns = parseColumns(header.apply("columns"));
        List<String> jsonPaths = parseJsonPaths(header.apply("jsonpaths"));
        String jsonRoot = header.apply("json_root");
        if (jsonRoot != null) {
            JsonPath.parse(jsonRoot);
        }
        double maxFilterRatio = 0;
        String ratio = header.apply("max_filter_ratio");
        if (ratio != null) {
            try {
                maxFilterRatio = Double.parseDouble(ratio.trim());
            }
            catch (NumberFormatException ex) {
                throw new LoadFailedException("Invalid max_filter_ratio: '" + ratio + "'");
            }
            if (!(maxFilterRatio >= 0 && maxFilterRatio <= 1)) {
                throw new LoadFailedException("max_filter_ratio must be between 0 and 1, got '" + ratio + "'");
            }
        }
        String mergeCondition = header.apply("merge_condition");
        return new LoadOptions(json, compression, columnSeparator, rowDelimiter, columns, jsonPaths, jsonRoot,
                bool(header, "strip_outer_array"), bool(header, "ignore_json_size"), maxFilterRatio,
                strictBool(header, "strict_mode", "Invalid strict mode format. Must be bool type"),
                strictBool(header, "partial_update", "Invalid partial update flag format. Must be bool type"),
                (mergeCondition == null || mergeCondition.isBlank()) ? null : mergeCondition.trim(),
                firstByte(header.apply("enclose")), firstByte(header.apply("escape")),
                strictBool(header, "trim_space", "Invalid trim space format. Must be bool type"),
                skipHeader(header.apply("skip_header")), "column".equals(header.apply("partial_update_mode")));
    }

    /**
     * Whether CSV fields may be enclosed or escaped, so rows cannot be split on delimiters alone.
     */
    boolean enclosedCsv() {
        return !this.json && (this.enclose != CsvReader.NONE || this.escape != CsvReader.NONE);
    }

    /**
     * StarRocks keeps only the first byte of {@code enclose} / {@code escape} ({@code stream_load.cpp}:
     * {@code header(HTTP_ENCLOSE)[0]}).
     */
    private static int firstByte(String value) {
        if (value == null || value.isEmpty()) {
            return CsvReader.NONE;
        }
        return value.getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    }

    private static long skipHeader(String value) throws LoadFailedException {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        long skip;
        try {
            skip = Long.parseLong(value.trim());
        }
        catch (NumberFormatException ex) {
            throw new LoadFailedException("Invalid csv load skip_header format");
        }
        if (skip < 0) {
            throw new LoadFailedException("skip_header must be equal or greater than 0");
        }
        return skip;
    }

    /**
     * A boolean header as {@code stream_load.cpp} reads it: {@code true}/{@code false} in any case, else its text.
     */
    private static boolean strictBool(Function<String, String> header, String name, String error)
            throws LoadFailedException {
        String value = header.apply(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new LoadFailedException(error);
    }

    private static Compression jsonCompression(Function<String, String> header) throws LoadFailedException {
        String compression = header.apply("compression");
        if (compression == null) {
            compression = header.apply("content-encoding");
        }
        return switch (lower(compression, "none")) {
            case "none", "identity" -> Compression.NONE;
            case "gzip" -> Compression.GZIP;
            case "deflate" -> Compression.DEFLATE;
            case "lz4_frame", "lz4" -> Compression.LZ4_FRAME;
            case "zstd" -> Compression.ZSTD;
            case "bzip2" -> Compression.BZIP2;
            default -> throw new LoadFailedException("Unknown compression '" + compression
                    + "'; expected gzip, lz4_frame, zstd, deflate or bzip2");
        };
    }

    private static String lower(String value, String defaultValue) {
        return (value == null || value.isBlank()) ? defaultValue : value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A flag the BE reads as {@code true} only when it says so, any other text being {@code false}
     * ({@code strip_outer_array}, {@code ignore_json_size} in {@code stream_load.cpp}).
     */
    private static boolean bool(Function<String, String> header, String name) {
        String value = header.apply(name);
        return value != null && value.trim().equalsIgnoreCase("true");
    }

    /**
     * A separator as the FE reads the header ({@code Delimiter.convertDelimiter}, corpus CSV264-CSV284 from
     * {@code ColumnSeparatorTest} / {@code RowDelimiterTest}): {@code \x..} or {@code 0x..} (any case) is hexadecimal
     * bytes, an even number of digits; otherwise {@code \t} and {@code \n} stand for tab and newline and every other
     * character, a backslash included, for itself.
     */
    static byte[] separator(String value, String defaultValue) throws LoadFailedException {
        if (value == null || value.isEmpty()) {
            return defaultValue.getBytes(StandardCharsets.UTF_8);
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.startsWith("\\X") || upper.startsWith("0X")) {
            String hex = value.substring(2);
            if (hex.isEmpty()) {
                throw new LoadFailedException("Invalid delimiter '" + value + ": empty hex string");
            }
            if (hex.length() % 2 != 0) {
                throw new LoadFailedException("Invalid delimiter '" + value + ": hex length must be a even number");
            }
            if (!hex.matches("[0-9a-fA-F]+")) {
                throw new LoadFailedException("Invalid delimiter '" + value + "': invalid hex format");
            }
            // Delimiter.convertDelimiter (fe/fe-core/src/main/java/com/starrocks/analysis/Delimiter.java) appends
            // (char) b for each byte b: a byte over 0x7F becomes a char from U+FF80 to U+FFFF, which reaches the BE
            // as its UTF-8 encoding (a thrift string), three bytes that are not the byte asked for.
            StringBuilder converted = new StringBuilder(hex.length() / 2);
            for (int i = 0; i < hex.length(); i += 2) {
                converted.append((char) (byte) Integer.parseInt(hex.substring(i, i + 2), 16));
            }
            return converted.toString().getBytes(StandardCharsets.UTF_8);
        }
        return value.replace("\\t", "\t").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    static List<ColumnMapping> parseColumns(String value) throws LoadFailedException {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<ColumnMapping> mappings = new ArrayList<>();
        for (String item : splitTopLevel(value)) {
            String trimmed = item.trim();
            int equals = assignmentIndex(trimmed);
            String name = stripQuotes((equals < 0) ? trimmed : trimmed.substring(0, equals).trim());
            if (name.isEmpty()) {
                throw new LoadFailedException("Empty item in header columns: '" + value + "'");
            }
            mappings.add(new ColumnMapping(name, (equals < 0) ? null : trimmed.substring(equals + 1).trim()));
        }
        return List.copyOf(mappings);
    }

    private static int assignmentIndex(String item) {
        boolean quoted = false;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '\'' || c == '"') {
                quoted = !quoted;
            }
            else if (c == '=' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String stripQuotes(String name) {
        return (name.length() >= 2 && name.startsWith("`") && name.endsWith("`"))
                ? name.substring(1, name.length() - 1) : name;
    }

    private static List<String> splitTopLevel(String value) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            }
            else if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
            }
            else if (c == ',' && depth == 0) {
                items.add(value.substring(start, i));
                start = i + 1;
            }
        }
        items.add(value.substring(start));
        return items;
    }

    private static List<String> parseJsonPaths(String value) throws LoadFailedException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            List<String> paths = new ArrayList<>();
            for (JsonNode node : Json.MAPPER.readTree(value)) {
                if (!node.isTextual()) {
                    throw new LoadFailedException("parse error. Invalid json path: " + value);
                }
                JsonPath.parse(node.asText());
                paths.add(node.asText());
            }
            if (paths.isEmpty()) {
                throw new LoadFailedException("parse error. Invalid json path: " + value);
            }
            return List.copyOf(paths);
        }
        catch (JsonProcessingException ex) {
            // the JSON scanner's text (json_scanner.cpp, corpus JSON011)
            throw new LoadFailedException("parse error. Invalid json path: " + value);
        }
    }

}
