package io.github.srboot.streamload.internal.encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference reader of the CSV dialect the template writes (StarRocks' {@code enclose: "} and {@code escape: \}):
 * an enclosed field may contain separators and line breaks, {@code \} escapes the next character inside or outside
 * quotes and is dropped, and a field whose content is then exactly {@code \N} is null, quoted or not (StarRocks'
 * {@code csv_reader.cpp} escape state and {@code nullable_converter.cpp}). Used to check round trips.
 */
final class StarRocksCsv {

    private StarRocksCsv() {
    }

    static List<List<String>> parse(String text, String columnSeparator, String rowDelimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean enclosed = false;
        boolean wasEnclosed = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (enclosed) {
                if (c == '\\') {
                    field.append(text.charAt(i + 1));
                    i += 2;
                }
                else if (c == '"') {
                    enclosed = false;
                    i++;
                }
                else {
                    field.append(c);
                    i++;
                }
            }
            else if (c == '\\') {
                field.append(text.charAt(i + 1));
                i += 2;
            }
            else if (c == '"' && field.length() == 0) {
                enclosed = true;
                wasEnclosed = true;
                i++;
            }
            else if (text.startsWith(columnSeparator, i)) {
                row.add(value(field, wasEnclosed));
                field.setLength(0);
                wasEnclosed = false;
                i += columnSeparator.length();
            }
            else if (text.startsWith(rowDelimiter, i)) {
                row.add(value(field, wasEnclosed));
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                wasEnclosed = false;
                i += rowDelimiter.length();
            }
            else {
                field.append(c);
                i++;
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("The text does not end with a row delimiter");
        }
        return rows;
    }

    private static String value(StringBuilder field, boolean wasEnclosed) {
        String text = field.toString();
        return text.equals("\\N") ? null : text;
    }

}
