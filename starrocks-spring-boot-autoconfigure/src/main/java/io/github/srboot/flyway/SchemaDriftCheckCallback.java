package io.github.srboot.flyway;

import java.util.List;
import java.util.function.Supplier;

import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.StarRocksSchemaDiff;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * After Flyway's {@code migrate}, compares the database with the declared desired schema ({@code db/schema/*.sql}
 * files, {@code SchemaObject} beans) and, when they differ, logs the plan ({@link DriftCheck#WARN}) or fails with it
 * ({@link DriftCheck#FAIL}). Nothing is checked when no desired schema is declared.
 */
public final class SchemaDriftCheckCallback implements FlywayEventHandler {

    private static final Log logger = LogFactory.getLog(SchemaDriftCheckCallback.class);

    private final Supplier<StarRocksSchemaDiff> diff;

    private final DriftCheck mode;

    /**
     * Creates the callback.
     * @param diff supplies the schema diff (looked up when migrate has finished)
     * @param mode what to do with a difference
     */
    public SchemaDriftCheckCallback(Supplier<StarRocksSchemaDiff> diff, DriftCheck mode) {
        this.diff = diff;
        this.mode = mode;
    }

    @Override
    public boolean supports(Event event) {
        return event == Event.AFTER_MIGRATE && this.mode != DriftCheck.OFF;
    }

    @Override
    public String name() {
        return "StarRocksSchemaDriftCheck";
    }

    /**
     * Checks after {@code migrate}, when Flyway migrated StarRocks ({@link StarRocksServer#isStarRocks}); the
     * migrations of another database are not compared with a StarRocks schema.
     */
    @Override
    public void handle(Event event, Context context) {
        if (context.getConnection() != null && !StarRocksServer.isStarRocks(context.getConnection())) {
            logger.debug("No StarRocks drift check: Flyway migrated a database that is not StarRocks");
            return;
        }
        check();
    }

    /**
     * Runs the check now.
     * @return the plan, empty when there is no drift or no desired schema
     * @throws SchemaDriftException in {@link DriftCheck#FAIL} mode when the database differs
     */
    MigrationPlan check() {
        StarRocksSchemaDiff diff = this.diff.get();
        if (this.mode == DriftCheck.OFF || diff == null || diff.desired().isEmpty()) {
            logger.debug("No StarRocks drift check: off, or no desired schema is declared");
            return new MigrationPlan(List.of());
        }
        if ((diff.getDatabase() == null || diff.getDatabase().isBlank()) && this.mode == DriftCheck.WARN) {
            logger.warn("No StarRocks drift check: a desired schema is declared but no database to compare it with; "
                    + "set starrocks.database");
            return new MigrationPlan(List.of());
        }
        MigrationPlan plan = diff.plan();
        if (plan.isEmpty()) {
            logger.info("StarRocks database '" + diff.getDatabase() + "' matches the desired schema");
            return plan;
        }
        if (this.mode == DriftCheck.FAIL) {
            throw new SchemaDriftException(diff.getDatabase(), plan);
        }
        logger.warn("StarRocks database '" + diff.getDatabase() + "' differs from the desired schema after Flyway "
                + "migrated it (starrocks.schema.drift-check=warn):" + System.lineSeparator() + plan);
        return plan;
    }

}
