package io.github.srboot.autoconfigure;

import java.nio.file.Path;
import java.util.Optional;

import io.github.srboot.schema.FlywayMigrationWriter;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the next Flyway migration at start-up and closes the application: the command-line way to turn schema
 * drift into a migration file, e.g.
 * {@code java -jar app.jar --starrocks.schema.write-migration=src/main/resources/db/migration} or
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--starrocks.schema.write-migration=src/main/resources/db/migration}.
 */
public final class WriteMigrationRunner implements ApplicationRunner {

    private static final Log logger = LogFactory.getLog(WriteMigrationRunner.class);

    private final StarRocksSchemaDiff diff;

    private final Path directory;

    private final String description;

    private final ConfigurableApplicationContext context;

    /**
     * Creates the runner.
     * @param diff the schema diff
     * @param directory where to write the migration
     * @param description the file name's description
     * @param context the application, closed once the file is written
     */
    public WriteMigrationRunner(StarRocksSchemaDiff diff, Path directory, String description,
            ConfigurableApplicationContext context) {
        this.diff = diff;
        this.directory = directory;
        this.description = description;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        MigrationPlan plan = this.diff.plan();
        Optional<Path> written = FlywayMigrationWriter.write(plan, this.directory, this.description);
        if (written.isPresent()) {
            logger.info("Wrote " + written.get().toAbsolutePath() + " for database " + this.diff.getDatabase() + ":"
                    + System.lineSeparator() + plan);
        }
        else {
            logger.info("No migration written for database " + this.diff.getDatabase() + ": the plan has no statement"
                    + " to run" + (plan.isEmpty() ? "" : System.lineSeparator() + plan));
        }
        if (!plan.refused().isEmpty()) {
            logger.warn(plan.refused().size() + " change(s) are refused by StarRocks and need the manual path "
                    + "written in the plan");
        }
        SpringApplication.exit(this.context);
    }

}
