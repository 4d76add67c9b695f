package io.github.srboot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.function.Supplier;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.jdbc.ReflectedSchema;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.support.ScriptedJdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line migration writer: writes the next migration from the schema diff and ends the application.
 */
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

        new WriteMigrationRunner(diff, this.directory, "widen", context).run(new DefaultApplicationArguments());

        assertThat(Files.readString(this.directory.resolve("V1__widen.sql")))
            .contains("ALTER TABLE `events` MODIFY COLUMN `v` BIGINT NULL;");
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void writesNothingWithoutDriftButStillCloses() throws Exception {
        StarRocksSchemaDiff diff = diffAgainstTheTable(() -> Ddl.parse(TABLE));
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();

        new WriteMigrationRunner(diff, this.directory, "nothing", context).run(new DefaultApplicationArguments());

        try (var files = Files.list(this.directory)) {
            assertThat(files).isEmpty();
        }
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void aRunningApplicationWritesAndEnds() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RunnerApplication.class)
                .web(WebApplicationType.NONE).properties("migration.directory=" + this.directory).run();

        assertThat(this.directory.resolve("V1__cli.sql")).exists();
        assertThat(context.isActive()).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    static class RunnerApplication {

        @Bean
        WriteMigrationRunner writeMigrationRunner(ConfigurableApplicationContext context,
                Environment environment) {
            StarRocksSchemaDiff diff = diffAgainstTheTable(() -> Ddl.parse(TABLE.replace("v INT", "v BIGINT")));
            return new WriteMigrationRunner(diff, Path.of(environment.getRequiredProperty("migration.directory")),
                    "cli", context);
        }

    }

}
