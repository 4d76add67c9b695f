package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expression ("automatic") partitioning: {@code PARTITION BY e1[, e2...]} where each expression is a column name,
 * {@code date_trunc(...)}, {@code time_slice(...)} or another date expression. Expressions are kept as text with
 * whitespace runs collapsed.
 *
 * <p>One function expression may come with the partitions to create at once ({@code PARTITION BY date_trunc('day',
 * dt) (START ("2022-06-01") END ("2022-06-05") EVERY (INTERVAL 1 DAY))}, StarRocks' grammar: {@code PARTITION BY
 * functionCall '(' rangePartitionDesc, ... ')'}); {@code SHOW CREATE} does not print them, as it prints none of the
 * partitions automatic partitioning creates, so they are no part of the comparison.
 *
 * @param expressions the expressions, at least one
 * @param initialPartitions the partitions declared with one function expression, empty when none
 */
public record ExpressionPartitionDesc(List<String> expressions, List<RangePartition> initialPartitions)
        implements PartitionDesc {

    /**
     * Checks and normalises the expressions.
     */
    public ExpressionPartitionDesc {
        expressions = Lists.copy("PARTITION BY", expressions)
            .stream()
            .map((expression) -> SqlText.expression("PARTITION BY expression", expression))
            .toList();
        if (expressions.isEmpty()) {
            throw new DdlValidationException("PARTITION BY", "needs at least one expression");
        }
        initialPartitions = Lists.copy("PARTITION BY", initialPartitions);
        if (!initialPartitions.isEmpty()) {
            if (expressions.size() != 1 || SqlText.bareIdentifier(expressions.get(0)) != null) {
                throw new DdlValidationException("PARTITION BY", "partitions can be declared with one function "
                        + "expression only, not with " + expressions);
            }
            initialPartitions.forEach((partition) -> RangePartitionDesc.checkWidth(1, partition));
        }
    }

    /**
     * Expression partitioning without declared partitions.
     * @param expressions the expressions, at least one
     */
    public ExpressionPartitionDesc(List<String> expressions) {
        this(expressions, List.of());
    }

    /**
     * Partitioning by plain columns ({@code PARTITION BY `a`, `b`}).
     * @param columns the column names
     * @return the clause
     */
    public static ExpressionPartitionDesc columns(String... columns) {
        return new ExpressionPartitionDesc(
                Arrays.stream(columns).map((c) -> DdlPrinter.identifier(Names.require("partition column", c))).toList());
    }

    /**
     * {@code PARTITION BY date_trunc('unit', `column`)}.
     * @param unit the truncation unit
     * @param column the column
     * @return the clause
     */
    public static ExpressionPartitionDesc dateTrunc(IntervalUnit unit, String column) {
        return new ExpressionPartitionDesc(List.of(DdlPrinter.dateTrunc(unit, column)));
    }

    /**
     * {@code PARTITION BY time_slice(`column`, INTERVAL n unit)}.
     * @param column the column
     * @param interval the slice width
     * @return the clause
     */
    public static ExpressionPartitionDesc timeSlice(String column, Interval interval) {
        return new ExpressionPartitionDesc(List.of(DdlPrinter.timeSlice(column, interval)));
    }

    /**
     * The expressions that are bare column names (backquoted or not), unquoted.
     * @return the column names among the expressions
     */
    @Override
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (String expression : this.expressions) {
            String name = SqlText.bareIdentifier(expression);
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

}
