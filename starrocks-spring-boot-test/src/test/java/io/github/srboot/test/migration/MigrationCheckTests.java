package io.github.srboot.test.migration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration check: Flyway migrations applied to an embedded StarRocks over JDBC, compared with a desired schema
 * through the schema diff, as a JUnit assertion and as the {@code check-migrations} command.
 */
class MigrationCheckTests {

    private static final String MIGRATIONS = "classpath:migration-check/migration";

    @Test
    void migrationsThatProduceTheDesiredSchemaPass() {
        MigrationCheck.assertMigrationsMatch(MIGRATIONS, "classpath:migration-check/schema");

        MigrationCheck.Result result = MigrationCheck.check(MIGRATIONS, "classpath:migration-check/schema", "shop");
        assertThat(result.migrationsApplied()).isEqualTo(2);
        assertThat(result.matches()).isTrue();
        assertThat(result.report()).isEqualTo("The 2 migrations at " + MIGRATIONS
                + " produce the desired schema at classpath:migration-check/schema.");
    }

    @Test
    void driftedMigrationsFailWithTheDdlTheDiffWouldWrite() {
        assertThatThrownBy(() -> MigrationCheck.assertMigrationsMatch(MIGRATIONS,
                "classpath:migration-check/drifted-schema"))
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("The 2 migrations at " + MIGRATIONS
                    + " do not produce the desired schema at classpath:migration-check/drifted-schema")
            .hasMessageContaining("MODIFY COLUMN `status` VARCHAR(32)")
            .hasMessageContaining("ADD COLUMN `email` VARCHAR(80)");
    }

    @Test
    void aTableTheMigrationsCreateButTheSchemaDoesNotDeclareIsDropped() {
        MigrationCheck.Result result = MigrationCheck.check(MIGRATIONS,
                "classpath:migration-check/orders-only-schema", "shop");
        assertThat(result.matches()).isFalse();
        assertThat(result.plan().statements()).containsExactly("DROP TABLE `customers`");
    }

    @Test
    void aSchemaLocationWithoutFilesIsRefusedByName() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> MigrationCheck.assertMigrationsMatch(MIGRATIONS, "classpath:migration-check/none"))
            .withMessageContaining("'classpath:migration-check/none'");
    }

    @Test
    void aMissingMigrationLocationFails() {
        assertThatThrownBy(() -> MigrationCheck.assertMigrationsMatch("classpath:migration-check/none",
                "classpath:migration-check/schema"))
            .isInstanceOf(FlywayException.class)
            .hasMessageContaining("migration-check/none");
    }

    @Test
    void theCommandExitsZeroWhenTheyMatchAndOneWithThePlanWhenTheyDiffer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Surefire runs in the module's directory: plain directories, as a user passes them
        int matching = MigrationCheckCommand.run(new String[] { "--migrations",
                "src/test/resources/migration-check/migration", "--schema",
                "src/test/resources/migration-check/schema" }, print(out), print(err));
        assertThat(matching).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("produce the desired schema");

        out.reset();
        int drifted = MigrationCheckCommand.run(new String[] { "--migrations",
                "filesystem:src/test/resources/migration-check/migration", "--schema",
                "src/test/resources/migration-check/drifted-schema", "--database", "shop" }, print(out), print(err));
        assertThat(drifted).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("do not produce the desired schema")
            .contains("ADD COLUMN `email` VARCHAR(80)");
    }

    @Test
    void theCommandRefusesAnUnknownOptionWithItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MigrationCheckCommand.run(new String[] { "--migration", "x" }, print(new ByteArrayOutputStream()),
                print(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown option '--migration'")
            .contains("Usage: java -jar starrocks-spring-boot-test-<version>-standalone.jar check-migrations");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

}
