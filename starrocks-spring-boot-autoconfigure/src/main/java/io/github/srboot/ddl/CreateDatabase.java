package io.github.srboot.ddl;

/**
 * {@code CREATE DATABASE [IF NOT EXISTS] db}.
 *
 * @param name the database
 * @param ifNotExists whether {@code IF NOT EXISTS} is written
 */
public record CreateDatabase(String name, boolean ifNotExists) implements DdlStatement {

    /**
     * Checks the name.
     */
    public CreateDatabase {
        Names.require("database", name);
    }

}
