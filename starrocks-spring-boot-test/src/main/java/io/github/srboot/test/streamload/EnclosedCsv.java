package io.github.srboot.test.streamload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CSV body the way StarRocks does when the load declares {@code enclose} and/or {@code escape}.
 *
 * <p>Inside a field that starts with the enclose character, separators and row delimiters are data and a doubled
 * enclose character stands for itself; the escape character makes the next byte data, inside and outside enclosed
 * fields. An unenclosed field whose raw text is {@code \N} is NULL.
 */
final class EnclosedCsv {

    /** Marks "no such character" for {@code enclose} / {@code escape}. */
    static final int NONE = -1;

    private EnclosedCsv() {
    }

    /**
     * Receives each row: its fields ({@code null} for NULL) and its raw text, for error messages.
     */
    @FunctionalInterface
    interface RowHandler {

        void row(List<String> fields, String rawRow);

    }

    /**
     * Reads every row of {@code data}; with a {@code null} handler it only counts them.
     *
     * @return the number of rows
     */
    static long read(byte[] data, LoadOptions options, RowHandler handler) {
        byte[] separator = options.columnSeparator();
        byte[] delimiter = options.rowDelimiter();
        int enclose = options.enclose();
        int escape = options.escape();
        boolean collect = handler != null;
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>();
        long rows = 0;
        boolean inEnclosure = false;
        boolean enclosed = false;
        int fieldStart = 0;
        int rowStart = 0;
        int n = data.length;
        int i = 0;
        while (i < n) {
            int b = data[i] & 0xFF;
            if (b == escape && i + 1 < n) {
                if (collect) {
                    field.write(data[i + 1]);
                }
                i += 2;
                continue;
            }
            if (b == enclose) {
                if (inEnclosure) {
                    if (i + 1 < n && (data[i + 1] & 0xFF) == enclose) {
                        if (collect) {
                            field.write(enclose);
                        }
                        i += 2;
                    }
                    else {
                        inEnclosure = false;
                        i++;
                    }
                    continue;
                }
                if (i == fieldStart) {
                    inEnclosure = true;
                    enclosed = true;
                    i++;
                    continue;
                }
            }
            if (!inEnclosure && matches(data, i, separator)) {
                if (collect) {
                    fields.add(fieldValue(data, fieldStart, i, enclosed, field));
                }
                enclosed = false;
                i += separator.length;
                fieldStart = i;
                continue;
            }
            if (!inEnclosure && matches(data, i, delimiter)) {
                rows++;
                if (collect) {
                    fields.add(fieldValue(data, fieldStart, i, enclosed, field));
                    handler.row(new ArrayList<>(fields), text(data, rowStart, i));
                    fields.clear();
                }
                enclosed = false;
                i += delimiter.length;
                fieldStart = i;
                rowStart = i;
                continue;
            }
            if (collect) {
                field.write(b);
            }
            i++;
        }
        if (rowStart < n) {
            rows++;
            if (collect) {
                fields.add(fieldValue(data, fieldStart, n, enclosed, field));
                handler.row(new ArrayList<>(fields), text(data, rowStart, n));
            }
        }
        return rows;
    }

    private static String fieldValue(byte[] data, int rawStart, int rawEnd, boolean enclosed,
            ByteArrayOutputStream field) {
        boolean isNull = !enclosed && rawEnd - rawStart == 2 && data[rawStart] == '\\' && data[rawStart + 1] == 'N';
        String value = isNull ? null : field.toString(StandardCharsets.UTF_8);
        field.reset();
        return value;
    }

    private static boolean matches(byte[] data, int at, byte[] pattern) {
        return at + pattern.length <= data.length && BodyParser.matches(data, at, pattern);
    }

    private static String text(byte[] data, int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

}
