package io.github.srboot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.jdbc.ReflectedSchema;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.support.ScriptedJdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The command-line migration writer: writes the next migration from the schema diff and ends the application.
 * (The scripted data source below only fills the template's constructor; the runner never queries it.)
 */
@ExtendWith(OutputCaptureExtension.class)
class WriteMigrationRunnerTests {

    private static final String TABLE = "CREATE TABLE events (id BIGINT NOT NULL, v INT) DUPLICATE KEY(id) "
            + "DISTRIBUTED BY HASH(id) BUCKETS 4";

    @TempDir
    Path directory;

    /** The schema diff of a database that holds TABLE (no server: reflection is replaced). */
    static StarRocksSchemaDiff diffAgainstTheTable(Supplier<List<SchemaObject>> desired) {
        StarRocksTemplate unused = new StarRocksTemplate(new ScriptedJdbc().dataSource());
        return new StarRocksSchemaDiff(unused, "analytics", desired, false) {

            @Override
            public ReflectedSchema reflect() {
                return new ReflectedSchema(Ddl.parse(TABLE), List.of());
            }

        };
    }

    @Test
    void writesTheMigrationAndClosesTheApplication() throws Exception {
        StarRocksSchemaDiff diff = diffAgainstTheTable(() -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")));
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();

        List<Integer> exitCodes = new ArrayList<>();
        new WriteMigrationRunner(diff, this.directory, "widen", context, exitCodes::add)
            .run(new DefaultApplicationArguments());

        assertThat(Files.readString(this.directory.resolve("V1__widen.sql")))
            .contains("ALTER TABLE `events` MODIFY COLUMN `v` BIGINT NULL;");
        assertThat(context.isActive()).isFalse();
        assertThat(exitCodes).containsExactly(0);
    }

    @Test
    void writesNothingWithoutDriftButStillCloses() throws Exception {
        StarRocksSchemaDiff diff = diffAgainstTheTable(() -> Ddl.parse(TABLE));
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();

        List<Integer> exitCodes = new ArrayList<>();
        new WriteMigrationRunner(diff, this.directory, "nothing", context, exitCodes::add)
            .run(new DefaultApplicationArguments());

        try (var files = Files.list(this.directory)) {
            assertThat(files).isEmpty();
        }
        assertThat(context.isActive()).isFalse();
        assertThat(exitCodes).containsExactly(0);
    }

    /**
     * Spring Boot calls every runner even after one has closed the application: the writer runs first and ends
     * the process, so the application's own runner (here one declared before it, and so first without the order)
     * never starts. The process's end is recorded instead of taken.
     */
    @Test
    void aRunningApplicationWritesAndEndsBeforeItsOwnRunners() throws Exception {
        EVENTS.clear();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RunnerApplication.class)
                .web(WebApplicationType.NONE).properties("migration.directory=" + this.directory).run();

        assertThat(this.directory.resolve("V1__cli.sql")).exists();
        assertThat(context.isActive()).isFalse();
        assertThat(EVENTS).first().isEqualTo("exit 0");
    }

    @Test
    void writeMigrationWithoutASchemaDiffFailsStartUpSayingWhy(CapturedOutput output) {
        EVENTS.clear();
        assertThatException().isThrownBy(() -> new SpringApplicationBuilder(StubModeApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off")
            .run("--starrocks.schema.write-migration=" + this.directory,
                    "--starrocks.http.frontends=http://127.0.0.1:8030"));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Invalid value '" + this.directory + "' for configuration property "
                    + "'starrocks.schema.write-migration'")
            .contains("No migration can be written: the schema diff compares the desired schema with the database "
                    + "through a StarRocksTemplate, and this application has none");
        assertThat(EVENTS).as("the application's own runner").isEmpty();
    }

    static final List<String> EVENTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Configuration(proxyBeanMethods = false)
    static class RunnerApplication {

        @Bean
        ApplicationRunner applicationsOwnRunner() {
            return (args) -> EVENTS.add("application's own runner");
        }

        @Bean
        WriteMigrationRunner writeMigrationRunner(ConfigurableApplicationContext context,
                Environment environment) {
            StarRocksSchemaDiff diff = diffAgainstTheTable(() -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")));
            return new WriteMigrationRunner(diff, Path.of(environment.getRequiredProperty("migration.directory")),
                    "cli", context, (code) -> EVENTS.add("exit " + code));
        }

    }

    /** Like the sample in stub mode: Stream Load, no DataSource, so no StarRocksTemplate and no schema diff. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ StarRocksAutoConfiguration.class, StarRocksJdbcAutoConfiguration.class,
            StarRocksSchemaAutoConfiguration.class })
    static class StubModeApplication {

        @Bean
        ApplicationRunner applicationsOwnRunner() {
            return (args) -> EVENTS.add("application's own runner");
        }

    }

}
