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
 * @param enclose the CSV {@code enclose} byte, or {@link EnclosedCsv#NONE}
 * @param escape the CSV {@code escape} byte, or {@link EnclosedCsv#NONE}
 */
record LoadOptions(boolean json, Compression compression, byte[] columnSeparator, byte[] rowDelimiter,
        List<ColumnMapping> columns, List<String> jsonPaths, String jsonRoot, boolean stripOuterArray,
        boolean ignoreJsonSize, double maxFilterRatio, boolean strictMode, boolean partialUpdate,
        String mergeCondition, int enclose, int escape) {

    /** JSON bodies above this size are refused unless {@code ignore_json_size} is set. */
    static final long MAX_JSON_BYTES = 100L * 1024 * 1024;

    /** Headers that change how StarRocks reads the data and that the stub does not implement. */
    private static final List<String> UNSUPPORTED_HEADERS = List.of("skip_header", "trim_space");

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
        for (String unsupported : UNSUPPORTED_HEADERS) {
            if (header.apply(unsupported) != null) {
                throw new LoadFailedException("The stream load stub does not implement the '" + unsupported
                        + "' header");
            }
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
        byte[] columnSeparator = separator(header.apply("column_separator"), "\t", "column_separator");
        byte[] rowDelimiter = separator(header.apply("row_delimiter"), "\n", "row_delimiter");
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
                bool(header, "strict_mode"), bool(header, "partial_update"),
                (mergeCondition == null || mergeCondition.isBlank()) ? null : mergeCondition.trim(),
                singleByte(header.apply("enclose"), "enclose"), singleByte(header.apply("escape"), "escape"));
    }

    /**
     * Whether CSV fields may be enclosed or escaped, so rows cannot be split on delimiters alone.
     */
    boolean enclosedCsv() {
        return !this.json && (this.enclose != EnclosedCsv.NONE || this.escape != EnclosedCsv.NONE);
    }

    private static int singleByte(String value, String name) throws LoadFailedException {
        if (value == null || value.isEmpty()) {
            return EnclosedCsv.NONE;
        }
        if (value.length() != 1 || value.charAt(0) > 0x7F) {
            throw new LoadFailedException("The '" + name + "' header must be a single-byte character, got '" + value
                    + "'");
        }
        return value.charAt(0);
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

    private static boolean bool(Function<String, String> header, String name) throws LoadFailedException {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new LoadFailedException("Invalid value of header '" + name + "': '" + value
                    + "'; expected true or false");
        };
    }

    /**
     * A separator as StarRocks reads it: literal text, or hexadecimal bytes written {@code \x01} / {@code \\x01}.
     */
    static byte[] separator(String value, String defaultValue, String name) throws LoadFailedException {
        if (value == null || value.isEmpty()) {
            return defaultValue.getBytes(StandardCharsets.UTF_8);
        }
        String hex = value.startsWith("\\x") ? value.substring(2) : value.startsWith("\\\\x") ? value.substring(3)
                : null;
        if (hex != null) {
            if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
                throw new LoadFailedException("Invalid hexadecimal " + name + ": '" + value + "'");
            }
            byte[] bytes = new byte[hex.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return bytes;
        }
        String unescaped = value.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r");
        return unescaped.getBytes(StandardCharsets.UTF_8);
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
                    throw new LoadFailedException("Invalid jsonpaths (expected an array of strings): " + value);
                }
                JsonPath.parse(node.asText());
                paths.add(node.asText());
            }
            if (paths.isEmpty()) {
                throw new LoadFailedException("Invalid jsonpaths (expected an array of strings): " + value);
            }
            return List.copyOf(paths);
        }
        catch (JsonProcessingException ex) {
            throw new LoadFailedException("Invalid jsonpaths (expected an array of strings): " + value);
        }
    }

}
