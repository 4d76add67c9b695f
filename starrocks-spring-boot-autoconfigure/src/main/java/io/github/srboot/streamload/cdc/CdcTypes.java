package io.github.srboot.streamload.cdc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.srboot.ddl.ArrayType;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.MapType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.StructType;

/**
 * The one table of truth from Java values to StarRocks column types, used when the CDC path creates a table or
 * adds a column, and to refuse a value whose type conflicts with an existing column. {@link #MAPPINGS} is the
 * table {@code docs/cdc.md} prints (a test keeps them equal).
 */
public final class CdcTypes {

    /**
     * One row of the table.
     *
     * @param javaTypes the Java types, as the docs name them
     * @param starRocksType the StarRocks type of a new column
     * @param written how the value is written in the JSON load body
     */
    public record Mapping(String javaTypes, String starRocksType, String written) {
    }

    /** The mapping, in the order the docs print it. */
    public static final List<Mapping> MAPPINGS = List.of(
            new Mapping("Boolean", "BOOLEAN", "true / false"),
            new Mapping("Byte", "TINYINT", "number"),
            new Mapping("Short", "SMALLINT", "number"),
            new Mapping("Integer", "INT", "number"),
            new Mapping("Long", "BIGINT", "number"),
            new Mapping("BigInteger", "LARGEINT", "number"),
            new Mapping("Float", "FLOAT", "number"),
            new Mapping("Double", "DOUBLE", "number"),
            new Mapping("BigDecimal", "DECIMAL(38, 9) (CdcOptions.decimalType)", "plain number"),
            new Mapping("String, Character, enum", "STRING (CdcOptions.stringType)", "string"),
            new Mapping("UUID", "VARCHAR(36)", "string"),
            new Mapping("LocalDate", "DATE", "\"2024-01-31\""),
            new Mapping("LocalDateTime", "DATETIME", "\"2024-01-31 10:00:00[.ffffff]\""),
            new Mapping("Instant, OffsetDateTime, ZonedDateTime", "DATETIME", "converted to UTC"),
            new Mapping("LocalTime", "VARCHAR(15)", "\"10:00:00[.ffffff]\""),
            new Mapping("byte[]", "VARBINARY", "base64 (StarRocks decodes it)"),
            new Mapping("JsonNode", "JSON", "JSON value"),
            new Mapping("List, Collection, array", "ARRAY<element type> (from the first non-null element)",
                    "JSON array"),
            new Mapping("Map", "JSON, or MAP<key type, value type> (CdcOptions.mapsAsMapType, from the first entry)",
                    "JSON object"));

    private static final DataType UUID_TYPE = ScalarType.of(ScalarKind.VARCHAR, 36);

    private static final DataType TIME_TYPE = ScalarType.of(ScalarKind.VARCHAR, 15);

    private CdcTypes() {
    }

    /**
     * The StarRocks type of a new column holding {@code value}.
     * @throws IllegalArgumentException naming the column when the value is {@code null}, an empty collection or of
     * a type the table does not cover
     */
    public static DataType typeOf(String column, Object value, CdcOptions options) {
        if (value == null) {
            throw new IllegalArgumentException("Column '" + column + "' has only NULL values so far; its StarRocks "
                    + "type cannot be inferred: create the column yourself or send a non-null value first.");
        }
        if (value instanceof Boolean) {
            return ScalarType.of(ScalarKind.BOOLEAN);
        }
        if (value instanceof Byte) {
            return ScalarType.of(ScalarKind.TINYINT);
        }
        if (value instanceof Short) {
            return ScalarType.of(ScalarKind.SMALLINT);
        }
        if (value instanceof Integer) {
            return ScalarType.of(ScalarKind.INT);
        }
        if (value instanceof Long) {
            return ScalarType.of(ScalarKind.BIGINT);
        }
        if (value instanceof BigInteger) {
            return ScalarType.of(ScalarKind.LARGEINT);
        }
        if (value instanceof Float) {
            return ScalarType.of(ScalarKind.FLOAT);
        }
        if (value instanceof Double) {
            return ScalarType.of(ScalarKind.DOUBLE);
        }
        if (value instanceof BigDecimal) {
            return options.decimalType();
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            return options.stringType();
        }
        if (value instanceof UUID) {
            return UUID_TYPE;
        }
        if (value instanceof LocalDate) {
            return ScalarType.of(ScalarKind.DATE);
        }
        if (value instanceof LocalDateTime || value instanceof Instant || value instanceof OffsetDateTime
                || value instanceof ZonedDateTime) {
            return ScalarType.of(ScalarKind.DATETIME);
        }
        if (value instanceof LocalTime) {
            return TIME_TYPE;
        }
        if (value instanceof byte[]) {
            return ScalarType.of(ScalarKind.VARBINARY);
        }
        if (value instanceof JsonNode) {
            return ScalarType.of(ScalarKind.JSON);
        }
        if (value instanceof Map<?, ?> map) {
            if (!options.mapsAsMapType()) {
                return ScalarType.of(ScalarKind.JSON);
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() != null && entry.getValue() != null) {
                    return new MapType(typeOf(column + ".key", entry.getKey(), options),
                            typeOf(column + ".value", entry.getValue(), options));
                }
            }
            throw new IllegalArgumentException("Column '" + column + "' holds an empty (or all-NULL) map so far; its "
                    + "MAP types cannot be inferred: create the column yourself or send a non-empty map first.");
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayType(typeOf(column + "[]", firstNonNull(column, collection), options));
        }
        if (value instanceof Object[] array) {
            return new ArrayType(typeOf(column + "[]", firstNonNull(column, java.util.Arrays.asList(array)), options));
        }
        throw new IllegalArgumentException("Column '" + column + "' holds a " + value.getClass().getName()
                + ", which has no StarRocks type in the CDC type table (see docs/cdc.md); convert it to one of "
                + "those types or create the column yourself.");
    }

    /**
     * Whether a value of the inferred type can be loaded into a column of the declared type without changing its
     * meaning: numbers into numeric columns, text into anything, temporal values into temporal or text columns,
     * binaries into binaries, JSON, arrays and maps into their own kinds or JSON.
     */
    public static boolean compatible(DataType declared, DataType inferred) {
        Family column = family(declared);
        Family value = family(inferred);
        if (column == Family.TEXT || value == Family.TEXT && column != Family.ARRAY && column != Family.MAP) {
            return true;
        }
        return switch (value) {
            case BOOLEAN -> column == Family.BOOLEAN || column == Family.NUMBER;
            case NUMBER -> column == Family.NUMBER || column == Family.BOOLEAN;
            case DATE -> column == Family.DATE || column == Family.DATETIME;
            case DATETIME -> column == Family.DATETIME || column == Family.DATE;
            case BINARY -> column == Family.BINARY;
            case JSON -> column == Family.JSON || column == Family.MAP;
            case ARRAY -> column == Family.ARRAY || column == Family.JSON;
            case MAP -> column == Family.MAP || column == Family.JSON;
            default -> false;
        };
    }

    /** A type as the {@code ddl} printer spells it (for messages). */
    static String describe(DataType type) {
        return Ddl.render(type);
    }

    private static Object firstNonNull(String column, Collection<?> values) {
        for (Object value : values) {
            if (value != null) {
                return value;
            }
        }
        throw new IllegalArgumentException("Column '" + column + "' holds an empty (or all-NULL) list so far; its "
                + "ARRAY element type cannot be inferred: create the column yourself or send a non-empty list first.");
    }

    private enum Family {
        BOOLEAN, NUMBER, TEXT, DATE, DATETIME, BINARY, JSON, ARRAY, MAP, OTHER
    }

    private static Family family(DataType type) {
        if (type instanceof ArrayType) {
            return Family.ARRAY;
        }
        if (type instanceof MapType || type instanceof StructType) {
            return Family.MAP;
        }
        if (!(type instanceof ScalarType scalar)) {
            return Family.OTHER; // an aggregate state column takes no change value
        }
        ScalarKind kind = scalar.kind();
        return switch (kind) {
            case BOOLEAN -> Family.BOOLEAN;
            case TINYINT, SMALLINT, INT, BIGINT, LARGEINT, FLOAT, DOUBLE, DECIMAL, DECIMALV2, DECIMAL32, DECIMAL64,
                    DECIMAL128, DECIMAL256 -> Family.NUMBER;
            case CHAR, VARCHAR, STRING -> Family.TEXT;
            case DATE -> Family.DATE;
            case DATETIME -> Family.DATETIME;
            case BINARY, VARBINARY -> Family.BINARY;
            case JSON -> Family.JSON;
            default -> Family.OTHER;
        };
    }

}
