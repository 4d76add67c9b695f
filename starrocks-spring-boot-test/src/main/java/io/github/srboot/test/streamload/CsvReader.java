package io.github.srboot.test.streamload;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a CSV body into rows and fields the way StarRocks' BE does ({@code be/src/formats/csv/csv_reader.cpp},
 * {@code be/src/exec/csv_scanner.cpp}); hand-written because no CSV library has StarRocks' rules.
 *
 * <p>Without {@code enclose} and {@code escape} it is the plain splitter: records end at the row delimiter, empty
 * records are skipped, fields are split at every column separator and, with {@code trim_space}, lose their leading
 * and trailing spaces. With either set it is the BE's state machine ({@code CSVReader::more_rows}): an enclosed field
 * may hold separators and delimiters, a doubled enclose byte inside it is one, the escape byte is dropped and the next
 * byte taken as data (an escaped separator or delimiter is data too), a lone enclose byte in an unenclosed field is
 * dropped and the next byte taken as data, and {@code trim_space} removes spaces before a field and after its closing
 * enclose byte only. {@code skip_header} skips whole lines, split at the row delimiter alone, as the scanner does.
 *
 * <p>Fields come out as text after that processing; whether one is NULL ({@code \N}) is decided afterwards, by
 * {@link #isNull(String)}, as StarRocks' {@code NullableConverter} does.
 */
final class CsvReader {

    /** Marks "no such byte" for {@code enclose} / {@code escape}. */
    static final int NONE = -1;

    private static final String NULL_MARKER = "\\N";

    private final byte[] columnSeparator;

    private final byte[] rowDelimiter;

    private final int enclose;

    private final int escape;

    private final boolean trimSpace;

    private final long skipHeader;

    /**
     * Receives each row read.
     */
    @FunctionalInterface
    interface RowHandler {

        /**
         * @param fields the fields as text after enclose/escape processing (NULL markers still in)
         * @param rawRow the row's bytes as sent, for error messages
         * @param validUtf8 whether the row's bytes are valid UTF-8 (StarRocks filters the row if not)
         */
        void row(List<String> fields, String rawRow, boolean validUtf8);

    }

    CsvReader(byte[] columnSeparator, byte[] rowDelimiter, int enclose, int escape, boolean trimSpace,
            long skipHeader) {
        this.columnSeparator = columnSeparator.clone();
        this.rowDelimiter = rowDelimiter.clone();
        this.enclose = enclose;
        this.escape = escape;
        this.trimSpace = trimSpace;
        this.skipHeader = skipHeader;
    }

    static CsvReader of(LoadOptions options) {
        return new CsvReader(options.columnSeparator(), options.rowDelimiter(), options.enclose(), options.escape(),
                options.trimSpace(), options.skipHeader());
    }

    /**
     * Whether a field, as read, is StarRocks' NULL marker ({@code NullableConverter}: exactly {@code \N}).
     */
    static boolean isNull(String field) {
        return NULL_MARKER.equals(field);
    }

    /**
     * Reads every row of {@code data}, passing each non-empty one to the handler; a {@code null} handler only counts
     * them, without building their fields' text (counting mode).
     * @return the number of rows passed
     * @throws LoadFailedException when {@code skip_header} is larger than the number of lines
     */
    long read(byte[] data, RowHandler handler) throws LoadFailedException {
        int start = skipHeaderLines(data);
        // the BE's reader treats a body without a final row delimiter as if it had one
        byte[] input = data;
        if (!endsWith(data, this.rowDelimiter) && start < data.length) {
            input = Arrays.copyOf(data, data.length + this.rowDelimiter.length);
            System.arraycopy(this.rowDelimiter, 0, input, data.length, this.rowDelimiter.length);
        }
        if (this.enclose == NONE && this.escape == NONE) {
            return readPlain(input, start, handler);
        }
        return new StateMachine(input, start, handler).run();
    }

    /**
     * Counts the rows of a body read from a stream, holding only a window of it (counting mode, where no field text
     * is built); the same count as {@code read(body, null)}. Only without {@code trim_space} and
     * {@code skip_header}, which look at whole lines.
     */
    long count(InputStream body) {
        if (this.trimSpace || this.skipHeader > 0) {
            throw new IllegalStateException("Streaming counts are for bodies without trim_space or skip_header.");
        }
        return new StateMachine(body, 64 * 1024).run();
    }

    private int skipHeaderLines(byte[] data) throws LoadFailedException {
        int position = 0;
        for (long line = 0; line < this.skipHeader; line++) {
            int end = indexOf(data, this.rowDelimiter, position);
            if (end < 0) {
                if (position < data.length) {
                    position = data.length;
                    continue;
                }
                // CSVScanner::_init_reader's text
                throw new LoadFailedException("The parameter 'skip_header' is set to " + this.skipHeader
                        + ", but there are only " + line + " rows in the csv file");
            }
            position = end + this.rowDelimiter.length;
        }
        return position;
    }

    private long readPlain(byte[] data, int start, RowHandler handler) {
        long rows = 0;
        int position = start;
        while (position < data.length) {
            int end = indexOf(data, this.rowDelimiter, position);
            if (end < 0) {
                end = data.length;
            }
            if (end > position) {
                List<String> fields = new ArrayList<>();
                int fieldStart = position;
                int at = indexOf(data, this.columnSeparator, fieldStart, end);
                while (at >= 0) {
                    fields.add(plainField(data, fieldStart, at));
                    fieldStart = at + this.columnSeparator.length;
                    at = indexOf(data, this.columnSeparator, fieldStart, end);
                }
                fields.add(plainField(data, fieldStart, end));
                if (handler != null) {
                    handler.row(fields, text(data, position, end), validUtf8(data, position, end));
                }
                rows++;
            }
            position = end + this.rowDelimiter.length;
        }
        return rows;
    }

    private String plainField(byte[] data, int start, int end) {
        int from = start;
        int to = end;
        if (this.trimSpace) {
            while (from < to && data[from] == ' ') {
                from++;
            }
            while (to > from && data[to - 1] == ' ') {
                to--;
            }
        }
        return text(data, from, to);
    }

    /**
     * The BE's enclose/escape state machine over one body.
     */
    private final class StateMachine {

        /** The body, or in streaming mode a window of it: bytes before {@link #limit} are valid. */
        private byte[] data;

        private int limit;

        /** Streaming mode (counting only): where more of the body comes from; {@code null} for a whole body. */
        private final InputStream source;

        private boolean eof;

        /** In streaming mode, bytes that must be in the window beyond the position before a step is taken. */
        private final int lookahead;

        /** The last bytes of the body read so far (to know at its end whether it ended with a row delimiter). */
        private final byte[] tail;

        private int tailLength;

        private final RowHandler handler;

        private int position;

        private int rowStart;

        private int columnStart = -1;

        private int whiteSpaceStart = -1;

        private boolean enclosed;

        private final List<Integer> dropped = new ArrayList<>();

        private final List<String> fields = new ArrayList<>();

        /** Fields of the current row (also when counting, where {@link #fields} stays empty). */
        private int fieldCount;

        private long rows;

        /** Bytes that {@link #ordinary} only moves past: none starts a delimiter or separator, escapes or encloses. */
        private final boolean[] ordinaryByte = new boolean[256];

        StateMachine(byte[] data, int start, RowHandler handler) {
            this(data, data.length, null, start, handler);
        }

        /** Streaming mode: counts the rows of a body read from {@code source} in a window of the given size. */
        StateMachine(InputStream source, int windowSize) {
            this(new byte[windowSize], 0, source, 0, null);
        }

        private StateMachine(byte[] data, int limit, InputStream source, int start, RowHandler handler) {
            this.limit = limit;
            this.source = source;
            this.lookahead = 4 + 2 * Math.max(CsvReader.this.rowDelimiter.length,
                    CsvReader.this.columnSeparator.length);
            this.tail = new byte[CsvReader.this.rowDelimiter.length];
            java.util.Arrays.fill(this.ordinaryByte, true);
            this.ordinaryByte[CsvReader.this.rowDelimiter[0] & 0xFF] = false;
            this.ordinaryByte[CsvReader.this.columnSeparator[0] & 0xFF] = false;
            if (CsvReader.this.escape != NONE) {
                this.ordinaryByte[CsvReader.this.escape] = false;
            }
            if (CsvReader.this.enclose != NONE) {
                this.ordinaryByte[CsvReader.this.enclose] = false;
            }
            this.data = data;
            this.handler = handler;
            this.position = start;
            this.rowStart = start;
        }

        long run() {
            State state = State.START;
            State previous = State.START;
            while (true) {
                if (this.source != null && !this.eof && this.position + this.lookahead > this.limit) {
                    refill();
                }
                int n = this.limit;
                if (this.position >= n) {
                    break;
                }
                // The skip loops stop early in streaming mode so that each step still sees its lookahead.
                int safe = (this.source == null || this.eof) ? n : n - this.lookahead + 1;
                int b = this.data[this.position] & 0xFF;
                switch (state) {
                    case START -> {
                        if (CsvReader.this.trimSpace) {
                            while (this.position < n && this.data[this.position] == ' ') {
                                this.position++;
                            }
                            if (this.position >= n) {
                                return this.rows;
                            }
                            b = this.data[this.position] & 0xFF;
                        }
                        this.columnStart = this.position;
                        if (consume(CsvReader.this.rowDelimiter)) {
                            endRow();
                        }
                        else if (consume(CsvReader.this.columnSeparator)) {
                            endField(CsvReader.this.columnSeparator.length);
                        }
                        else if (b == CsvReader.this.escape) {
                            previous = State.ORDINARY;
                            state = State.ESCAPE;
                            this.dropped.add(this.position++);
                        }
                        else if (b == CsvReader.this.enclose) {
                            this.position++;
                            this.columnStart = this.position;
                            if (this.position < n && (this.data[this.position] & 0xFF) != CsvReader.this.enclose) {
                                state = State.ENCLOSE;
                                this.enclosed = true;
                            }
                            else if (this.position < n) {
                                // "" then: an empty enclosed field, or an enclose byte that only escapes the next
                                this.position++;
                                if (consume(CsvReader.this.rowDelimiter)) {
                                    this.enclosed = true;
                                    endRow();
                                }
                                else if (consume(CsvReader.this.columnSeparator)) {
                                    this.enclosed = true;
                                    endField(CsvReader.this.columnSeparator.length);
                                }
                                else if (this.position < n
                                        && (this.data[this.position] & 0xFF) == CsvReader.this.enclose) {
                                    // """x: an enclosed field starting with a doubled (literal) enclose byte.
                                    // StarRocks' CSVScannerTest.test_ENCLOSE and test_enclose_fanatics expect
                                    // """ee""" -> "ee"; the csv_reader.cpp read (c6c66099) would go to ORDINARY
                                    // here, which those tests refute.
                                    this.dropped.add(this.position - 1);
                                    this.enclosed = true;
                                    previous = State.ENCLOSE;
                                    state = State.ENCLOSE_ESCAPE;
                                }
                                else {
                                    state = State.ORDINARY;
                                }
                            }
                        }
                        else {
                            state = State.ORDINARY;
                            this.position++;
                        }
                    }
                    case ENCLOSE -> {
                        // Inside an enclosure only the enclose and escape bytes matter: skip the rest in one loop
                        // (the stub shares the CPUs of the benchmarks that count with it).
                        while (b != CsvReader.this.enclose && b != CsvReader.this.escape && ++this.position < safe) {
                            b = this.data[this.position] & 0xFF;
                        }
                        if (this.position >= safe) {
                            continue;
                        }
                        if (b == CsvReader.this.enclose) {
                            this.position++;
                            previous = State.ENCLOSE;
                            if (this.position < n && (this.data[this.position] & 0xFF) == CsvReader.this.enclose) {
                                state = State.ENCLOSE_ESCAPE;
                                this.dropped.add(this.position - 1);
                            }
                            else {
                                state = State.ORDINARY;
                            }
                        }
                        else if (b == CsvReader.this.escape) {
                            previous = State.ENCLOSE;
                            state = State.ESCAPE;
                            this.dropped.add(this.position++);
                        }
                        else {
                            this.position++;
                        }
                    }
                    case ENCLOSE_ESCAPE -> {
                        state = previous;
                        this.position++;
                    }
                    case ESCAPE -> {
                        if (b == CsvReader.this.enclose || b == CsvReader.this.escape) {
                            state = previous;
                            this.position++;
                        }
                        else if (consume(CsvReader.this.rowDelimiter) || consume(CsvReader.this.columnSeparator)) {
                            state = previous;
                        }
                        else {
                            // any other byte falls through to ORDINARY (the escape byte itself is dropped)
                            state = ordinary(b, previous);
                            previous = this.nextPrevious;
                        }
                    }
                    case ORDINARY -> {
                        if (!CsvReader.this.trimSpace || previous != State.ENCLOSE) {
                            // ordinary() only moves past a byte that starts no delimiter, separator, escape or
                            // enclosure: skip a run of those in one loop.
                            while (this.ordinaryByte[b] && ++this.position < safe) {
                                b = this.data[this.position] & 0xFF;
                            }
                            if (this.position >= safe) {
                                continue;
                            }
                        }
                        state = ordinary(b, previous);
                        previous = this.nextPrevious;
                    }
                    default -> throw new IllegalStateException(state.name());
                }
                if (this.rowEnded) {
                    this.rowEnded = false;
                    state = State.START;
                    previous = State.START;
                }
                else if (this.fieldEnded) {
                    this.fieldEnded = false;
                    state = State.START;
                }
            }
            if ((state != State.START || this.fieldCount > 0) && this.handler == null) {
                return this.rows + 1;
            }
            if (state != State.START || !this.fields.isEmpty()) {
                // the body ended inside a field (an enclosure never closed): the BE still emits what it read
                this.fields.add(field(CsvReader.this.rowDelimiter.length));
                this.handler.row(new ArrayList<>(this.fields), text(this.data, this.rowStart, this.limit),
                        validUtf8(this.data, this.rowStart, this.limit));
                this.rows++;
            }
            return this.rows;
        }

        /**
         * Streaming mode: drops the bytes no longer needed (before the current field), reads more, and at the end
         * of the body adds a row delimiter when it did not end with one (as {@link #read} does).
         */
        private void refill() {
            int keepFrom = (this.columnStart >= 0) ? Math.min(this.columnStart, this.position) : this.position;
            if (keepFrom > 0) {
                System.arraycopy(this.data, keepFrom, this.data, 0, this.limit - keepFrom);
                this.limit -= keepFrom;
                this.position -= keepFrom;
                this.columnStart = (this.columnStart >= 0) ? this.columnStart - keepFrom : -1;
                this.rowStart = Math.max(0, this.rowStart - keepFrom);
                this.whiteSpaceStart = -1;
            }
            while (!this.eof && this.position + this.lookahead > this.limit) {
                if (this.limit + this.lookahead > this.data.length) {
                    // a field longer than the window: it must stay whole for the empty-row check
                    this.data = Arrays.copyOf(this.data, 2 * this.data.length + this.lookahead);
                }
                int read;
                try {
                    read = this.source.read(this.data, this.limit, this.data.length - this.limit);
                }
                catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
                if (read < 0) {
                    this.eof = true;
                    byte[] delimiter = CsvReader.this.rowDelimiter;
                    boolean endsWithDelimiter = this.tailLength == delimiter.length
                            && Arrays.equals(this.tail, delimiter);
                    if (this.tailLength > 0 && !endsWithDelimiter) {
                        System.arraycopy(delimiter, 0, this.data, this.limit, delimiter.length);
                        this.limit += delimiter.length;
                    }
                }
                else {
                    remember(this.data, this.limit, read);
                    this.limit += read;
                }
            }
        }

        /** Keeps the last bytes read in {@link #tail}. */
        private void remember(byte[] bytes, int offset, int count) {
            int length = this.tail.length;
            if (count >= length) {
                System.arraycopy(bytes, offset + count - length, this.tail, 0, length);
                this.tailLength = length;
                return;
            }
            int keep = Math.min(this.tailLength, length - count);
            System.arraycopy(this.tail, this.tailLength - keep, this.tail, 0, keep);
            System.arraycopy(bytes, offset, this.tail, keep, count);
            this.tailLength = keep + count;
        }

        /** The state before the current one, as {@link #ordinary} leaves it. */
        private State nextPrevious;

        private boolean fieldEnded;

        private boolean rowEnded;

        /**
         * The ORDINARY state on byte {@code b}: ends the field or row, or starts an escape, or takes the byte.
         * @return the next state
         */
        private State ordinary(int b, State previous) {
            this.nextPrevious = previous;
            if (CsvReader.this.trimSpace && previous == State.ENCLOSE) {
                if (b == ' ') {
                    this.whiteSpaceStart = this.position;
                }
                this.nextPrevious = State.ORDINARY;
            }
            if (consume(CsvReader.this.rowDelimiter)) {
                endRow();
                return State.START;
            }
            if (consume(CsvReader.this.columnSeparator)) {
                endField(CsvReader.this.columnSeparator.length);
                return State.START;
            }
            if (b == CsvReader.this.escape) {
                this.nextPrevious = State.ORDINARY;
                this.dropped.add(this.position++);
                return State.ESCAPE;
            }
            if (b == CsvReader.this.enclose) {
                this.nextPrevious = State.ORDINARY;
                this.dropped.add(this.position++);
                return State.ENCLOSE_ESCAPE;
            }
            this.position++;
            return State.ORDINARY;
        }

        private boolean consume(byte[] pattern) {
            if (this.position + pattern.length <= this.limit
                    && BodyParser.matches(this.data, this.position, pattern)) {
                this.position += pattern.length;
                return true;
            }
            return false;
        }

        /**
         * The field that ended just before the separator (or delimiter) of this length.
         */
        private String field(int terminatorLength) {
            boolean trimmed = CsvReader.this.trimSpace && this.whiteSpaceStart >= 0;
            int end = trimmed ? this.whiteSpaceStart : this.position;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(0, end - this.columnStart));
            for (int i = this.columnStart; i < end; i++) {
                if (!this.dropped.contains(i)) {
                    bytes.write(this.data[i]);
                }
            }
            int length = bytes.size() - (trimmed ? 0 : terminatorLength) - (this.enclosed ? 1 : 0);
            byte[] content = Arrays.copyOf(bytes.toByteArray(), Math.max(0, length));
            this.dropped.clear();
            this.enclosed = false;
            this.whiteSpaceStart = -1;
            return new String(content, StandardCharsets.UTF_8);
        }

        private void endField(int separatorLength) {
            if (this.handler != null) {
                this.fields.add(field(separatorLength));
            }
            else {
                forgetField();
            }
            this.fieldCount++;
            this.fieldEnded = true;
        }

        /** Counting mode: ends a field without building its text. */
        private void forgetField() {
            this.dropped.clear();
            this.enclosed = false;
            this.whiteSpaceStart = -1;
        }

        private void endRow() {
            int delimiterLength = CsvReader.this.rowDelimiter.length;
            boolean emptyRow = this.fieldCount == 0 && this.position - delimiterLength - this.columnStart == 0;
            if (emptyRow) {
                this.dropped.clear();
                this.enclosed = false;
                this.whiteSpaceStart = -1;
            }
            else if (this.handler == null) {
                forgetField();
                this.rows++;
            }
            else {
                this.fields.add(field(delimiterLength));
                int rowEnd = this.position - delimiterLength;
                this.handler.row(new ArrayList<>(this.fields), text(this.data, this.rowStart, rowEnd),
                        validUtf8(this.data, this.rowStart, rowEnd));
                this.rows++;
            }
            this.fields.clear();
            this.fieldCount = 0;
            this.rowStart = this.position;
            this.rowEnded = true;
        }

    }

    private enum State {
        START, ORDINARY, ENCLOSE, ENCLOSE_ESCAPE, ESCAPE
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        return data.length >= suffix.length && BodyParser.matches(data, data.length - suffix.length, suffix);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        return indexOf(data, pattern, from, data.length);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from, int to) {
        for (int i = from; i <= to - pattern.length; i++) {
            if (data[i] == pattern[0] && BodyParser.matches(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] data, int start, int end) {
        return new String(data, start, Math.max(0, end - start), StandardCharsets.UTF_8);
    }

    private static boolean validUtf8(byte[] data, int start, int end) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data, start, Math.max(0, end - start)));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }

}
