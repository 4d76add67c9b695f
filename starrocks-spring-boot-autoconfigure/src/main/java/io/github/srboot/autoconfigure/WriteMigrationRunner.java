package io.github.srboot.autoconfigure;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntConsumer;

import io.github.srboot.schema.FlywayMigrationWriter;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Writes the next Flyway migration at start-up and ends the application: the command-line way to turn schema
 * drift into a migration file, e.g.
 * {@code java -jar app.jar --starrocks.schema.write-migration=src/main/resources/db/migration} or
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--starrocks.schema.write-migration=src/main/resources/db/migration}.
 *
 * <p>It runs first among the application's runners and then ends the process: Spring Boot calls every
 * {@code ApplicationRunner} and {@code CommandLineRunner} in turn, even after one has closed the application, so
 * closing alone would let the application's own runners (a data load, a job) start against a closed context. The
 * process therefore exits with the application's exit code once the context is closed.
 */
public final class WriteMigrationRunner implements ApplicationRunner, Ordered {

    private static final Log logger = LogFactory.getLog(WriteMigrationRunner.class);

    private final StarRocksSchemaDiff diff;

    private final Path directory;

    private final String description;

    private final ConfigurableApplicationContext context;

    private final IntConsumer exit;

    /**
     * Creates the runner, which ends the JVM ({@code System.exit}) after closing the application.
     * @param diff the schema diff
     * @param directory where to write the migration
     * @param description the file name's description
     * @param context the application, closed once the file is written
     */
    public WriteMigrationRunner(StarRocksSchemaDiff diff, Path directory, String description,
            ConfigurableApplicationContext context) {
        this(diff, directory, description, context, System::exit);
    }

    /**
     * Creates the runner with what ends the process once the application is closed (tests record the exit code).
     */
    WriteMigrationRunner(StarRocksSchemaDiff diff, Path directory, String description,
            ConfigurableApplicationContext context, IntConsumer exit) {
        this.diff = diff;
        this.directory = directory;
        this.description = description;
        this.context = context;
        this.exit = exit;
    }

    /**
     * First among the runners, so that none of the application's own runs.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
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
        logger.info("starrocks.schema.write-migration is set: the application ends now, before its own runners");
        this.exit.accept(SpringApplication.exit(this.context));
    }

}
