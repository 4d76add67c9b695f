package io.github.srboot.flyway;

import io.github.srboot.schema.MigrationPlan;

/**
 * The database still differs from the declared desired schema after Flyway migrated it, and
 * {@code starrocks.schema.drift-check=fail}. Carries the plan that would remove the difference.
 */
public class SchemaDriftException extends RuntimeException {

    private final transient MigrationPlan plan;

    /**
     * Creates the exception.
     * @param database the database compared
     * @param plan what still differs
     */
    public SchemaDriftException(String database, MigrationPlan plan) {
        super("StarRocks database '" + database + "' differs from the desired schema after Flyway migrated it "
                + "(starrocks.schema.drift-check=fail). Write the next migration with "
                + "--starrocks.schema.write-migration=src/main/resources/db/migration, or change the desired schema."
                + System.lineSeparator() + plan);
        this.plan = plan;
    }

    /**
     * The changes that remain.
     */
    public MigrationPlan getPlan() {
        return this.plan;
    }

}
