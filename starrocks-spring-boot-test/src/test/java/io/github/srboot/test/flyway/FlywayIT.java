package io.github.srboot.test.flyway;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropDatabase;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.test.support.EnabledIfStarRocksAvailable;
import io.github.srboot.test.support.StarRocksTestCluster;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Spring Boot application with this starter and nothing but plain {@code spring.flyway.*} settings migrates a
 * real StarRocks: the StarRocks database type, the PRIMARY KEY history table, two ALTERs of one table in a row (the
 * second waits for the first job instead of failing), then {@code info}, {@code validate}, {@code repair}, a
 * migration written by the schema diff, and {@code clean}.
 */
@EnabledIfStarRocksAvailable
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlywayIT {

    private static final String DATABASE = "srboot_flyway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @TempDir
    static Path written;

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
            .properties(StarRocksTestCluster.get().dataSourceProperties())
            .properties("spring.flyway.default-schema=" + DATABASE, "spring.flyway.locations=classpath:flyway/it",
                    "starrocks.database=" + DATABASE, "starrocks.flyway.history-replication-num=1",
                    "starrocks.schema.locations=classpath:flyway/none")
            .properties(properties)
            .run();
    }

    @AfterAll
    static void dropDatabase() {
        new StarRocksTemplate(StarRocksTestCluster.get().dataSource()).execute(new DropDatabase(DATABASE, true, true));
    }

    @Test
    @Order(1)
    void migratesAndWaitsBetweenTwoAltersOfOneTable() {
        try (ConfigurableApplicationContext context = start()) {
            Flyway flyway = context.getBean(Flyway.class);
            assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
            StarRocksTemplate template = context.getBean(StarRocksTemplate.class);
            Table events = (Table) template.describe(DATABASE, "events").orElseThrow();
            assertThat(events.column("age")).isNotNull();
            assertThat(Ddl.render(events.column("name").type())).isEqualTo("VARCHAR(40)");
            Table history = (Table) template.describe(DATABASE, "flyway_schema_history").orElseThrow();
            assertThat(history.keys().columns()).containsExactly("installed_rank");
        }
    }

    @Test
    @Order(2)
    void infoValidateAndRepairWork() {
        try (ConfigurableApplicationContext context = start()) {
            Flyway flyway = context.getBean(Flyway.class);
            MigrationInfoService info = flyway.info();
            // Besides V1 and V2, the history holds Flyway's marker for the database it created.
            assertThat(info.applied()).filteredOn((applied) -> applied.getVersion() != null)
                .extracting((applied) -> applied.getVersion().getVersion())
                .contains("1", "2");
            assertThat(info.pending()).isEmpty();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.repair().migrationsRemoved).isEmpty();
        }
    }

    @Test
    @Order(3)
    void appliesAMigrationWrittenByTheSchemaDiff() throws Exception {
        Path desired = written.resolve("schema");
        Files.createDirectories(desired);
        Files.writeString(desired.resolve("events.sql"), """
                CREATE TABLE events (
                    id BIGINT NOT NULL,
                    name VARCHAR(40) COMMENT "who; or what",
                    age BIGINT,
                    note STRING
                ) PRIMARY KEY (id)
                DISTRIBUTED BY HASH(id) BUCKETS 4
                PROPERTIES ("replication_num" = "1");
                """);
        // The application's migration directory, as a user keeps it: V1 and V2, then the one the diff writes.
        Path migrations = written.resolve("migration");
        Files.createDirectories(migrations);
        for (String name : List.of("V1__create_events.sql", "V2__alter_events_twice.sql")) {
            try (InputStream script = FlywayIT.class.getResourceAsStream("/flyway/it/" + name)) {
                Files.copy(script, migrations.resolve(name));
            }
        }
        try (ConfigurableApplicationContext context = start("starrocks.schema.locations=file:" + desired)) {
            Optional<Path> file = context.getBean(StarRocksSchemaDiff.class).writeMigration(migrations, "from_the_diff");
            assertThat(file).contains(migrations.resolve("V3__from_the_diff.sql"));
            assertThat(Files.readString(file.get())).contains("--    waits:");
        }
        try (ConfigurableApplicationContext context = start("starrocks.schema.locations=file:" + desired,
                "spring.flyway.locations=filesystem:" + migrations,
                "starrocks.schema.drift-check=fail")) {
            assertThat(context.getBean(Flyway.class).info().current().getVersion().getVersion()).isEqualTo("3");
            assertThat(context.getBean(StarRocksSchemaDiff.class).plan().isEmpty()).isTrue();
        }
    }

    @Test
    @Order(4)
    void cleanIsRefusedUnlessEnabledThenDropsEverything() {
        try (ConfigurableApplicationContext context = start("spring.flyway.enabled=false")) {
            assertThatExceptionOfType(FlywayException.class)
                .isThrownBy(() -> Flyway.configure().dataSource(context.getBean(javax.sql.DataSource.class))
                    .schemas(DATABASE).load().clean());
        }
        try (ConfigurableApplicationContext context = start("spring.flyway.clean-disabled=false",
                "spring.flyway.enabled=false")) {
            Flyway.configure().dataSource(context.getBean(javax.sql.DataSource.class)).schemas(DATABASE)
                .cleanDisabled(false).load().clean();
            assertThat(context.getBean(StarRocksTemplate.class).listTables(DATABASE)).isEqualTo(List.of());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

    }

}
