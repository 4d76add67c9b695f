package io.github.srboot.test.migration;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.flyway.AlterJobWaitCallback;
import io.github.srboot.flyway.FlywayCallbacks;
import io.github.srboot.flyway.HistoryTable;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.DesiredSchemaLoader;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.test.sql.EmbeddedStarRocksServer;

/**
 * Checks without a server that an application's Flyway migrations produce its desired schema: applies the migrations
 * to a fresh embedded StarRocks over JDBC (through the starter's StarRocks database type), reflects the result and
 * compares it with the desired schema ({@code db/schema/*.sql}) through {@link StarRocksSchemaDiff}.
 *
 * <p>In a test, one line: {@code MigrationCheck.assertMigrationsMatch();} (locations {@value #DEFAULT_MIGRATIONS}
 * and {@value #DEFAULT_SCHEMA}). A location is {@code classpath:<path>}, {@code filesystem:<path>} (or
 * {@code file:<path>}), or a plain file-system path.
 */
public final class MigrationCheck {

    /** Where Flyway finds an application's migrations by default. */
    public static final String DEFAULT_MIGRATIONS = "classpath:db/migration";

    /** Where the starter reads the desired schema by default ({@code starrocks.schema.locations}). */
    public static final String DEFAULT_SCHEMA = "classpath:db/schema";

    /** The database the migrations run in when none is given. */
    public static final String DEFAULT_DATABASE = "migration_check";

    /** Flyway's default history table, which belongs to Flyway, not to the desired schema. */
    private static final String HISTORY_TABLE = "flyway_schema_history";

    /**
     * The embedded StarRocks finishes ALTER jobs at once; the callback still waits for them between statements, as
     * the starter's Flyway does against a cluster, so a migration that would collide there collides here too.
     */
    private static final AlterJobPolling POLLING = new AlterJobPolling(Duration.ofMillis(20), Duration.ofMinutes(1));

    private MigrationCheck() {
    }

    /**
     * Asserts that the migrations under {@value #DEFAULT_MIGRATIONS} produce the desired schema under
     * {@value #DEFAULT_SCHEMA}.
     * @throws AssertionError with the plan (the DDL the schema diff would write) when they differ
     */
    public static void assertMigrationsMatch() {
        assertMigrationsMatch(DEFAULT_MIGRATIONS, DEFAULT_SCHEMA);
    }

    /**
     * Asserts that the migrations at one location produce the desired schema at another.
     * @param migrations the Flyway migrations' location
     * @param schema the desired schema's location (its {@code *.sql} files, subdirectories included)
     * @throws AssertionError with the plan (the DDL the schema diff would write) when they differ
     * @throws IllegalArgumentException when a location holds no migration or no desired object
     */
    public static void assertMigrationsMatch(String migrations, String schema) {
        Result result = check(migrations, schema, DEFAULT_DATABASE);
        if (!result.matches()) {
            throw new AssertionError(result.report());
        }
    }

    /**
     * Applies the migrations to a fresh embedded StarRocks and compares the result with the desired schema.
     * @param migrations the Flyway migrations' location
     * @param schema the desired schema's location
     * @param database the database the migrations run in (their unqualified names land there)
     * @return what was applied and the plan from the migrated database to the desired schema
     * @throws IllegalArgumentException when a location holds no migration or no desired object
     */
    public static Result check(String migrations, String schema, String database) {
        Location migrationLocation = Location.parse(migrations);
        Location schemaLocation = Location.parse(schema);
        Objects.requireNonNull(database, "database");
        List<SchemaObject> desired = new DesiredSchemaLoader(new PathMatchingResourcePatternResolver())
            .load(List.of(schemaLocation.spring()), java.util.Map.of());
        if (desired.isEmpty()) {
            throw new IllegalArgumentException("No desired schema at '" + schema + "': no *.sql file with a CREATE "
                    + "TABLE, VIEW or MATERIALIZED VIEW statement there");
        }
        try (EmbeddedStarRocksServer server = EmbeddedStarRocksServer.builder().build().start()) {
            new StarRocksTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password()))
                .createDatabaseIfNotExists(database);
            DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(database),
                    server.username(), server.password());
            MigrateResult migrated = Flyway.configure()
                .dataSource(dataSource)
                .locations(migrationLocation.flyway())
                .failOnMissingLocations(true)
                .callbacks(FlywayCallbacks.of(new AlterJobWaitCallback(POLLING)))
                .load()
                .migrate();
            if (migrated.migrationsExecuted == 0) {
                throw new IllegalArgumentException("No Flyway migration at '" + migrations + "'");
            }
            StarRocksSchemaDiff diff = new StarRocksSchemaDiff(new StarRocksTemplate(dataSource, POLLING, database),
                    database, () -> desired, true,
                    List.of(HISTORY_TABLE, HistoryTable.lockTableName(HISTORY_TABLE)));
            return new Result(migrations, schema, migrated.migrationsExecuted, diff.plan());
        }
    }

    /**
     * What one check found.
     * @param migrations the migrations' location as given
     * @param schema the desired schema's location as given
     * @param migrationsApplied how many migrations Flyway applied
     * @param plan the changes from the migrated database to the desired schema (drops included), empty when they
     * match
     */
    public record Result(String migrations, String schema, int migrationsApplied, MigrationPlan plan) {

        /** Whether the migrated database equals the desired schema. */
        public boolean matches() {
            return this.plan.isEmpty();
        }

        /** One paragraph a person reads: the verdict and, when they differ, the DDL and the plan. */
        public String report() {
            String applied = this.migrationsApplied + (this.migrationsApplied == 1 ? " migration" : " migrations");
            if (matches()) {
                return "The " + applied + " at " + this.migrations + " produce the desired schema at "
                        + this.schema + ".";
            }
            StringBuilder text = new StringBuilder("The ").append(applied).append(" at ").append(this.migrations)
                .append(" do not produce the desired schema at ").append(this.schema)
                .append(". The next migration would be:").append(System.lineSeparator());
            for (String statement : this.plan.statements()) {
                text.append(statement).append(';').append(System.lineSeparator());
            }
            return text.append(System.lineSeparator()).append(this.plan).toString();
        }

    }

    /** A location in either spelling, turned into Flyway's and Spring's. */
    private record Location(boolean classpath, String path) {

        static Location parse(String location) {
            Objects.requireNonNull(location, "location");
            if (location.isBlank()) {
                throw new IllegalArgumentException("A location must not be blank");
            }
            for (String prefix : List.of("filesystem:", "file:")) {
                if (location.startsWith(prefix)) {
                    return new Location(false, location.substring(prefix.length()));
                }
            }
            if (location.startsWith("classpath:")) {
                return new Location(true, location.substring("classpath:".length()));
            }
            return new Location(false, location);
        }

        String flyway() {
            return (this.classpath ? "classpath:" : "filesystem:") + this.path;
        }

        String spring() {
            return (this.classpath ? "classpath:" : "file:") + this.path;
        }

    }

}
