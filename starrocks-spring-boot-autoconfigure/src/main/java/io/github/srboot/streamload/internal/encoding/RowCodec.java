package io.github.srboot.streamload.internal.encoding;

import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jackson set-up that encodes rows for one zone: thread-safe and shared by every batch using that zone.
 */
public final class RowCodec {

    public final ObjectMapper mapper;

    final RowFields fields;

    final ZoneId zone;

    /** {@link JsonRowPlan}s by row class; empty where Jackson writes the rows. */
    private final java.util.Map<Class<?>, java.util.Optional<JsonRowPlan>> jsonPlans =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The direct JSON plan for rows of this row's class, or {@code null} (decided on the first row of a class). */
    JsonRowPlan jsonPlan(Object row) {
        return this.jsonPlans.computeIfAbsent(row.getClass(),
                (type) -> java.util.Optional.ofNullable(JsonRowPlan.of(type, row, this))).orElse(null);
    }

    /** {@link JsonRowPlan}s of rows assembled field by field, by column list; empty where Jackson writes them. */
    private final java.util.Map<java.util.List<String>, java.util.Optional<JsonRowPlan>> fieldPlans =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The direct JSON plan for rows of these fields, or {@code null}: built once per column list (the change path
     * loads few shapes of a table), not once per batch.
     */
    JsonRowPlan jsonFieldPlan(java.util.List<String> names) {
        return this.fieldPlans.computeIfAbsent(java.util.List.copyOf(names), (columns) -> {
            try {
                return java.util.Optional.ofNullable(JsonRowPlan.forFields(columns, this));
            }
            catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).orElse(null);
    }

    public RowCodec(ObjectMapper base, ZoneId zone) {
        this.zone = zone;
        this.mapper = StarRocksJson.mapper(base, zone);
        this.fields = new RowFields(this.mapper);
    }

}
