package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;

/**
 * One rollup declared with its table: {@code ROLLUP (name (cols) [DUPLICATE KEY (cols)] [ORDER BY (cols)]
 * [FROM rollup] [PROPERTIES (..)], ...)} after the sort key of {@code CREATE TABLE} (StarRocks.g4:
 * {@code rollupDesc}, {@code rollupItem}). {@code SHOW CREATE TABLE} does not print rollups, so the schema diff does
 * not compare them.
 *
 * @param name the rollup name
 * @param columns the rollup's columns, at least one
 * @param duplicateKeys the rollup's {@code DUPLICATE KEY} columns, empty when not written
 * @param orderBy the rollup's sort key, empty when not written
 * @param fromRollup the rollup it is built from ({@code FROM r}), or null when not written
 * @param properties the rollup's properties in written order, never null
 */
public record Rollup(String name, List<String> columns, List<String> duplicateKeys, List<String> orderBy,
        String fromRollup, Map<String, String> properties) {

    /**
     * Checks the rollup.
     */
    public Rollup {
        Names.require("rollup", name);
        String subject = "rollup " + Names.display(name);
        columns = Lists.names(subject + " column", columns);
        if (columns.isEmpty()) {
            throw new DdlValidationException(subject, "needs at least one column");
        }
        duplicateKeys = Lists.names(subject + " DUPLICATE KEY column", duplicateKeys);
        orderBy = Lists.names(subject + " ORDER BY column", orderBy);
        if (fromRollup != null) {
            Names.require(subject + " FROM", fromRollup);
        }
        properties = Lists.properties(subject, properties);
    }

    /**
     * A rollup of some columns, with nothing else written.
     * @param name the rollup name
     * @param columns the columns
     * @return the rollup
     */
    public static Rollup of(String name, String... columns) {
        return new Rollup(name, List.of(columns), List.of(), List.of(), null, Map.of());
    }

}
