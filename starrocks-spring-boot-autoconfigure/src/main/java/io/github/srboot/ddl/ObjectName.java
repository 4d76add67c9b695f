package io.github.srboot.ddl;

/**
 * A possibly database-qualified object name in a statement: {@code `db`.`t`} or {@code `t`}.
 *
 * @param database the database, or null for the session's current database
 * @param name the object name
 */
public record ObjectName(String database, String name) {

    /**
     * Checks the parts.
     */
    public ObjectName {
        if (database != null) {
            Names.require("database", database);
        }
        Names.require("object", name);
    }

    /**
     * An unqualified name.
     * @param name the name
     * @return the name
     */
    public static ObjectName of(String name) {
        return new ObjectName(null, name);
    }

    /**
     * A qualified name.
     * @param database the database
     * @param name the name
     * @return the name
     */
    public static ObjectName of(String database, String name) {
        return new ObjectName(database, name);
    }

}
