package io.github.srboot.test.streamload;

/**
 * Reads DATE and DATETIME text as StarRocks' BE does when it loads a value, and prints the stored text.
 *
 * <p>Ported from the behaviour of the BE (not its code). CSV fields go through {@code DatetimeConverter::read_string}
 * and {@code DateConverter::read_string} ({@code be/src/formats/csv/}); JSON values of DATE and DATETIME columns are
 * read as VARCHAR ({@code be/src/exec/json_scanner.cpp}) and cast, DATETIME by
 * {@code cast_from_string_to_datetime_fn} ({@code be/src/exprs/cast_expr.cpp}; the DATE cast was not checked and is
 * taken to be the same). They call {@code TimestampValue::from_string} / {@code DateValue::from_string}
 * ({@code be/src/types/timestamp_value.cpp}, {@code be/src/types/date_value.cpp}), which parse with
 * {@code date::from_string_to_datetime} / {@code date::from_string_to_date} ({@code be/src/runtime/time_types.cpp})
 * and then range-check ({@code date::check}, {@code timestamp::check_time}). What that parser does:
 * <ul>
 * <li>surrounding whitespace is ignored; a 10-character text is first read as {@code yyyy?MM?dd} (any non-digit
 * separators), a text of at least 19 characters as {@code yyyy?MM?dd HH?mm?ss} (one {@code T} or whitespace
 * between date and time); when that fails, or for any other shape, the general parser below runs;</li>
 * <li>the general parser: a text of digits only (or digits up to a {@code .}) is compact: a 4-digit year when it
 * has 4, 8 or at least 14 digits, otherwise a 2-digit year, then 2 digits per field ({@code 20231225T123456} also
 * counts as compact); otherwise fields are digit runs split by punctuation, whitespace only after the day and after
 * the fraction, {@code T} after the day;</li>
 * <li>a fraction of 1 to 6 digits is scaled to microseconds ({@code .5} is 500000 µs), digits after the sixth are
 * cut off; anything after the seconds that is not a fraction (a zone such as {@code Z} or {@code +08:00}) is
 * ignored: no zone is applied;</li>
 * <li>a 2-digit year below 70 is 20yy, otherwise 19yy; at least year, month and day are needed; missing time
 * fields are 0;</li>
 * <li>out of range (year above 9999, month 0 or 13, a day the month lacks, hour 24, minute or second 60) is no
 * value (NULL, or a filtered row in strict mode). Year 0 is not a leap year. A DATE ignores the time part.</li>
 * </ul>
 */
final class BackendDateParser {

    /** Fields a text can have: year, month, day, hour, minute, second, microsecond. */
    private static final int FIELDS = 7;

    private static final int MICROS_DIGITS = 6;

    /** The largest value of one field of the general parser; more fails the whole text. */
    private static final int MAX_FIELD_VALUE = 999_999;

    private BackendDateParser() {
    }

    /** The parsed fields of a date-time. */
    private record Parts(int year, int month, int day, int hour, int minute, int second, int micros) {
    }

    /**
     * The stored text of a DATETIME value ({@code yyyy-MM-dd HH:mm:ss}, with {@code .ffffff} when the microseconds
     * are not 0), or {@code null} when StarRocks reads no value from the text.
     */
    static String dateTime(String text) {
        Parts parts = parseDateTime(text);
        if (parts == null || !validDate(parts.year, parts.month, parts.day) || parts.hour > 23 || parts.minute > 59
                || parts.second > 59 || parts.micros > MAX_FIELD_VALUE) {
            return null;
        }
        StringBuilder stored = new StringBuilder(26);
        appendDate(stored, parts);
        stored.append(' ');
        pad(stored, parts.hour, 2).append(':');
        pad(stored, parts.minute, 2).append(':');
        pad(stored, parts.second, 2);
        if (parts.micros != 0) {
            pad(stored.append('.'), parts.micros, MICROS_DIGITS);
        }
        return stored.toString();
    }

    /**
     * The stored text of a DATE value ({@code yyyy-MM-dd}), or {@code null} when StarRocks reads no date from the
     * text; a time part is read and dropped, unchecked.
     */
    static String date(String text) {
        String trimmed = strip(text);
        Parts parts = (trimmed.length() == 10) ? fixedDate(trimmed) : null;
        if (parts == null) {
            parts = general(text);
        }
        if (parts == null || !validDate(parts.year, parts.month, parts.day)) {
            return null;
        }
        return appendDate(new StringBuilder(10), parts).toString();
    }

    private static Parts parseDateTime(String text) {
        String trimmed = strip(text);
        Parts fixed = null;
        if (trimmed.length() == 10) {
            fixed = fixedDate(trimmed);
        }
        else {
            int timeStart = standardTimeStart(trimmed);
            if (timeStart > 0) {
                fixed = fixedDateTime(trimmed, timeStart);
            }
        }
        return (fixed != null) ? fixed : general(text);
    }

    /**
     * Where the time starts when the text looks like {@code yyyy-MM-dd HH:mm:ss}: at least 19 characters, a digit
     * tenth, then either {@code T} and a digit in a 19-character text or only whitespace up to the last 8
     * characters; -1 otherwise.
     */
    private static int standardTimeStart(String text) {
        int length = text.length();
        if (length < 19 || !isDigit(text.charAt(9))) {
            return -1;
        }
        if (length == 19 && text.charAt(10) == 'T' && isDigit(text.charAt(11))) {
            return 11;
        }
        int timeStart = length - 8;
        for (int i = 10; i < timeStart; i++) {
            if (!isSpace(text.charAt(i))) {
                return -1;
            }
        }
        return timeStart;
    }

    /** {@code yyyy?MM?dd} with any non-digit separators, the month and day in range; else null. */
    private static Parts fixedDate(String text) {
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0 || isDigit(text.charAt(4)) || isDigit(text.charAt(7)) || month > 12
                || day > daysInMonth(year, month)) {
            return null;
        }
        return new Parts(year, month, day, 0, 0, 0, 0);
    }

    private static Parts fixedDateTime(String text, int timeStart) {
        Parts date = fixedDate(text.substring(0, 10));
        int hour = digits(text, timeStart, 2);
        int minute = digits(text, timeStart + 3, 2);
        int second = digits(text, timeStart + 6, 2);
        if (date == null || hour < 0 || minute < 0 || second < 0 || isDigit(text.charAt(timeStart + 2))
                || isDigit(text.charAt(timeStart + 5)) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return new Parts(date.year, date.month, date.day, hour, minute, second, 0);
    }

    /** The general parser (see the class comment); null when it finds fewer than three fields or a bad text. */
    private static Parts general(String text) {
        int length = text.length();
        int at = 0;
        while (at < length && isSpace(text.charAt(at))) {
            at++;
        }
        if (at == length || !isDigit(text.charAt(at))) {
            return null;
        }
        int runEnd = at;
        while (runEnd < length && (isDigit(text.charAt(runEnd)) || text.charAt(runEnd) == 'T')) {
            runEnd++;
        }
        boolean compact = runEnd == length || text.charAt(runEnd) == '.';
        int run = runEnd - at;
        int compactYearWidth = (run == 4 || run == 8 || run >= 14) ? 4 : 2;
        int[] values = new int[FIELDS];
        int[] widths = new int[FIELDS];
        int field = 0;
        int width = compact ? compactYearWidth : 2;
        while (at < length && isDigit(text.charAt(at)) && field < FIELDS) {
            boolean toSeparator = !compact && field != 6;
            int start = at;
            long value = 0;
            while (at < length && isDigit(text.charAt(at)) && (toSeparator || at - start < width)) {
                value = Math.min(value * 10 + (text.charAt(at) - '0'), MAX_FIELD_VALUE + 1L);
                at++;
            }
            if (value > MAX_FIELD_VALUE) {
                return null;
            }
            values[field] = (int) value;
            widths[field] = at - start;
            width = 2;
            if (at == length) {
                field++;
                break;
            }
            char next = text.charAt(at);
            if (field == 2 && next == 'T') {
                at++;
                field++;
                continue;
            }
            if (field == 5) {
                // After the seconds only a fraction counts; a digit ends the text, anything else (a zone) is left.
                if (next == '.') {
                    at++;
                    width = MICROS_DIGITS;
                }
                else if (isDigit(next)) {
                    field++;
                    break;
                }
                field++;
                continue;
            }
            while (at < length && (isPunctuation(text.charAt(at)) || isSpace(text.charAt(at)))) {
                if (isSpace(text.charAt(at)) && field != 2 && field != 6) {
                    return null;
                }
                at++;
            }
            field++;
        }
        if (field < 3) {
            return null;
        }
        int year = values[0];
        int yearWidth = compact ? compactYearWidth : widths[0];
        if (yearWidth == 2) {
            year += (year < 70) ? 2000 : 1900;
        }
        int micros = values[6];
        for (int scale = widths[6]; micros != 0 && scale < MICROS_DIGITS; scale++) {
            micros *= 10;
        }
        return new Parts(year, values[1], values[2], values[3], values[4], values[5], micros);
    }

    /** The number in {@code count} digits at {@code from}, or -1 when the text is shorter or has a non-digit. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static boolean validDate(int year, int month, int day) {
        return year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 1, 3, 5, 7, 8, 10, 12 -> 31;
            case 4, 6, 9, 11 -> 30;
            case 2 -> isLeap(year) ? 29 : 28;
            default -> 0;
        };
    }

    /** StarRocks' rule, under which year 0 is not a leap year (Java's proleptic calendar says it is). */
    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || (year % 400 == 0 && year != 0));
    }

    private static StringBuilder appendDate(StringBuilder stored, Parts parts) {
        pad(stored, parts.year, 4).append('-');
        pad(stored, parts.month, 2).append('-');
        return pad(stored, parts.day, 2);
    }

    private static StringBuilder pad(StringBuilder stored, int value, int width) {
        String digits = Integer.toString(value);
        stored.append("0".repeat(Math.max(0, width - digits.length())));
        return stored.append(digits);
    }

    /** Without the surrounding whitespace (C {@code isspace}). */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** C {@code isspace}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** C {@code ispunct}: printable ASCII that is neither a letter, a digit nor a space. */
    private static boolean isPunctuation(char c) {
        return c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
    }

}
