package io.github.srboot.ddl;

/**
 * {@code DROP TABLE | VIEW | MATERIALIZED VIEW [IF EXISTS] [db.]name [FORCE]}.
 *
 * @param kind the object kind
 * @param name the object
 * @param ifExists whether {@code IF EXISTS} is written
 * @param force whether {@code FORCE} is written (tables only: skips the recycle bin)
 */
public record DropObject(ObjectKind kind, ObjectName name, boolean ifExists, boolean force) implements DdlStatement {

    /**
     * Checks the statement.
     */
    public DropObject {
        if (kind == null || name == null) {
            throw new DdlValidationException("DROP", "needs an object kind and a name");
        }
        if (force && kind != ObjectKind.TABLE) {
            throw new DdlValidationException("DROP " + kind + " " + Names.display(name.name()),
                    "FORCE is only allowed for tables");
        }
    }

}
