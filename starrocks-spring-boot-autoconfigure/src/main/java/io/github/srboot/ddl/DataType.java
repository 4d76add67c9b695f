package io.github.srboot.ddl;

import java.util.List;

/**
 * A StarRocks column type: a scalar, or a freely nested {@code ARRAY}, {@code MAP} or {@code STRUCT}. The model keeps
 * the spelling that carries meaning ({@code STRING} stays {@code STRING}, {@code DECIMAL64(10, 2)} stays as written);
 * {@link #canonical()} gives the normal form used to compare types.
 */
public sealed interface DataType permits ScalarType, ArrayType, MapType, StructType, AggregateStateType {

    /** {@code BOOLEAN}. */
    DataType BOOLEAN = ScalarType.of(ScalarKind.BOOLEAN);

    /** {@code TINYINT}. */
    DataType TINYINT = ScalarType.of(ScalarKind.TINYINT);

    /** {@code SMALLINT}. */
    DataType SMALLINT = ScalarType.of(ScalarKind.SMALLINT);

    /** {@code INT}. */
    DataType INT = ScalarType.of(ScalarKind.INT);

    /** {@code BIGINT}. */
    DataType BIGINT = ScalarType.of(ScalarKind.BIGINT);

    /** {@code LARGEINT}. */
    DataType LARGEINT = ScalarType.of(ScalarKind.LARGEINT);

    /** {@code FLOAT}. */
    DataType FLOAT = ScalarType.of(ScalarKind.FLOAT);

    /** {@code DOUBLE}. */
    DataType DOUBLE = ScalarType.of(ScalarKind.DOUBLE);

    /** {@code DATE}. */
    DataType DATE = ScalarType.of(ScalarKind.DATE);

    /** {@code DATETIME}. */
    DataType DATETIME = ScalarType.of(ScalarKind.DATETIME);

    /** {@code STRING}, the same as {@code VARCHAR(65533)}. */
    DataType STRING = ScalarType.of(ScalarKind.STRING);

    /** {@code VARBINARY} without a length. */
    DataType VARBINARY = ScalarType.of(ScalarKind.VARBINARY);

    /** {@code JSON}. */
    DataType JSON = ScalarType.of(ScalarKind.JSON);

    /** {@code BITMAP}. */
    DataType BITMAP = ScalarType.of(ScalarKind.BITMAP);

    /** {@code HLL}. */
    DataType HLL = ScalarType.of(ScalarKind.HLL);

    /** {@code PERCENTILE}. */
    DataType PERCENTILE = ScalarType.of(ScalarKind.PERCENTILE);

    /**
     * {@code VARCHAR(length)}.
     * @param length 1..1048576
     * @return the type
     */
    static DataType varchar(int length) {
        return ScalarType.of(ScalarKind.VARCHAR, length);
    }

    /**
     * {@code CHAR(length)} (named {@code chars} because {@code char} is a Java keyword).
     * @param length 1..255
     * @return the type
     */
    static DataType chars(int length) {
        return ScalarType.of(ScalarKind.CHAR, length);
    }

    /**
     * {@code VARBINARY(length)}.
     * @param length 1..1048576
     * @return the type
     */
    static DataType varbinary(int length) {
        return ScalarType.of(ScalarKind.VARBINARY, length);
    }

    /**
     * {@code BINARY(length)}.
     * @param length 1..1048576
     * @return the type
     */
    static DataType binary(int length) {
        return ScalarType.of(ScalarKind.BINARY, length);
    }

    /**
     * {@code DECIMAL(precision, scale)}.
     * @param precision 1..76
     * @param scale 0..precision
     * @return the type
     */
    static DataType decimal(int precision, int scale) {
        return ScalarType.of(ScalarKind.DECIMAL, precision, scale);
    }

    /**
     * {@code ARRAY<element>}.
     * @param element the element type
     * @return the type
     */
    static DataType array(DataType element) {
        return new ArrayType(element);
    }

    /**
     * {@code MAP<key, value>}.
     * @param key the key type
     * @param value the value type
     * @return the type
     */
    static DataType map(DataType key, DataType value) {
        return new MapType(key, value);
    }

    /**
     * {@code STRUCT<...>}.
     * @param fields the fields in order
     * @return the type
     */
    static DataType struct(StructField... fields) {
        return new StructType(List.of(fields));
    }

    /**
     * One field for {@link #struct(StructField...)}.
     * @param name the field name
     * @param type the field type
     * @return the field
     */
    static StructField field(String name, DataType type) {
        return new StructField(name, type);
    }

    /**
     * The normal form used for comparing types: MySQL display widths dropped ({@code INT(11)} = {@code INT}),
     * {@code STRING} = {@code VARCHAR(65533)}, {@code DECIMAL32/64/128(p, s)} = {@code DECIMAL(p, s)}, nested types
     * normalised throughout.
     * @return the canonical type
     */
    DataType canonical();

    /**
     * Like {@link #canonical()}, and also reads {@code TINYINT(1)} as {@code BOOLEAN}, which is how
     * {@code information_schema.columns} spells BOOLEAN. Use it only for types read from there.
     * @return the canonical type
     */
    DataType canonicalFromInformationSchema();

    /**
     * The type as SQL text, e.g. {@code ARRAY<DECIMAL(10, 2)>}.
     * @return the rendered type
     */
    default String sql() {
        return DdlPrinter.type(this);
    }

}
