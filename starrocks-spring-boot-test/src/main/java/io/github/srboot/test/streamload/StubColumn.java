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

    public StubColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A column name cannot be blank");
        }
        ValueType.parse(type);
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
     * This column with a default value (the text StarRocks would store, as in {@code DEFAULT "0"}).
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
