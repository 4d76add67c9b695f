package io.github.srboot.ddl;

import java.util.List;

/**
 * The key clause of a table, e.g. {@code PRIMARY KEY(`id`)}.
 *
 * @param type the table model
 * @param columns the key columns in order, at least one
 */
public record KeysDesc(KeysType type, List<String> columns) {

    /**
     * Checks the clause.
     */
    public KeysDesc {
        if (type == null) {
            throw new DdlValidationException("key clause", "the key type must not be null");
        }
        columns = Lists.names(type + " KEY column", columns);
        if (columns.isEmpty()) {
            throw new DdlValidationException(type + " KEY", "needs at least one column");
        }
    }

    /**
     * Creates a key clause.
     * @param type the model
     * @param columns the key columns
     * @return the clause
     */
    public static KeysDesc of(KeysType type, String... columns) {
        return new KeysDesc(type, List.of(columns));
    }

}
