package io.github.srboot.ddl;

/**
 * {@code INTERVAL amount unit}, or a bare integer step ({@code EVERY (10)}) when the unit is null.
 *
 * @param amount a positive amount
 * @param unit the unit, or null for an integer step of a numeric range partition batch
 */
public record Interval(long amount, IntervalUnit unit) {

    /**
     * Checks the amount.
     */
    public Interval {
        if (amount <= 0) {
            throw new DdlValidationException("INTERVAL", "the amount must be positive, got " + amount);
        }
    }

    /**
     * A time interval.
     * @param amount the amount
     * @param unit the unit
     * @return the interval
     */
    public static Interval of(long amount, IntervalUnit unit) {
        if (unit == null) {
            throw new DdlValidationException("INTERVAL " + amount, "a time interval needs a unit");
        }
        return new Interval(amount, unit);
    }

    /**
     * An integer step.
     * @param amount the step
     * @return the interval without unit
     */
    public static Interval step(long amount) {
        return new Interval(amount, null);
    }

}
