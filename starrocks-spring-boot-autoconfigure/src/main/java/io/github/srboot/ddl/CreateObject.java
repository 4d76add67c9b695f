package io.github.srboot.ddl;

/**
 * {@code CREATE [OR REPLACE] TABLE | VIEW | MATERIALIZED VIEW [IF NOT EXISTS] [db.]name ...}.
 *
 * @param database the database qualifier, or null for none
 * @param object the object to create
 * @param ifNotExists whether {@code IF NOT EXISTS} is written
 * @param orReplace whether {@code OR REPLACE} is written (views only)
 */
public record CreateObject(String database, SchemaObject object, boolean ifNotExists, boolean orReplace)
        implements DdlStatement {

    /**
     * Checks the statement.
     */
    public CreateObject {
        if (database != null) {
            Names.require("database", database);
        }
        if (object == null) {
            throw new DdlValidationException("CREATE", "the object to create must not be null");
        }
        if (orReplace && !(object instanceof View)) {
            throw new DdlValidationException("CREATE OR REPLACE " + Names.display(object.name()),
                    "OR REPLACE is only allowed for views");
        }
    }

    /**
     * A plain {@code CREATE}.
     * @param object the object
     * @return the statement
     */
    public static CreateObject of(SchemaObject object) {
        return new CreateObject(null, object, false, false);
    }

    /**
     * {@code CREATE ... IF NOT EXISTS}.
     * @param object the object
     * @return the statement
     */
    public static CreateObject ifNotExists(SchemaObject object) {
        return new CreateObject(null, object, true, false);
    }

}
