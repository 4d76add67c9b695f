package io.github.srboot.test.sql;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.IntervalUnit;
import io.github.srboot.ddl.RangePartition;
import io.github.srboot.ddl.RangePartitionDesc;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;

/**
 * The partitions a RANGE-partitioned table holds, as the FE keeps them ({@code catalog/RangePartitionInfo}): each a
 * half-open range of partition keys, a {@code LESS THAN} partition starting where the range below it ends (or at the
 * type's minimum, {@code PartitionKey.createInfinityPartitionKey}), a bound with fewer values than partition columns
 * filled with the columns' minimum ({@code PartitionKey.createPartitionKey}), {@code START/END/EVERY} expanded into one
 * partition per step ({@code MultiRangePartitionDesc}: named {@code p} + the start formatted {@code yyyyMMdd} /
 * {@code yyyyMM} / {@code yyyy} for DAY / MONTH / YEAR steps). Printed sorted by range, every range as
 * {@code [(lower), (upper))} ({@code RangePartitionInfo.toSql}).
 */
final class RangePartitions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One partition: its name and bounds, one value per partition column; an empty upper bound is MAXVALUE. */
    record Range(String name, List<String> lower, List<String> upper) {
    }

    private RangePartitions() {
    }

    /** The partitions of a RANGE table, sorted by their ranges. */
    static List<Range> of(Table table) {
        RangePartitionDesc desc = (RangePartitionDesc) table.partition();
        List<ScalarKind> kinds = keyKinds(table, desc);
        List<Range> ranges = new ArrayList<>();
        for (RangePartition partition : desc.partitions()) {
            if (partition instanceof RangePartition.LessThan lessThan) {
                List<String> upper = lessThan.isMaxValue() ? List.of() : filled(lessThan.values(), kinds);
                List<String> lower = minimum(kinds);
                for (Range existing : ranges) {
                    if (!existing.upper().isEmpty() && compare(existing.upper(), lower, kinds) > 0
                            && (upper.isEmpty() || compare(existing.upper(), upper, kinds) <= 0)) {
                        lower = existing.upper();
                    }
                }
                ranges.add(new Range(lessThan.name(), lower, upper));
            }
            else if (partition instanceof RangePartition.Fixed fixed) {
                ranges.add(new Range(fixed.name(), filled(fixed.lower(), kinds),
                        fixed.isUpToMaxValue() ? List.of() : filled(fixed.upper(), kinds)));
            }
            else {
                ranges.addAll(batch((RangePartition.Batch) partition, kinds));
            }
        }
        ranges.sort(Comparator.comparing(Range::lower, (a, b) -> compare(a, b, kinds)));
        return ranges;
    }

    /** {@code PARTITION BY RANGE(...)} and the partition list, as {@code RangePartitionInfo.toSql} prints them. */
    static String toSql(Table table) {
        RangePartitionDesc desc = (RangePartitionDesc) table.partition();
        StringBuilder sql = new StringBuilder("PARTITION BY RANGE(");
        if (desc.expression() != null) {
            // ExpressionRangePartitionInfoV2 prints the partition expression as written (show-create 0053)
            sql.append(desc.expression());
        }
        else {
            sql.append(ShowCreate.backquoted(desc.columns()));
        }
        sql.append(")\n(");
        List<String> lines = new ArrayList<>();
        for (Range range : of(table)) {
            lines.add("PARTITION " + range.name() + " VALUES [" + key(range.lower()) + ", " + key(range.upper())
                    + ")");
        }
        return sql.append(String.join(",\n", lines)).append(")").toString();
    }

    /** {@code PartitionKey.toSql}: {@code ("v1", "v2")}, {@code (MAXVALUE)} for the maximum. */
    private static String key(List<String> values) {
        if (values.isEmpty()) {
            return "(MAXVALUE)";
        }
        List<String> quoted = values.stream().map((value) -> "\"" + value + "\"").toList();
        return "(" + String.join(", ", quoted) + ")";
    }

    /**
     * The types of the partition key: the partition columns', or the result type of a partition expression
     * ({@code from_unixtime}, {@code from_unixtime_ms}: DATETIME; {@code str2date}: DATE; {@code cast(.. as T)}: T).
     */
    private static List<ScalarKind> keyKinds(Table table, RangePartitionDesc desc) {
        if (desc.expression() != null) {
            String expression = desc.expression().toLowerCase(Locale.ROOT).replace(" ", "");
            if (expression.startsWith("from_unixtime")) {
                return List.of(ScalarKind.DATETIME);
            }
            if (expression.startsWith("str2date(")) {
                return List.of(ScalarKind.DATE);
            }
            for (String integer : List.of("bigint", "largeint", "int", "smallint", "tinyint")) {
                if (expression.startsWith("cast(") && expression.endsWith("as" + integer + ")")) {
                    return List.of(ScalarKind.valueOf(integer.toUpperCase(Locale.ROOT)));
                }
            }
            throw new UnsupportedOperationException("the key type of the partition expression " + desc.expression()
                    + " is not known");
        }
        List<ScalarKind> kinds = new ArrayList<>();
        for (String name : desc.columns()) {
            Column column = table.columns().stream().filter((c) -> c.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new UnsupportedOperationException("no partition column " + name));
            DataType type = column.type();
            if (!(type instanceof ScalarType scalar)) {
                throw new UnsupportedOperationException("partition column " + name + " of type " + type);
            }
            kinds.add(scalar.kind());
        }
        return kinds;
    }

    /** A bound's values normalised to their types, the missing ones filled with the minimum. */
    private static List<String> filled(List<String> values, List<ScalarKind> kinds) {
        List<String> filled = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            filled.add((i < values.size()) ? normalised(values.get(i), kinds.get(i)) : minimum(kinds.get(i)));
        }
        return filled;
    }

    private static List<String> minimum(List<ScalarKind> kinds) {
        return kinds.stream().map(RangePartitions::minimum).toList();
    }

    /** {@code LiteralExpr.createInfinity(type, false)}: the smallest value of a partition key type. */
    private static String minimum(ScalarKind kind) {
        return switch (kind) {
            case DATE -> "0000-01-01";
            case DATETIME -> "0000-01-01 00:00:00";
            case TINYINT -> String.valueOf(Byte.MIN_VALUE);
            case SMALLINT -> String.valueOf(Short.MIN_VALUE);
            case INT -> String.valueOf(Integer.MIN_VALUE);
            case BIGINT -> String.valueOf(Long.MIN_VALUE);
            case LARGEINT -> BigInteger.ONE.shiftLeft(127).negate().toString();
            default -> throw new UnsupportedOperationException("a RANGE partition key of type " + kind);
        };
    }

    private static String normalised(String value, ScalarKind kind) {
        return switch (kind) {
            case DATE -> date(value).format(DATE);
            case DATETIME -> dateTime(value).format(DATE_TIME);
            case TINYINT, SMALLINT, INT, BIGINT, LARGEINT -> new BigInteger(value.strip()).toString();
            default -> throw new UnsupportedOperationException("a RANGE partition key of type " + kind);
        };
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())), DATE);
    }

    private static LocalDateTime dateTime(String value) {
        String text = value.strip();
        return (text.length() <= 10) ? LocalDate.parse(text, DATE).atStartOfDay()
                : LocalDateTime.parse(text, DATE_TIME);
    }

    private static int compare(List<String> left, List<String> right, List<ScalarKind> kinds) {
        if (left.isEmpty() || right.isEmpty()) {
            // MAXVALUE is above everything
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        }
        for (int i = 0; i < kinds.size(); i++) {
            int order = switch (kinds.get(i)) {
                case TINYINT, SMALLINT, INT, BIGINT, LARGEINT ->
                    new BigInteger(left.get(i)).compareTo(new BigInteger(right.get(i)));
                default -> left.get(i).compareTo(right.get(i));
            };
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** {@code START (s) END (e) EVERY (INTERVAL n DAY | MONTH | YEAR)} on a date key: one partition per step. */
    private static List<Range> batch(RangePartition.Batch batch, List<ScalarKind> kinds) {
        ScalarKind kind = kinds.get(0);
        IntervalUnit unit = batch.every().unit();
        if ((kind != ScalarKind.DATE && kind != ScalarKind.DATETIME) || unit == null
                || !(unit == IntervalUnit.DAY || unit == IntervalUnit.MONTH || unit == IntervalUnit.YEAR)) {
            throw new UnsupportedOperationException("START/END/EVERY other than DAY, MONTH or YEAR steps on a date "
                    + "is not expanded yet");
        }
        DateTimeFormatter names = DateTimeFormatter.ofPattern(switch (unit) {
            case DAY -> "yyyyMMdd";
            case MONTH -> "yyyyMM";
            default -> "yyyy";
        });
        List<Range> ranges = new ArrayList<>();
        LocalDateTime end = dateTime(batch.end());
        for (LocalDateTime start = dateTime(batch.start()); start.isBefore(end);) {
            LocalDateTime next = switch (unit) {
                case DAY -> start.plusDays(batch.every().amount());
                case MONTH -> start.plusMonths(batch.every().amount());
                default -> start.plusYears(batch.every().amount());
            };
            LocalDateTime upper = next.isAfter(end) ? end : next;
            ranges.add(new Range("p" + start.format(names), List.of(format(start, kind)),
                    List.of(format(upper, kind))));
            start = next;
        }
        return ranges;
    }

    private static String format(LocalDateTime value, ScalarKind kind) {
        return (kind == ScalarKind.DATE) ? value.format(DATE) : value.format(DATE_TIME);
    }

}
