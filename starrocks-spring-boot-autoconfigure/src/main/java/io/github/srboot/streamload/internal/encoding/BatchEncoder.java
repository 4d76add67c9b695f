package io.github.srboot.streamload.internal.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.github.srboot.streamload.LoadCompression;
import io.github.srboot.streamload.LoadFormat;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.RowOperation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.JsonSerializer;

/**
 * Encodes rows of one batch straight into pooled buffers (optionally through a compressor): JSON with Jackson's
 * streaming generator, CSV with an escaping writer. No per-row strings, no copy of the whole batch.
 *
 * <p>Not thread-safe: one batch, one writer at a time.
 */
public abstract sealed class BatchEncoder permits BatchEncoder.Json, BatchEncoder.Csv {

    final PooledChunks chunks = new PooledChunks();

    final RowCodec codec;

    final LoadOptions options;

    final CountingStream counter;

    int rows;

    private boolean finished;

    private BatchEncoder(RowCodec codec, LoadOptions options, LoadCompression compression) {
        this.codec = codec;
        this.options = options;
        this.counter = new CountingStream(compressing(this.chunks, compression));
    }

    /**
     * Opens an encoder for the options' format.
     */
    public static BatchEncoder open(RowCodec codec, LoadOptions options, LoadCompression compression) {
        return (options.format() == LoadFormat.JSON) ? new Json(codec, options, compression)
                : new Csv(codec, options, compression);
    }

    /**
     * Encodes one row; a row that cannot be encoded fails with an {@link IllegalArgumentException} naming the
     * field, and leaves the batch unusable.
     */
    public final void write(Object row) {
        if (row == null) {
            throw new IllegalArgumentException("A row is null.");
        }
        try {
            encode(row);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not encode a row: " + ex.getMessage(), ex);
        }
        this.rows++;
    }

    abstract void encode(Object row) throws IOException;

    /**
     * Encodes one row given as its values in the order of the options' {@code columns} (rows the caller assembles
     * field by field, such as the change path's); fails like {@link #write}.
     */
    public final void writeFields(Object[] fields) {
        try {
            encodeFields(fields);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not encode a row: " + ex.getMessage(), ex);
        }
        this.rows++;
    }

    abstract void encodeFields(Object[] fields) throws IOException;

    abstract void close() throws IOException;

    /** Rows written so far. */
    final int rows() {
        return this.rows;
    }

    /** Bytes encoded so far, before compression (close to exact: at most one internal buffer behind). */
    abstract long encodedBytes();

    /** Memory held by the batch. */
    final long allocated() {
        return this.chunks.allocated();
    }

    /** The column list this batch was written for (empty: JSON matched by name). */
    abstract List<String> columns();

    /**
     * Completes the body; the encoder must not be used afterwards.
     */
    public final EncodedBatch finish() {
        if (this.finished) {
            throw new IllegalStateException("The batch is already finished.");
        }
        this.finished = true;
        try {
            close();
        }
        catch (IOException ex) {
            this.chunks.release();
            throw new UncheckedIOException("Could not complete a batch: " + ex.getMessage(), ex);
        }
        return new EncodedBatch(this.chunks, this.rows, this.counter.count, columns());
    }

    /** Drops the batch and frees its memory. */
    public final void abandon() {
        this.finished = true;
        this.chunks.release();
    }

    private static OutputStream compressing(PooledChunks chunks, LoadCompression compression) {
        try {
            return switch (compression) {
                case NONE -> chunks;
                case GZIP -> new GZIPOutputStream(chunks, 64 * 1024);
                case LZ4_FRAME -> Lz4.frameStream(chunks);
            };
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static final class CountingStream extends OutputStream {

        private final OutputStream target;

        long count;

        CountingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            this.target.write(b);
            this.count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            this.target.write(bytes, offset, length);
            this.count += length;
        }

        private boolean closed;

        @Override
        public void close() throws IOException {
            if (!this.closed) {
                this.closed = true;
                this.target.close();
            }
        }

    }

    /** Loads LZ4 classes only when LZ4 is used. */
    private static final class Lz4 {

        static OutputStream frameStream(OutputStream target) throws IOException {
            try {
                Class.forName("net.jpountz.lz4.LZ4FrameOutputStream", false, BatchEncoder.class.getClassLoader());
            }
            catch (ClassNotFoundException ex) {
                throw new IllegalStateException(
                        "LZ4 compression needs at.yawk.lz4:lz4-java on the classpath; add it or use GZIP.", ex);
            }
            return new net.jpountz.lz4.LZ4FrameOutputStream(target,
                    net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB);
        }

    }

    /** A JSON array of objects. */
    static final class Json extends BatchEncoder {

        private final JsonGenerator generator;

        /** One provider per batch: Jackson would otherwise create one per row. */
        private final DefaultSerializerProvider provider;

        private final RowOperationColumn operation;

        private List<String> columns;

        Json(RowCodec codec, LoadOptions options, LoadCompression compression) {
            super(codec, options, compression);
            this.operation = (options.operation() != null) ? new RowOperationColumn(options.operation()) : null;
            this.provider = ((DefaultSerializerProvider) codec.mapper.getSerializerProvider())
                .createInstance(codec.mapper.getSerializationConfig(), codec.mapper.getSerializerFactory());
            try {
                // The array's brackets and commas are written here: rows go either straight into the buffer or,
                // one at a time, through the generator as root-level values with nothing between them.
                this.generator = codec.mapper.createGenerator(this.counter);
                this.generator.setRootValueSeparator(null);
            }
            catch (IOException ex) {
                this.chunks.release();
                throw new UncheckedIOException(ex);
            }
            this.buffer.append((byte) '[');
        }

        /** Rows written directly, drained into the body between rows. */
        private final JsonRowPlan.Buffer buffer = new JsonRowPlan.Buffer(DRAIN_AT + 4096);

        private static final int DRAIN_AT = 16 * 1024;

        private Class<?> planType;

        private JsonRowPlan plan;

        @Override
        void encode(Object row) throws IOException {
            if (this.rows > 0) {
                this.buffer.append((byte) ',');
            }
            trackColumns(row);
            if (this.operation == null && writtenDirectly(row)) {
                return;
            }
            drainBuffer();
            if (this.operation == null) {
                this.provider.serializeValue(this.generator, row);
            }
            else {
                writeWithOperation(row);
            }
            this.generator.flush();
        }

        /**
         * Writes a record or bean row through its {@link JsonRowPlan}; {@code false}, with nothing written, when the
         * class has none or a value of this row needs Jackson.
         */
        private boolean writtenDirectly(Object row) throws IOException {
            if (!RowFields.isBean(row)) {
                return false;
            }
            if (row.getClass() != this.planType) {
                this.plan = this.codec.jsonPlan(row);
                this.planType = row.getClass();
            }
            if (this.plan == null) {
                return false;
            }
            int rowStart = this.buffer.position;
            if (!this.plan.write(row, this.buffer)) {
                this.buffer.position = rowStart;
                return false;
            }
            if (this.buffer.position >= DRAIN_AT) {
                drainBuffer();
            }
            return true;
        }

        /** The plan of rows written by {@link #encodeFields}, from the options' columns ({@code null}: Jackson). */
        private JsonRowPlan fieldPlan;

        private boolean fieldPlanned;

        @Override
        void encodeFields(Object[] fields) throws IOException {
            List<String> names = this.options.columns();
            if (!this.fieldPlanned) {
                this.fieldPlan = this.codec.jsonFieldPlan(names);
                this.fieldPlanned = true;
            }
            if (this.rows > 0) {
                this.buffer.append((byte) ',');
            }
            int rowStart = this.buffer.position;
            if (this.fieldPlan != null && this.fieldPlan.writeFields(fields, this.buffer)) {
                if (this.buffer.position >= DRAIN_AT) {
                    drainBuffer();
                }
                return;
            }
            // a value the direct writer does not cover (JSON, collections, maps, binaries...): Jackson writes the row
            this.buffer.position = rowStart;
            drainBuffer();
            Map<String, Object> row = new java.util.LinkedHashMap<>(2 * fields.length);
            for (int i = 0; i < fields.length; i++) {
                row.put(names.get(i), fields[i]);
            }
            this.provider.serializeValue(this.generator, row);
            this.generator.flush();
        }

        private void drainBuffer() throws IOException {
            this.counter.write(this.buffer.bytes, 0, this.buffer.position);
            this.buffer.position = 0;
            if (this.buffer.bytes.length > 4 * DRAIN_AT) {
                // a huge row grew the buffer: do not keep its memory for the rest of the batch
                this.buffer.bytes = new byte[DRAIN_AT + 4096];
            }
        }

        /**
         * The batch's columns header comes from its first row (plus {@code __op} with an operation mapping); later
         * rows of a partial update are checked against it.
         */
        private void trackColumns(Object row) {
            if (this.columns == null) {
                this.columns = columnsFrom(row);
            }
            requireKnownFields(row);
        }

        private List<String> columnsFrom(Object row) {
            if (this.operation == null) {
                // A partial update needs the columns header (the FE refuses it without one): the first row's.
                return (this.options.partialUpdate() && this.options.columns().isEmpty())
                        ? List.copyOf(this.codec.fields.names(row)) : this.options.columns();
            }
            List<String> names = new ArrayList<>(this.options.columns().isEmpty() ? this.codec.fields.names(row)
                    : this.options.columns());
            if (!names.contains(LoadOptions.OP_COLUMN)) {
                names.add(LoadOptions.OP_COLUMN);
            }
            return List.copyOf(names);
        }

        /**
         * A partial update writes every column of its header for every row: a key the header lacks would be dropped,
         * and a header column the row lacks (a Map or JSON object without that key) would be written as NULL by
         * StarRocks' JSON reader. Both are refused, naming the keys.
         */
        private void requireKnownFields(Object row) {
            if (!this.options.partialUpdate()) {
                return;
            }
            List<String> names = this.codec.fields.names(row);
            if (this.options.columns().isEmpty() && !this.columns.containsAll(names)) {
                List<String> extra = new ArrayList<>(names);
                extra.removeAll(this.columns);
                throw new IllegalArgumentException("A row of this partial update has fields " + extra
                        + " that the batch's first row had not; the columns header " + this.columns
                        + " would drop them. Set LoadOptions.withColumns(...) to every column the rows update.");
            }
            List<String> missing = new ArrayList<>(this.columns);
            missing.remove(LoadOptions.OP_COLUMN);
            // mappings such as "v = k * 2" are computed by the server, not read from the row
            missing.removeIf((column) -> column.contains("="));
            missing.removeAll(names);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("A row of this partial update lacks " + missing + " of the columns"
                        + " header " + this.columns + "; StarRocks would write NULL into them. Load rows with"
                        + " different keys in separate partial updates.");
            }
        }

        private void writeWithOperation(Object row) throws IOException {
            JsonGenerator out = this.generator;
            out.writeStartObject();
            if (row instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String name = String.valueOf(entry.getKey());
                    this.operation.requireNotInRow(name);
                    out.writeFieldName(name);
                    this.provider.serializeValue(out, entry.getValue());
                }
            }
            else if (row instanceof JsonNode node) {
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("A JSON row must be an object, got " + node.getNodeType());
                }
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    this.operation.requireNotInRow(field.getKey());
                    out.writeFieldName(field.getKey());
                    out.writeTree(field.getValue());
                }
            }
            else {
                JsonSerializer<Object> serializer = this.provider.findValueSerializer(row.getClass());
                Iterator<PropertyWriter> properties = serializer.properties();
                while (properties.hasNext()) {
                    PropertyWriter property = properties.next();
                    this.operation.requireNotInRow(property.getName());
                    if (property instanceof BeanPropertyWriter beanProperty) {
                        try {
                            beanProperty.serializeAsField(row, out, this.provider);
                        }
                        catch (IOException | RuntimeException ex) {
                            throw ex;
                        }
                        catch (Exception ex) {
                            throw new IllegalArgumentException("Could not write field '" + property.getName()
                                    + "' of a " + row.getClass().getName() + ": " + ex.getMessage(), ex);
                        }
                    }
                }
            }
            out.writeNumberField(LoadOptions.OP_COLUMN, this.operation.code(row));
            out.writeEndObject();
        }

        @Override
        long encodedBytes() {
            return this.counter.count + this.buffer.position;
        }

        @Override
        List<String> columns() {
            return (this.columns != null) ? this.columns : this.options.columns();
        }

        @Override
        void close() throws IOException {
            this.buffer.append((byte) ']');
            drainBuffer();
            this.generator.close();
            this.counter.close();
        }

    }

    /**
     * Delimited text read with the {@code enclose: "} and {@code escape: \} headers: text with special characters
     * enclosed, {@code "} and {@code \} escaped inside, {@code \\N} for null. StarRocks' reader drops each escape byte
     * before its NULL check ({@code csv_reader.cpp}, {@code nullable_converter.cpp}), so {@code \\N} arrives as the
     * NULL marker {@code \N}, and the text {@code \N} itself cannot be written at all.
     */
    public static final class Csv extends BatchEncoder {

        private static final byte[] NULL = { '\\', '\\', 'N' };

        private final byte[] buffer = new byte[16 * 1024];

        private int position;

        private long flushed;

        private final String columnSeparator;

        private final String rowDelimiter;

        private final byte[] columnSeparatorBytes;

        private final byte[] rowDelimiterBytes;

        /** One-character separators (the usual case) are found in the same pass as quotes and newlines. */
        private final boolean singleCharSeparators;

        private final char separatorChar;

        private final char delimiterChar;

        private final RowOperationColumn operation;

        private final boolean[] specialAscii = new boolean[0x80];

        private List<String> columns;

        private boolean[] isOperation;

        private boolean strictFields;

        /** Accessors of the columns for the bean type of the last row (rows of a batch usually share one type). */
        private Class<?> accessorType;

        private BeanPropertyWriter[] accessors;

        Csv(RowCodec codec, LoadOptions options, LoadCompression compression) {
            super(codec, options, compression);
            this.columnSeparator = options.columnSeparator();
            this.rowDelimiter = options.rowDelimiter();
            this.columnSeparatorBytes = this.columnSeparator.getBytes(StandardCharsets.UTF_8);
            this.rowDelimiterBytes = this.rowDelimiter.getBytes(StandardCharsets.UTF_8);
            this.singleCharSeparators = this.columnSeparator.length() == 1 && this.rowDelimiter.length() == 1;
            // '"' already triggers enclosing, so it stands in for "no single-character separator" here.
            this.separatorChar = (this.columnSeparator.length() == 1) ? this.columnSeparator.charAt(0) : '"';
            this.delimiterChar = (this.rowDelimiter.length() == 1) ? this.rowDelimiter.charAt(0) : '"';
            // ASCII that sends a text down the general path: what needsEnclosing looks for, and the first character
            // of a longer separator (whose whole occurrence the general path checks).
            for (char c : new char[] { '"', '\\', '\n', '\r', this.columnSeparator.charAt(0),
                this.rowDelimiter.charAt(0) }) {
                if (c < 0x80) {
                    this.specialAscii[c] = true;
                }
            }
            this.operation = (options.operation() != null) ? new RowOperationColumn(options.operation()) : null;
        }

        @Override
        void encode(Object row) throws IOException {
            if (this.columns == null) {
                startColumns(row);
            }
            List<String> columns = this.columns;
            BeanPropertyWriter[] accessors = null;
            if (RowFields.isBean(row)) {
                if (row.getClass() != this.accessorType) {
                    this.accessors = this.codec.fields.accessors(row.getClass(), columns, this.isOperation);
                    this.accessorType = row.getClass();
                }
                accessors = this.accessors;
            }
            int matched = 0;
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    raw(this.columnSeparatorBytes);
                }
                if (this.isOperation[i]) {
                    writeLong(this.operation.code(row));
                }
                else {
                    writeValue((accessors != null) ? RowFields.read(accessors[i], row)
                            : this.codec.fields.value(row, columns.get(i)));
                    matched++;
                }
            }
            if (this.strictFields && this.codec.fields.size(row) > matched) {
                List<String> extra = new ArrayList<>(this.codec.fields.names(row));
                extra.removeAll(columns);
                throw new IllegalArgumentException("A row has fields " + extra
                        + " that are not in the load's columns " + columns + "; they would be lost.");
            }

            raw(this.rowDelimiterBytes);
        }

        @Override
        void encodeFields(Object[] fields) throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    raw(this.columnSeparatorBytes);
                }
                writeValue(fields[i]);
            }
            raw(this.rowDelimiterBytes);
        }

        /**
         * Whether a value is written as a plain scalar field: text, numbers, booleans, dates and times (and NULL).
         * Anything else (binaries, JSON, collections, maps, other objects) is left to JSON by callers that may
         * choose: StarRocks' CSV reader takes binaries only as base64 it may also read as raw bytes
         * ({@code be/src/formats/csv/varbinary_converter.cpp}), and nested values by its own grammar.
         */
        public static boolean writesScalar(Object value) {
            if (value == null) {
                return true;
            }
            Class<?> type = value.getClass();
            return type == String.class || type == Long.class || type == Integer.class || type == Boolean.class
                    || type == BigDecimal.class || type == LocalDateTime.class || type == LocalDate.class
                    || type == Short.class || type == Byte.class || type == Double.class || type == Float.class
                    || type == BigInteger.class || type == LocalTime.class || type == Instant.class
                    || type == OffsetDateTime.class || type == ZonedDateTime.class || type == java.util.UUID.class
                    || type == Character.class || value instanceof Enum<?>;
        }

        private void startColumns(Object row) {
            List<String> names = new ArrayList<>(this.options.columns().isEmpty() ? this.codec.fields.names(row)
                    : this.options.columns());
            if (this.operation != null && !names.contains(LoadOptions.OP_COLUMN)) {
                names.add(LoadOptions.OP_COLUMN);
            }
            this.columns = List.copyOf(names);
            this.isOperation = new boolean[names.size()];
            for (int i = 0; i < names.size(); i++) {
                this.isOperation[i] = this.operation != null && LoadOptions.OP_COLUMN.equals(names.get(i));
            }
            // Maps and JSON objects carry their own keys: a key outside the columns would be silently dropped.
            this.strictFields = row instanceof Map<?, ?> || row instanceof JsonNode;
        }

        private void writeValue(Object value) throws IOException {
            if (value == null) {
                raw(NULL);
                return;
            }
            // The usual column types by exact class first: an instanceof test against an interface that fails
            // (CharSequence for a Long) scans the class's supertypes and cost more than writing the value.
            Class<?> type = value.getClass();
            if (type == String.class) {
                writeText((String) value);
            }
            else if (type == Long.class || type == Integer.class) {
                writeLong(((Number) value).longValue());
            }
            else if (type == BigDecimal.class) {
                writeDecimal((BigDecimal) value);
            }
            else if (type == LocalDateTime.class) {
                writeDateTime((LocalDateTime) value);
            }
            else if (type == LocalDate.class) {
                writeDate((LocalDate) value);
            }
            else {
                writeOtherValue(value);
            }
        }

        private void writeOtherValue(Object value) throws IOException {
            if (value instanceof CharSequence text) {
                writeText(text);
            }
            else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                writeLong(((Number) value).longValue());
            }
            else if (value instanceof Boolean bool) {
                raw(bool ? (byte) '1' : (byte) '0');
            }
            else if (value instanceof BigDecimal decimal) {
                writeDecimal(decimal);
            }
            else if (value instanceof Double || value instanceof Float) {
                writeFloating(((Number) value).doubleValue(), value);
            }
            else if (value instanceof BigInteger) {
                writeAscii(value.toString());
            }
            else if (value instanceof LocalDateTime dateTime) {
                writeDateTime(dateTime);
            }
            else if (value instanceof LocalDate date) {
                writeDate(date);
            }
            else if (value instanceof LocalTime time) {
                writeAscii(StarRocksJson.TIME.format(time));
            }
            else if (value instanceof Instant instant) {
                writeDateTime(StarRocksJson.local(instant, this.codec.zone));
            }
            else if (value instanceof OffsetDateTime dateTime) {
                writeDateTime(StarRocksJson.local(dateTime.toInstant(), this.codec.zone));
            }
            else if (value instanceof ZonedDateTime dateTime) {
                writeDateTime(StarRocksJson.local(dateTime.toInstant(), this.codec.zone));
            }
            else if (value.getClass() == Date.class) {
                // a plain Date without a String (its java.sql subclasses keep their own text, below)
                writeDateTime(StarRocksJson.local(((Date) value).toInstant(), this.codec.zone));
            }
            else if (value instanceof Date date) {
                writeAscii(StarRocksJson.format(date, this.codec.zone));
            }
            else if (value instanceof Character || value instanceof java.util.UUID) {
                writeText(value.toString());
            }
            else if (value instanceof Enum<?> constant) {
                writeText(constant.name());
            }
            else if (value instanceof byte[]) {
                throw new IllegalArgumentException(
                        "byte[] values cannot be written to CSV; load them with LoadFormat.JSON (base64) instead.");
            }
            else if (value instanceof JsonNode node && node.isValueNode()) {
                writeValue(node.isNull() ? null : (node.isTextual() ? node.textValue()
                        : node.isBoolean() ? (Object) node.booleanValue() : node.numberValue()));
            }
            else {
                // Arrays, maps, structs and JSON columns: StarRocks parses their JSON text in CSV fields.
                writeText(this.codec.mapper.writeValueAsString(value));
            }
        }

        private void writeText(CharSequence text) throws IOException {
            if (text instanceof String string && writePlainAscii(string)) {
                return;
            }
            if (!needsEnclosing(text)) {
                utf8(text, false);
                return;
            }
            raw((byte) '"');
            utf8(text, true);
            raw((byte) '"');
        }

        /**
         * The common case in one pass: a non-empty ASCII text with no byte the reader treats specially, copied as
         * it is. Returns {@code false}, having written nothing, for anything else (then the general path decides).
         */
        private boolean writePlainAscii(String text) throws IOException {
            int length = text.length();
            if (length == 0 || length > this.buffer.length) {
                return false;
            }
            room(length);
            byte[] out = this.buffer;
            int at = this.position;
            boolean[] special = this.specialAscii;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80 || special[c]) {
                    return false;
                }
                out[at + i] = (byte) c;
            }
            this.position = at + length;
            return true;
        }

        private boolean needsEnclosing(CharSequence text) {
            int length = text.length();
            if (length == 2 && text.charAt(0) == '\\' && text.charAt(1) == 'N') {
                // Enclosed or escaped, it still reaches the NULL check as \N: StarRocks would store NULL.
                throw new IllegalArgumentException("The text value \\N cannot be loaded as CSV: StarRocks' CSV reader"
                        + " reads it as NULL however it is quoted or escaped; load it with LoadFormat.JSON.");
            }
            if (length == 0) {
                // "" is the empty string; an empty field alone on its line would be a blank line, which is skipped.
                return true;
            }
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == this.separatorChar
                        || c == this.delimiterChar) {
                    return true;
                }
            }
            if (this.singleCharSeparators) {
                return false;
            }
            String string = text.toString();
            return string.contains(this.columnSeparator) || string.contains(this.rowDelimiter);
        }

        /** Writes text as UTF-8, escaping the enclose and escape characters when inside an enclosed field. */
        private void utf8(CharSequence text, boolean escaping) throws IOException {
            int length = text.length();
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (this.position + 4 > this.buffer.length) {
                    drain();
                }
                byte[] out = this.buffer;
                if (c < 0x80) {
                    if (escaping && (c == '"' || c == '\\')) {
                        out[this.position++] = '\\';
                    }
                    out[this.position++] = (byte) c;
                }
                else if (c < 0x800) {
                    out[this.position++] = (byte) (0xC0 | (c >> 6));
                    out[this.position++] = (byte) (0x80 | (c & 0x3F));
                }
                else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    out[this.position++] = (byte) (0xF0 | (codePoint >> 18));
                    out[this.position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    out[this.position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    out[this.position++] = (byte) (0x80 | (codePoint & 0x3F));
                }
                else if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("A text value contains an unpaired surrogate at index " + i
                            + ": " + RowFields.abbreviate(text.toString()));
                }
                else {
                    out[this.position++] = (byte) (0xE0 | (c >> 12));
                    out[this.position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[this.position++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }

        private void writeDateTime(LocalDateTime value) throws IOException {
            room(StarRocksJson.DATE_TIME_LENGTH);
            if (!advance(ValueText.writeDateTime(this.buffer, this.position, value))) {
                writeAscii(StarRocksJson.DATE_TIME.format(value));
            }
        }

        private void writeAscii(String text) throws IOException {
            utf8(text, false);
        }

        private void writeLong(long value) throws IOException {
            room(ValueText.LONG_LENGTH);
            this.position = ValueText.writeLong(this.buffer, this.position, value);
        }

        private void writeDecimal(BigDecimal value) throws IOException {
            room(ValueText.DECIMAL_LENGTH);
            if (!advance(ValueText.writeDecimal(this.buffer, this.position, value))) {
                writeAscii(value.toPlainString());
            }
        }

        private void writeFloating(double value, Object boxed) throws IOException {
            room(ValueText.LONG_LENGTH + 2);
            if (!advance(ValueText.writeWholeDouble(this.buffer, this.position, value))) {
                writeAscii(boxed.toString());
            }
        }

        private void writeDate(LocalDate value) throws IOException {
            room(ValueText.DATE_LENGTH);
            if (!advance(ValueText.writeDate(this.buffer, this.position, value))) {
                writeAscii(value.toString());
            }
        }

        /** Makes room for a value written straight into the buffer by {@link ValueText}. */
        private void room(int bytes) throws IOException {
            if (this.position + bytes > this.buffer.length) {
                drain();
            }
        }

        /** Moves past a value {@link ValueText} wrote; {@code false} when it declined (-1). */
        private boolean advance(int end) {
            if (end < 0) {
                return false;
            }
            this.position = end;
            return true;
        }

        private void raw(byte b) throws IOException {
            if (this.position == this.buffer.length) {
                drain();
            }
            this.buffer[this.position++] = b;
        }

        private void raw(byte[] bytes) throws IOException {
            if (this.position + bytes.length > this.buffer.length) {
                drain();
            }
            if (bytes.length > this.buffer.length) {
                this.counter.write(bytes, 0, bytes.length);
                return;
            }
            System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
            this.position += bytes.length;
        }

        private void drain() throws IOException {
            this.counter.write(this.buffer, 0, this.position);
            this.flushed += this.position;
            this.position = 0;
        }

        @Override
        long encodedBytes() {
            return this.flushed + this.position;
        }

        @Override
        List<String> columns() {
            return (this.columns != null) ? this.columns : this.options.columns();
        }

        @Override
        void close() throws IOException {
            drain();
            this.counter.close();
        }

    }

    /** The {@code __op} value of each row, from the options' mapping. */
    private static final class RowOperationColumn {

        private final java.util.function.Function<Object, RowOperation> mapping;

        RowOperationColumn(java.util.function.Function<Object, RowOperation> mapping) {
            this.mapping = mapping;
        }

        int code(Object row) {
            RowOperation operation = this.mapping.apply(row);
            if (operation == null) {
                throw new IllegalArgumentException("The operation mapping returned null for a row of type "
                        + row.getClass().getName() + "; return UPSERT or DELETE.");
            }
            return operation.code();
        }

        void requireNotInRow(String field) {
            if (LoadOptions.OP_COLUMN.equals(field)) {
                throw new IllegalArgumentException("A row has its own '__op' field and an operation mapping is set"
                        + " in LoadOptions; use one or the other.");
            }
        }

    }

}
