package io.github.srboot.test.streamload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed StarRocks column type: converts loaded text into the stored text, or reports that it does not fit.
 */
record ValueType(Kind kind, int length, int scale) {

    private static final Pattern TYPE = Pattern.compile(
            "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*(.*)", Pattern.DOTALL);

    /** Decimal text with an optional exponent (no Java suffixes such as {@code 1d}, no hexadecimal). */
    private static final Pattern FLOATING = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    enum Kind {
        BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, LARGEINT, FLOAT, DOUBLE, DECIMAL, DATE, DATETIME, CHAR, VARCHAR,
        STRING, BINARY, JSON, COMPLEX
    }

    static ValueType parse(String text) {
        Matcher matcher = TYPE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a StarRocks column type: '" + text + "'");
        }
        String name = matcher.group(1).toUpperCase(Locale.ROOT);
        int first = matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : -1;
        int second = matcher.group(3) != null ? Integer.parseInt(matcher.group(3)) : -1;
        String rest = matcher.group(4).trim();
        Kind kind = switch (name) {
            case "BOOLEAN", "BOOL" -> Kind.BOOLEAN;
            case "TINYINT" -> Kind.TINYINT;
            case "SMALLINT" -> Kind.SMALLINT;
            case "INT", "INTEGER" -> Kind.INT;
            case "BIGINT" -> Kind.BIGINT;
            case "LARGEINT" -> Kind.LARGEINT;
            case "FLOAT" -> Kind.FLOAT;
            case "DOUBLE" -> Kind.DOUBLE;
            case "DECIMAL", "DECIMALV2", "DECIMAL32", "DECIMAL64", "DECIMAL128", "NUMERIC" -> Kind.DECIMAL;
            case "DATE" -> Kind.DATE;
            case "DATETIME" -> Kind.DATETIME;
            case "CHAR" -> Kind.CHAR;
            case "VARCHAR" -> Kind.VARCHAR;
            case "STRING" -> Kind.STRING;
            case "BINARY", "VARBINARY" -> Kind.BINARY;
            case "JSON" -> Kind.JSON;
            case "ARRAY", "MAP", "STRUCT", "BITMAP", "HLL", "PERCENTILE" -> Kind.COMPLEX;
            default -> throw new IllegalArgumentException("Unknown StarRocks column type: '" + text + "'");
        };
        if (!rest.isEmpty() && kind != Kind.COMPLEX) {
            throw new IllegalArgumentException("Unexpected text after the column type: '" + text + "'");
        }
        if (name.equals("DECIMALV2")) {
            // the BE keeps DECIMALV2 as DECIMAL(27, 9) whatever the declaration (corpus CSV197)
            return new ValueType(kind, 27, 9);
        }
        return switch (kind) {
            case DECIMAL -> new ValueType(kind, first < 0 ? 10 : first, second < 0 ? 0 : second);
            case CHAR -> new ValueType(kind, first < 0 ? 1 : first, 0);
            case VARCHAR -> new ValueType(kind, first < 0 ? 1 : first, 0);
            case STRING -> new ValueType(kind, 65533, 0);
            default -> new ValueType(kind, first, second);
        };
    }

    /**
     * The stored text for a loaded value, or {@code null} when the value does not fit this type.
     */
    String convert(String value) {
        try {
            return switch (this.kind) {
                case BOOLEAN -> convertBoolean(value);
                case TINYINT -> integer(value, 8);
                case SMALLINT -> integer(value, 16);
                case INT -> integer(value, 32);
                case BIGINT -> integer(value, 64);
                case LARGEINT -> integer(value, 128);
                case FLOAT, DOUBLE -> {
                    if (!FLOATING.matcher(value.trim()).matches()) {
                        yield null;
                    }
                    double parsed = Double.parseDouble(value.trim());
                    yield Double.isFinite(parsed) ? value.trim() : null;
                }
                case DECIMAL -> decimal(value);
                case DATE -> BackendDateParser.date(value);
                case DATETIME -> BackendDateParser.dateTime(value);
                case CHAR, VARCHAR, STRING, BINARY -> fitsLength(value) ? value : null;
                case JSON, COMPLEX -> value;
            };
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    boolean isNumeric() {
        return switch (this.kind) {
            case TINYINT, SMALLINT, INT, BIGINT, LARGEINT, FLOAT, DOUBLE, DECIMAL, BOOLEAN -> true;
            default -> false;
        };
    }

    /**
     * StarRocks' CSV boolean ({@code BooleanConverter}, corpus CSV127-CSV148): {@code true}/{@code false} in any
     * case, or any number, non-zero being true; surrounding spaces allowed.
     */
    private static String convertBoolean(String value) {
        String text = value.trim();
        if (text.equalsIgnoreCase("true")) {
            return "1";
        }
        if (text.equalsIgnoreCase("false")) {
            return "0";
        }
        return (new BigDecimal(text).signum() != 0) ? "1" : "0";
    }

    /**
     * Whether the UTF-8 form of the value fits the declared byte length (a char takes at most 3 bytes).
     */
    private boolean fitsLength(String value) {
        if (this.length < 0 || value.length() * 3L <= this.length) {
            return true;
        }
        return value.getBytes(StandardCharsets.UTF_8).length <= this.length;
    }

    /**
     * An integer of this many bits; a decimal fraction is cut off toward zero before the range check
     * ({@code NumericConverter}, corpus CSV087-CSV126: {@code 1.999} reads 1, {@code 32768.0} overflows SMALLINT).
     */
    private static String integer(String value, int bits) {
        String text = value.trim();
        int point = text.indexOf('.');
        if (point >= 0) {
            String fraction = text.substring(point + 1);
            String whole = text.substring(0, point);
            if (!fraction.chars().allMatch(Character::isDigit) || whole.isEmpty() && fraction.isEmpty()) {
                throw new NumberFormatException(value);
            }
            text = (whole.isEmpty() || whole.equals("-") || whole.equals("+")) ? whole + "0" : whole;
        }
        if (bits <= 64 && text.length() <= 18) {
            long parsed = Long.parseLong(text);
            long limit = 1L << (bits - 1);
            return (bits == 64 || (parsed >= -limit && parsed < limit)) ? Long.toString(parsed) : null;
        }
        BigInteger parsed = new BigInteger(text);
        return parsed.bitLength() < bits ? parsed.toString() : null;
    }

    private String decimal(String value) {
        BigDecimal parsed = new BigDecimal(value.trim());
        BigDecimal scaled = parsed.setScale(this.scale, RoundingMode.HALF_UP);
        return scaled.precision() - scaled.scale() <= this.length - this.scale ? scaled.toPlainString() : null;
    }

}
