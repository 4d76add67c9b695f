package io.github.srboot.ddl;

/**
 * {@code REFRESH [IMMEDIATE | DEFERRED] {ASYNC [START("..")] [EVERY(INTERVAL n unit)] | MANUAL | INCREMENTAL}}. The
 * parser also reads {@code SCHEDULE [START("..")] EVERY(..)}, StarRocks main's spelling of a scheduled ASYNC
 * refresh, as ASYNC; INCREMENTAL is read (older servers print it) but never rendered.
 *
 * @param moment the first-refresh moment, or null when not written
 * @param type the refresh type
 * @param start the schedule start ({@code yyyy-MM-dd HH:mm:ss}), or null; only with ASYNC
 * @param every the schedule period, or null; only with ASYNC, must have a unit
 */
public record RefreshScheme(RefreshMoment moment, RefreshType type, String start, Interval every) {

    /**
     * Checks the scheme.
     */
    public RefreshScheme {
        if (type == null) {
            throw new DdlValidationException("REFRESH", "the refresh type must not be null");
        }
        if ((start != null || every != null) && type != RefreshType.ASYNC) {
            throw new DdlValidationException("REFRESH " + type, "START and EVERY are only allowed with ASYNC");
        }
        if (start != null && every == null) {
            throw new DdlValidationException("REFRESH ASYNC START(" + start + ")", "START needs EVERY");
        }
        if (every != null && every.unit() == null) {
            throw new DdlValidationException("REFRESH ASYNC EVERY(" + every.amount() + ")", "EVERY needs a time unit");
        }
    }

    /**
     * {@code REFRESH ASYNC}.
     * @return the scheme
     */
    public static RefreshScheme async() {
        return new RefreshScheme(null, RefreshType.ASYNC, null, null);
    }

    /**
     * {@code REFRESH ASYNC EVERY(INTERVAL n unit)}.
     * @param every the period
     * @return the scheme
     */
    public static RefreshScheme asyncEvery(Interval every) {
        return new RefreshScheme(null, RefreshType.ASYNC, null, every);
    }

    /**
     * {@code REFRESH MANUAL}.
     * @return the scheme
     */
    public static RefreshScheme manual() {
        return new RefreshScheme(null, RefreshType.MANUAL, null, null);
    }

}
