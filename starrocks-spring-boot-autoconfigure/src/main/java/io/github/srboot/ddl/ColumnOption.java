package io.github.srboot.ddl;

/**
 * One optional attribute of a column, for {@link Column#of(String, DataType, ColumnOption...)} and
 * {@link Table.Builder#column(String, DataType, ColumnOption...)}; import the factories statically.
 */
@FunctionalInterface
public interface ColumnOption {

    /**
     * Applies this option.
     * @param column the column being built
     */
    void applyTo(Column.Builder column);

    /**
     * {@code NOT NULL}.
     * @return the option
     */
    static ColumnOption notNull() {
        return (column) -> column.nullable(false);
    }

    /**
     * {@code NULL} written explicitly.
     * @return the option
     */
    static ColumnOption nullable() {
        return (column) -> column.nullable(true);
    }

    /**
     * {@code KEY}, the column-level key marker.
     * @return the option
     */
    static ColumnOption key() {
        return (column) -> column.key(true);
    }

    /**
     * An aggregation type: in AGGREGATE KEY tables, or REPLACE on the value columns of the other models.
     * @param aggregation the aggregation
     * @return the option
     */
    static ColumnOption aggregate(AggregationType aggregation) {
        return (column) -> column.aggregation(aggregation);
    }

    /**
     * {@code DEFAULT "value"}.
     * @param value the literal value
     * @return the option
     */
    static ColumnOption defaultValue(String value) {
        return (column) -> column.defaultValue(DefaultValue.literal(value));
    }

    /**
     * Any {@code DEFAULT}.
     * @param value the default
     * @return the option
     */
    static ColumnOption defaultValue(DefaultValue value) {
        return (column) -> column.defaultValue(value);
    }

    /**
     * {@code AUTO_INCREMENT}.
     * @return the option
     */
    static ColumnOption autoIncrement() {
        return (column) -> column.autoIncrement(true);
    }

    /**
     * {@code AS expression}: a generated column.
     * @param expression the expression text
     * @return the option
     */
    static ColumnOption generatedAs(String expression) {
        return (column) -> column.generatedAs(expression);
    }

    /**
     * {@code COMMENT "text"}.
     * @param comment the comment
     * @return the option
     */
    static ColumnOption comment(String comment) {
        return (column) -> column.comment(comment);
    }

}
