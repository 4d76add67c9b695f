package io.github.srboot.ddl;

/**
 * {@code ALTER MATERIALIZED VIEW [db.]mv action}.
 *
 * @param view the materialized view
 * @param action what to change
 */
public record AlterMaterializedView(ObjectName view, MaterializedViewAction action) implements DdlStatement {

    /**
     * Checks the statement.
     */
    public AlterMaterializedView {
        if (view == null || action == null) {
            throw new DdlValidationException("ALTER MATERIALIZED VIEW", "needs a view and an action");
        }
    }

}
