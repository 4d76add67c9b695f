package io.github.srboot.ddl;

/**
 * {@code DROP DATABASE [IF EXISTS] db [FORCE]}.
 *
 * @param name the database
 * @param ifExists whether {@code IF EXISTS} is written
 * @param force whether {@code FORCE} is written (skips the recycle bin)
 */
public record DropDatabase(String name, boolean ifExists, boolean force) implements DdlStatement {

    /**
     * Checks the name.
     */
    public DropDatabase {
        Names.require("database", name);
    }

}
