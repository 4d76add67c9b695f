package io.github.srboot.test.streamload;

import java.util.Objects;

/**
 * One column of a {@link StubTable}: name, StarRocks type name ({@code BIGINT}, {@code VARCHAR(20)},
 * {@code DECIMAL(10,2)}, ...), nullability, default value and, for AGGREGATE tables, aggregation type.
 *
 * @param name the column name
 * @param type the StarRocks type as written in DDL; validated when the column is created
 * @param nullable whether NULL may be stored
 * @param defaultValue the value stored when a load does not provide the column, or {@code null} for none
 * @param aggregate the aggregation of a value column of an AGGREGATE table, else {@code null}
 */
public record StubColumn(String name, String type, boolean nullable, String defaultValue, AggregateType aggregate) {

    /** Default of a DATETIME column: the time the row is stored ({@code DEFAULT CURRENT_TIMESTAMP}). */
    public static final String CURRENT_TIMESTAMP = "CURRENT_TIMESTAMP";

    /** Default evaluated per row as a random UUID text ({@code DEFAULT (uuid())}). */
    public static final String UUID = "(uuid())";

    /** Default evaluated per row as a random 128-bit number ({@code DEFAULT (uuid_numeric())}). */
    public static final String UUID_NUMERIC = "(uuid_numeric())";

    /**
     * Default of an {@code AUTO_INCREMENT} BIGINT column: the table's next id (1, 2, 3, ...) for each row stored
     * without one.
     */
    public static final String AUTO_INCREMENT = "AUTO_INCREMENT";

    public StubColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A column name cannot be blank");
        }
        ValueType valueType = ValueType.parse(type);
        if (defaultValue != null) {
            boolean function = defaultValue.equals(UUID) || defaultValue.equals(UUID_NUMERIC)
                    || (defaultValue.equals(CURRENT_TIMESTAMP) && valueType.kind() == ValueType.Kind.DATETIME)
                    || (defaultValue.equals(AUTO_INCREMENT) && valueType.kind() == ValueType.Kind.BIGINT);
            if (!function && valueType.convert(defaultValue) == null) {
                throw new IllegalArgumentException("Default '" + defaultValue + "' of column '" + name
                        + "' is not a value of type " + type);
            }
        }
    }

    /**
     * A nullable column without default or aggregation.
     */
    public static StubColumn of(String name, String type) {
        return new StubColumn(name, type, true, null, null);
    }

    /**
     * This column, NOT NULL.
     */
    public StubColumn notNull() {
        return new StubColumn(this.name, this.type, false, this.defaultValue, this.aggregate);
    }

    /**
     * This column with a default value: the text StarRocks would store, as in {@code DEFAULT "0"}, or one of
     * {@link #CURRENT_TIMESTAMP}, {@link #UUID}, {@link #UUID_NUMERIC}, {@link #AUTO_INCREMENT}, evaluated per row.
     */
    public StubColumn withDefault(String value) {
        return new StubColumn(this.name, this.type, this.nullable, Objects.requireNonNull(value, "value"),
                this.aggregate);
    }

    /**
     * This column with an aggregation type (value columns of AGGREGATE tables).
     */
    public StubColumn aggregate(AggregateType type) {
        return new StubColumn(this.name, this.type, this.nullable, this.defaultValue,
                Objects.requireNonNull(type, "type"));
    }

    ValueType valueType() {
        return ValueType.parse(this.type);
    }

}
