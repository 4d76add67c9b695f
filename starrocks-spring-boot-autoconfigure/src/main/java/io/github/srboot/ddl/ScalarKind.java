package io.github.srboot.ddl;

/**
 * The non-nested StarRocks column types, in their SQL spelling.
 */
public enum ScalarKind {

    /** {@code BOOLEAN}. */
    BOOLEAN,
    /** {@code TINYINT}, optionally with a MySQL display width. */
    TINYINT,
    /** {@code SMALLINT}, optionally with a MySQL display width. */
    SMALLINT,
    /** {@code INT}, optionally with a MySQL display width. */
    INT,
    /** {@code BIGINT}, optionally with a MySQL display width. */
    BIGINT,
    /** {@code LARGEINT} (128 bit), optionally with a MySQL display width. */
    LARGEINT,
    /** {@code FLOAT}. */
    FLOAT,
    /** {@code DOUBLE}. */
    DOUBLE,
    /** {@code DECIMAL(p, s)}, precision 1..76 (StarRocks stores it as DECIMAL32/64/128/256 by precision). */
    DECIMAL,
    /** The legacy fixed-point type {@code DECIMALV2(p, s)}, precision 1..27, scale 0..min(9, p). */
    DECIMALV2,
    /** Legacy spelling {@code DECIMAL32(p, s)}, precision 1..9. */
    DECIMAL32,
    /** Legacy spelling {@code DECIMAL64(p, s)}, precision 1..18. */
    DECIMAL64,
    /** Legacy spelling {@code DECIMAL128(p, s)}, precision 1..38. */
    DECIMAL128,
    /** Spelling {@code DECIMAL256(p, s)}, precision 1..76. */
    DECIMAL256,
    /** {@code DATE}. */
    DATE,
    /** {@code DATETIME}. */
    DATETIME,
    /** {@code CHAR(n)}, n 1..255. */
    CHAR,
    /** {@code VARCHAR(n)}, n 1..1048576. */
    VARCHAR,
    /** {@code STRING}, the same as {@code VARCHAR(65533)}. */
    STRING,
    /** {@code BINARY(n)}. */
    BINARY,
    /** {@code VARBINARY(n)}. */
    VARBINARY,
    /** {@code JSON}. */
    JSON,
    /** {@code BITMAP}. */
    BITMAP,
    /** {@code HLL}. */
    HLL,
    /** {@code PERCENTILE}. */
    PERCENTILE;

    boolean isInteger() {
        return this == TINYINT || this == SMALLINT || this == INT || this == BIGINT || this == LARGEINT;
    }

    boolean isDecimal() {
        return this == DECIMAL || this == DECIMALV2 || this == DECIMAL32 || this == DECIMAL64 || this == DECIMAL128
                || this == DECIMAL256;
    }

    boolean hasLength() {
        return this == CHAR || this == VARCHAR || this == BINARY || this == VARBINARY;
    }

    /** The largest precision, as FE {@code PrimitiveType.getMaxPrecisionOfDecimal} gives it. */
    int maxPrecision() {
        return switch (this) {
            case DECIMAL32 -> 9;
            case DECIMAL64 -> 18;
            case DECIMALV2 -> 27;
            case DECIMAL128 -> 38;
            default -> 76;
        };
    }

    /** The largest scale for a precision: the precision, but at most 9 for DECIMALV2 (FE {@code TypeDefAnalyzer}). */
    int maxScale(int precision) {
        return (this == DECIMALV2) ? Math.min(9, precision) : precision;
    }

    int maxLength() {
        return (this == CHAR) ? 255 : 1048576;
    }

}
