package io.github.srboot.streamload;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.srboot.streamload.internal.http.Labels;

/**
 * Options of a load: format, columns, Primary Key operations, data quality settings, label and extra headers.
 *
 * <p>Start from {@link #json()} or {@link #csv()} and adjust with the {@code with...} methods; every method returns
 * a new instance. {@code null} means "not set": the template's or the server's default applies.
 *
 * @param format body format
 * @param columns the {@code columns} header (also the CSV field order); empty: derived from the rows for CSV, not
 * sent for JSON
 * @param operation maps each row to its {@code __op} (Primary Key tables), or {@code null} for plain upserts
 * @param partialUpdate whether to send {@code partial_update: true} (then {@code columns} should list the changed
 * columns)
 * @param mergeCondition column for {@code merge_condition}, or {@code null}
 * @param maxFilterRatio {@code max_filter_ratio}, or {@code null} for the server default (0)
 * @param strictMode {@code strict_mode}, or {@code null} for the server default
 * @param timeout the load's {@code timeout}, or {@code null} for the template default
 * @param compression body compression, or {@code null} for the template default
 * @param label the exact label for a single {@code load}, or {@code null} to generate one
 * @param labelPrefix the prefix of generated labels, or {@code null} for the template default
 * @param columnSeparator CSV column separator
 * @param rowDelimiter CSV row delimiter
 * @param zone zone in which instants ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Date})
 * are written as StarRocks DATETIME values
 * @param headers extra headers sent as they are (e.g. {@code where}, {@code partitions}, {@code timezone})
 */
public record LoadOptions(LoadFormat format, List<String> columns, Function<Object, RowOperation> operation,
        boolean partialUpdate, String mergeCondition, Double maxFilterRatio, Boolean strictMode, Duration timeout,
        LoadCompression compression, String label, String labelPrefix, String columnSeparator, String rowDelimiter,
        ZoneId zone, Map<String, String> headers) {

    /** The name of StarRocks' virtual operation column. */
    public static final String OP_COLUMN = "__op";

    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "label", "expect", "content-length",
            "transfer-encoding", "host", "format", "columns", "compression", "content-encoding",
            "strip_outer_array", "column_separator", "row_delimiter", "enclose", "escape", "timeout");

    /**
     * Validates and freezes the options.
     */
    public LoadOptions {
        if (format == null) {
            throw new IllegalArgumentException("LoadOptions.format is required (JSON or CSV).");
        }
        columns = (columns != null) ? List.copyOf(columns) : List.of();
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("LoadOptions.columns contains a blank column name: " + columns);
            }
        }
        if (maxFilterRatio != null && !(maxFilterRatio >= 0 && maxFilterRatio <= 1)) {
            throw new IllegalArgumentException("max_filter_ratio must be within [0, 1], got " + maxFilterRatio);
        }
        if (timeout != null && (timeout.isNegative() || timeout.toSeconds() < 1)) {
            throw new IllegalArgumentException("The load timeout must be at least one second, got " + timeout);
        }
        if (label != null) {
            Labels.requireValidLabel(label);
        }
        if (labelPrefix != null) {
            Labels.requireValidPrefix(labelPrefix);
        }
        requireSeparator("columnSeparator", columnSeparator);
        requireSeparator("rowDelimiter", rowDelimiter);
        if (columnSeparator.equals(rowDelimiter)) {
            throw new IllegalArgumentException(
                    "The CSV column separator and row delimiter must differ, both are " + printable(rowDelimiter));
        }
        if (zone == null) {
            throw new IllegalArgumentException("LoadOptions.zone is required.");
        }
        headers = (headers != null) ? Map.copyOf(headers) : Map.of();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (isMergeCommitHeader(header.getKey())) {
                // A merge commit load goes to the leader FE and has no label idempotency: an ordinary load carrying
                // the header would take neither into account.
                throw new IllegalArgumentException("Header '" + header.getKey() + "' turns a load into a merge commit"
                        + " load, which ordinary loads, streams and writers do not handle; use"
                        + " StreamLoadTemplate.loadWithMergeCommit(table, rows, options, MergeCommit) instead.");
            }
            if (RESERVED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Header '" + header.getKey()
                        + "' is set by the template; use the matching LoadOptions setting instead.");
            }
            if (header.getValue() == null) {
                throw new IllegalArgumentException("Header '" + header.getKey() + "' has no value.");
            }
        }
    }

    /**
     * JSON with every other option unset (the default options).
     */
    public static LoadOptions json() {
        return new LoadOptions(LoadFormat.JSON, List.of(), null, false, null, null, null, null, null, null, null,
                "\t", "\n", ZoneOffset.UTC, Map.of());
    }

    /**
     * CSV separated by tabs and newlines, every other option unset.
     */
    public static LoadOptions csv() {
        return json().withFormat(LoadFormat.CSV);
    }

    public LoadOptions withFormat(LoadFormat format) {
        return new LoadOptions(format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withColumns(String... columns) {
        return withColumns(List.of(columns));
    }

    public LoadOptions withColumns(List<String> columns) {
        return new LoadOptions(this.format, columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    /**
     * Writes {@code __op} for every row from the given function (Primary Key tables: upsert or delete).
     */
    @SuppressWarnings("unchecked")
    public <T> LoadOptions withOperation(Function<? super T, RowOperation> operation) {
        return new LoadOptions(this.format, this.columns, (Function<Object, RowOperation>) operation,
                this.partialUpdate, this.mergeCondition, this.maxFilterRatio, this.strictMode, this.timeout,
                this.compression, this.label, this.labelPrefix, this.columnSeparator, this.rowDelimiter, this.zone,
                this.headers);
    }

    public LoadOptions withPartialUpdate(boolean partialUpdate) {
        return new LoadOptions(this.format, this.columns, this.operation, partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withMergeCondition(String column) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, column,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withMaxFilterRatio(double maxFilterRatio) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withStrictMode(boolean strictMode) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withTimeout(Duration timeout) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withCompression(LoadCompression compression) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    /**
     * Uses exactly this label (single loads only; {@code stream} and writers need a prefix instead).
     */
    public LoadOptions withLabel(String label) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withLabelPrefix(String labelPrefix) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withSeparators(String columnSeparator, String rowDelimiter) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                columnSeparator, rowDelimiter, this.zone, this.headers);
    }

    public LoadOptions withZone(ZoneId zone) {
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, zone, this.headers);
    }

    /**
     * Adds a header sent as it is (for settings without a dedicated option).
     */
    public LoadOptions withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        headers.put(name, value);
        return new LoadOptions(this.format, this.columns, this.operation, this.partialUpdate, this.mergeCondition,
                this.maxFilterRatio, this.strictMode, this.timeout, this.compression, this.label, this.labelPrefix,
                this.columnSeparator, this.rowDelimiter, this.zone, headers);
    }

    /** {@code enable_merge_commit} and the {@code merge_commit_*} settings ({@code HttpHeaders} of StarRocks' FE). */
    private static boolean isMergeCommitHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("enable_merge_commit") || lower.startsWith("merge_commit_");
    }

    private static void requireSeparator(String name, String separator) {
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("The CSV " + name + " must not be empty.");
        }
        if (separator.indexOf('"') >= 0 || separator.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("The CSV " + name + " " + printable(separator)
                    + " must not contain the enclose (\") or escape (\\) character.");
        }
        for (int i = 0; i < separator.length(); i++) {
            if (separator.charAt(i) > 0x7f) {
                // The FE turns each byte of a hex separator into a signed Java char (Delimiter.convertDelimiter:
                // (char) b), so a byte over 0x7F reaches the BE as another character; the BE would split on bytes
                // the data does not hold. Such a separator cannot be sent so that StarRocks reads it right.
                throw new IllegalArgumentException("The CSV " + name + " " + printable(separator) + " has a"
                        + " character outside ASCII, which StarRocks' FE changes before the BE reads it; use an ASCII"
                        + " separator (such as \\x01 or |).");
            }
        }
    }

    /**
     * A separator as StarRocks reads it in a header: printable ASCII as it is, otherwise all its UTF-8 bytes in
     * hexadecimal after {@code \x} (StarRocks' notation, e.g. {@code \x01} or {@code \x0102}).
     */
    public static String printable(String separator) {
        byte[] bytes = separator.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean plain = true;
        for (byte b : bytes) {
            plain &= b > 0x20 && b < 0x7f;
        }
        if (plain) {
            return separator;
        }
        StringBuilder out = new StringBuilder("\\x");
        for (byte b : bytes) {
            out.append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "LoadOptions[format=" + this.format + ", columns=" + this.columns + ", operation="
                + ((this.operation != null) ? "mapped" : "none") + ", partialUpdate=" + this.partialUpdate
                + ", mergeCondition=" + this.mergeCondition + ", maxFilterRatio=" + this.maxFilterRatio
                + ", strictMode=" + this.strictMode + ", timeout=" + this.timeout + ", compression="
                + this.compression + ", label=" + this.label + ", labelPrefix=" + this.labelPrefix
                + ", columnSeparator=" + printable(this.columnSeparator) + ", rowDelimiter="
                + printable(this.rowDelimiter) + ", zone=" + this.zone + ", headers=" + this.headers + "]";
    }

}
