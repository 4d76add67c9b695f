package io.github.srboot.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.github.srboot.ddl.Interval;
import io.github.srboot.ddl.IntervalUnit;
import io.github.srboot.ddl.RangePartition;

/**
 * Turns declared range partitions into the fixed ranges {@code [lower, upper)} that {@code SHOW CREATE TABLE} prints:
 * a {@code LESS THAN} partition starts where the previous one ended, and a {@code START .. END EVERY} batch becomes
 * one partition per step, named by the server's convention ({@code p20240101} for days, {@code p202401} for months,
 * {@code p2024} for years, {@code p2024_01} for weeks, {@code p2024010100} for hours, {@code p<start>} for numbers).
 */
final class RangeBounds {

    /** More steps than this in one batch is surely a mistake; refuse rather than loop for long. */
    private static final int MAX_BATCH_PARTITIONS = 100_000;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RangeBounds() {
    }

    /**
     * One range partition as the server holds it.
     *
     * @param name the partition name
     * @param lower the inclusive lower bound, or null when it is the previous partition's upper bound and there is
     * none (the first {@code LESS THAN} partition starts at the type's minimum, which is not compared)
     * @param upper the exclusive upper bound, or null for {@code MAXVALUE}
     * @param declared the declaration it comes from
     */
    record Bound(String name, List<String> lower, List<String> upper, RangePartition declared) {

        /**
         * Whether another bound covers the same range; an unknown lower bound or MAXVALUE matches any.
         * @param other the other bound
         * @return true when the same
         */
        boolean sameRange(Bound other) {
            return sameValues(this.lower, other.lower) && sameValues(this.upper, other.upper);
        }

        private static boolean sameValues(List<String> first, List<String> second) {
            if (first == null || second == null) {
                return true;
            }
            if (first.size() != second.size()) {
                return false;
            }
            for (int i = 0; i < first.size(); i++) {
                if (!sameValue(first.get(i), second.get(i))) {
                    return false;
                }
            }
            return true;
        }

    }

    /**
     * The fixed ranges of declared partitions, in order.
     * @param partitions the declared partitions
     * @return one bound per partition
     * @throws IllegalArgumentException when a batch cannot be expanded (unknown value format, too many steps)
     */
    static List<Bound> expand(List<RangePartition> partitions) {
        List<Bound> bounds = new ArrayList<>();
        List<String> previousUpper = null;
        for (RangePartition partition : partitions) {
            if (partition instanceof RangePartition.Fixed fixed) {
                // [lower, MAXVALUE) holds an empty upper bound; a Bound says MAXVALUE with null.
                List<String> upper = fixed.isUpToMaxValue() ? null : fixed.upper();
                bounds.add(new Bound(fixed.name(), fixed.lower(), upper, fixed));
                previousUpper = upper;
            }
            else if (partition instanceof RangePartition.LessThan lessThan) {
                List<String> upper = lessThan.isMaxValue() ? null : lessThan.values();
                bounds.add(new Bound(lessThan.name(), previousUpper, upper, lessThan));
                previousUpper = upper;
            }
            else {
                RangePartition.Batch batch = (RangePartition.Batch) partition;
                List<Bound> steps = expandBatch(batch);
                bounds.addAll(steps);
                if (!steps.isEmpty()) {
                    previousUpper = steps.get(steps.size() - 1).upper();
                }
            }
        }
        return bounds;
    }

    /**
     * Whether two bound values are the same; {@code 2024-01-01} equals {@code 2024-01-01 00:00:00} because the
     * server prints DATETIME bounds with the time.
     * @param first a value
     * @param second a value
     * @return true when the same
     */
    static boolean sameValue(String first, String second) {
        return strip(first).equals(strip(second));
    }

    private static String strip(String value) {
        String trimmed = value.trim();
        return trimmed.endsWith(" 00:00:00") ? trimmed.substring(0, trimmed.length() - 9) : trimmed;
    }

    private static List<Bound> expandBatch(RangePartition.Batch batch) {
        Interval every = batch.every();
        List<Bound> bounds = new ArrayList<>();
        if (every.unit() == null) {
            long start = Long.parseLong(batch.start().trim());
            long end = Long.parseLong(batch.end().trim());
            for (long value = start; value < end; value += every.amount()) {
                checkCount(bounds, batch);
                long upper = Math.min(value + every.amount(), end);
                bounds.add(new Bound("p" + value, List.of(Long.toString(value)), List.of(Long.toString(upper)), batch));
            }
            return bounds;
        }
        boolean withTime = batch.start().trim().length() > 10;
        LocalDateTime start = parse(batch.start(), batch);
        LocalDateTime end = parse(batch.end(), batch);
        for (LocalDateTime value = start; value.isBefore(end); value = step(value, every)) {
            checkCount(bounds, batch);
            LocalDateTime next = step(value, every);
            LocalDateTime upper = next.isAfter(end) ? end : next;
            bounds.add(new Bound(name(value, every.unit()), List.of(format(value, withTime)),
                    List.of(format(upper, withTime)), batch));
        }
        return bounds;
    }

    private static void checkCount(List<Bound> bounds, RangePartition.Batch batch) {
        if (bounds.size() >= MAX_BATCH_PARTITIONS) {
            throw new IllegalArgumentException("The partition batch START (" + batch.start() + ") END (" + batch.end()
                    + ") makes more than " + MAX_BATCH_PARTITIONS + " partitions");
        }
    }

    private static LocalDateTime step(LocalDateTime value, Interval every) {
        IntervalUnit unit = every.unit();
        long amount = every.amount();
        return switch (unit) {
            case SECOND -> value.plusSeconds(amount);
            case MINUTE -> value.plusMinutes(amount);
            case HOUR -> value.plusHours(amount);
            case DAY -> value.plusDays(amount);
            case WEEK -> value.plusWeeks(amount);
            case MONTH -> value.plusMonths(amount);
            case QUARTER -> value.plusMonths(3 * amount);
            case YEAR -> value.plusYears(amount);
        };
    }

    private static String name(LocalDateTime value, IntervalUnit unit) {
        String pattern = switch (unit) {
            case YEAR -> "yyyy";
            case QUARTER, MONTH -> "yyyyMM";
            case WEEK -> "yyyy_ww";
            case DAY -> "yyyyMMdd";
            case HOUR -> "yyyyMMddHH";
            case MINUTE -> "yyyyMMddHHmm";
            case SECOND -> "yyyyMMddHHmmss";
        };
        return "p" + value.format(DateTimeFormatter.ofPattern(pattern));
    }

    private static LocalDateTime parse(String value, RangePartition.Batch batch) {
        String trimmed = value.trim();
        try {
            return (trimmed.length() > 10) ? LocalDateTime.parse(trimmed, DATE_TIME)
                    : LocalDate.parse(trimmed, DATE).atStartOfDay();
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("The partition batch START (" + batch.start() + ") END (" + batch.end()
                    + ") has a value that is neither yyyy-MM-dd nor yyyy-MM-dd HH:mm:ss: '" + value + "'", ex);
        }
    }

    private static String format(LocalDateTime value, boolean withTime) {
        return withTime ? value.format(DATE_TIME) : value.format(DATE);
    }

}
