package io.github.srboot.streamload.internal.encoding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes numbers, decimals and dates as the ASCII text StarRocks parses straight into a byte or char buffer, so that
 * encoding a value makes no {@code String} (the per-value strings of {@code toPlainString}, {@code toString} and
 * formatters were the largest cost of encoding after the bodies themselves). Each method says how much room it needs
 * and returns the position after the text, or {@code -1} when the value needs the general (string) path.
 */
final class ValueText {

    /** Room needed by {@link #writeLong}: a sign and 19 digits. */
    static final int LONG_LENGTH = 20;

    /** Room needed by {@link #writeDecimal}: sign, 18 digits, point, up to 18 leading zeros after {@code 0.}. */
    static final int DECIMAL_LENGTH = 40;

    /** Room needed by {@link #writeDate}. */
    static final int DATE_LENGTH = 10;

    /** The largest scale (or negated scale) written here; others take the string path. */
    private static final int MAX_SCALE = 18;

    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private ValueText() {
    }

    /** Writes {@code value} in decimal at {@code position} (needs {@link #LONG_LENGTH} bytes). */
    static int writeLong(byte[] out, int position, long value) {
        if (value == Long.MIN_VALUE) {
            return writeAscii(out, position, "-9223372036854775808");
        }
        if (value < 0) {
            out[position++] = '-';
            value = -value;
        }
        if (value <= Integer.MAX_VALUE) {
            // int arithmetic: division by a constant becomes a multiplication, much cheaper than on long
            int small = (int) value;
            int end = position + digitCount(small);
            writeDigits(out, end, small);
            return end;
        }
        int end = position + digitCount(value);
        writeDigits(out, end, value);
        return end;
    }

    /** {@link #writeDigits(byte[], int, long)} for an int. */
    private static void writeDigits(byte[] out, int end, int value) {
        int at = end;
        while (value >= 100) {
            int quotient = value / 100;
            int pair = value - quotient * 100;
            value = quotient;
            at -= 2;
            out[at] = DIGIT_PAIRS[2 * pair];
            out[at + 1] = DIGIT_PAIRS[2 * pair + 1];
        }
        if (value >= 10) {
            out[at - 2] = DIGIT_PAIRS[2 * value];
            out[at - 1] = DIGIT_PAIRS[2 * value + 1];
        }
        else {
            out[at - 1] = (byte) ('0' + value);
        }
    }

    /** Decimal digits of a non-negative int (1 for 0). */
    private static int digitCount(int value) {
        if (value < 100_000) {
            return (value < 100) ? ((value < 10) ? 1 : 2) : (value < 1_000) ? 3 : (value < 10_000) ? 4 : 5;
        }
        return (value < 10_000_000) ? ((value < 1_000_000) ? 6 : 7)
                : (value < 100_000_000) ? 8 : (value < 1_000_000_000) ? 9 : 10;
    }

    /**
     * Writes a decimal in plain notation, exactly as {@link BigDecimal#toPlainString()} does, when its unscaled value
     * fits in 18 digits and its scale in -18..18 (needs {@link #DECIMAL_LENGTH} bytes); otherwise returns -1.
     */
    static int writeDecimal(byte[] out, int position, BigDecimal value) {
        int scale = value.scale();
        if (value.precision() > MAX_SCALE || scale > MAX_SCALE || scale < -MAX_SCALE) {
            return -1;
        }
        long unscaled = value.unscaledValue().longValue();
        if (unscaled < 0) {
            out[position++] = '-';
            unscaled = -unscaled;
        }
        if (scale <= 0) {
            int end = position + digitCount(unscaled);
            writeDigits(out, end, unscaled);
            if (unscaled != 0) {
                for (int i = 0; i < -scale; i++) {
                    out[end++] = '0';
                }
            }
            return end;
        }
        int digits = (unscaled <= Integer.MAX_VALUE) ? digitCount((int) unscaled) : digitCount(unscaled);
        if (digits <= scale) {
            out[position++] = '0';
            out[position++] = '.';
            for (int i = digits; i < scale; i++) {
                out[position++] = '0';
            }
            int end = position + digits;
            writeDigits(out, end, unscaled);
            return end;
        }
        // digits > scale: integer part, point, fraction of exactly 'scale' digits
        int end = position + digits + 1;
        if (unscaled <= Integer.MAX_VALUE) {
            // int arithmetic: division by a constant becomes a multiplication, much cheaper than on long
            int small = (int) unscaled;
            int at = end;
            for (int i = 0; i < scale; i++) {
                int quotient = small / 10;
                out[--at] = (byte) ('0' + (small - quotient * 10));
                small = quotient;
            }
            out[--at] = '.';
            writeDigits(out, at, small);
            return end;
        }
        long rest = unscaled;
        int at = end;
        for (int i = 0; i < scale; i++) {
            out[--at] = (byte) ('0' + (int) (rest % 10));
            rest /= 10;
        }
        out[--at] = '.';
        writeDigits(out, at, rest);
        return end;
    }

    /**
     * Writes a {@code double} or {@code float} holding a whole number below 10^7 in magnitude as
     * {@link Double#toString} does ({@code 42.0}); returns -1 for any other value (the string path keeps
     * {@code Double.toString}'s exact text).
     */
    static int writeWholeDouble(byte[] out, int position, double value) {
        if (!(value > -1e7 && value < 1e7) || value != Math.rint(value)
                || (value == 0 && Double.doubleToRawLongBits(value) != 0)) {
            return -1;
        }
        int end = writeLong(out, position, (long) value);
        out[end++] = '.';
        out[end++] = '0';
        return end;
    }

    /** Writes a DATE as {@code yyyy-MM-dd} (needs {@link #DATE_LENGTH} bytes); -1 for years outside 0..9999. */
    static int writeDate(byte[] out, int position, LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        pair(out, position, year / 100);
        pair(out, position + 2, year % 100);
        out[position + 4] = '-';
        pair(out, position + 5, date.getMonthValue());
        out[position + 7] = '-';
        pair(out, position + 8, date.getDayOfMonth());
        return position + DATE_LENGTH;
    }

    /**
     * Per-thread buffers for the JSON serializers, which are shared by all threads and get no buffer of their own
     * from Jackson; reused so that a value costs no allocation.
     */
    static final class Scratch {

        private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

        final byte[] bytes = new byte[DECIMAL_LENGTH];

        final char[] chars = new char[DECIMAL_LENGTH];

        private Scratch() {
        }

        /** This thread's buffers. */
        static Scratch get() {
            return CURRENT.get();
        }

        /** {@link #writeDate} into {@link #chars}; -1 when the value needs the string path. */
        int date(LocalDate date) {
            return widen(writeDate(this.bytes, 0, date));
        }

        /** {@link #writeDateTime} into {@link #chars}; -1 when the value needs the formatter. */
        int dateTime(LocalDateTime value) {
            return widen(writeDateTime(this.bytes, 0, value));
        }

        /** {@link #writeDecimal} into {@link #chars}; -1 when the value needs the string path. */
        int decimal(BigDecimal value) {
            return widen(writeDecimal(this.bytes, 0, value));
        }

        /**
         * Writes the first {@code length} chars as a JSON number or string; {@code false} when {@code length} is -1
         * (the value needs the string path).
         */
        boolean written(int length, com.fasterxml.jackson.core.JsonGenerator generator, boolean number)
                throws java.io.IOException {
            if (length < 0) {
                return false;
            }
            if (number) {
                generator.writeNumber(this.chars, 0, length);
            }
            else {
                generator.writeString(this.chars, 0, length);
            }
            return true;
        }

        private int widen(int end) {
            for (int i = 0; i < end; i++) {
                this.chars[i] = (char) this.bytes[i];
            }
            return end;
        }

    }

    /**
     * Writes a DATETIME as StarRocks parses it, {@code yyyy-MM-dd HH:mm:ss}, then microseconds without trailing
     * zeros when there are any (the text of {@link StarRocksJson#DATE_TIME}); needs
     * {@link StarRocksJson#DATE_TIME_LENGTH} bytes; -1 for years outside 0..9999.
     */
    static int writeDateTime(byte[] out, int position, LocalDateTime value) {
        int end = writeDate(out, position, value.toLocalDate());
        if (end < 0) {
            return -1;
        }
        out[end] = ' ';
        pair(out, end + 1, value.getHour());
        out[end + 3] = ':';
        pair(out, end + 4, value.getMinute());
        out[end + 6] = ':';
        pair(out, end + 7, value.getSecond());
        end += 9;
        int micros = value.getNano() / 1000;
        if (micros == 0) {
            return end;
        }
        out[end] = '.';
        pair(out, end + 1, micros / 10_000);
        pair(out, end + 3, (micros / 100) % 100);
        pair(out, end + 5, micros % 100);
        end += 7;
        while (out[end - 1] == '0') {
            end--;
        }
        return end;
    }

    private static int writeAscii(byte[] out, int position, String text) {
        for (int i = 0; i < text.length(); i++) {
            out[position++] = (byte) text.charAt(i);
        }
        return position;
    }

    /** Writes the digits of a non-negative value so that they end just before {@code end}. */
    private static void writeDigits(byte[] out, int end, long value) {
        int at = end;
        while (value >= 100) {
            int pair = (int) (value % 100);
            value /= 100;
            at -= 2;
            out[at] = DIGIT_PAIRS[2 * pair];
            out[at + 1] = DIGIT_PAIRS[2 * pair + 1];
        }
        if (value >= 10) {
            at -= 2;
            out[at] = DIGIT_PAIRS[2 * (int) value];
            out[at + 1] = DIGIT_PAIRS[2 * (int) value + 1];
        }
        else {
            out[at - 1] = (byte) ('0' + value);
        }
    }

    private static void pair(byte[] out, int position, int value) {
        out[position] = DIGIT_PAIRS[2 * value];
        out[position + 1] = DIGIT_PAIRS[2 * value + 1];
    }

    /** Decimal digits of a non-negative value (1 for 0). */
    private static int digitCount(long value) {
        long limit = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (value < limit) {
                return digits;
            }
            limit *= 10;
        }
        return 19;
    }

}
