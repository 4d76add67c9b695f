package io.github.srboot.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.flyway.DriftCheck;
import io.github.srboot.flyway.SchemaDriftException;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.ReflectedSchema;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.flyway.StarRocksFlywayExtension;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ScriptedStarRocks;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's own Flyway auto-configuration, with plain {@code spring.flyway.*} settings, migrating a scripted
 * StarRocks through the StarRocks database type and this starter's callbacks.
 */
class StarRocksFlywayAutoConfigurationTests {

    private final ScriptedJdbc server = new ScriptedJdbc();

    private final ScriptedStarRocks starRocks = new ScriptedStarRocks(this.server, "shop");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class, StarRocksJdbcAutoConfiguration.class,
                StarRocksSchemaAutoConfiguration.class, StarRocksFlywayAutoConfiguration.class,
                FlywayAutoConfiguration.class))
        .withBean(DataSource.class, this.server::dataSource)
        .withPropertyValues("spring.flyway.locations=classpath:flyway/scripted", "starrocks.database=shop",
                "starrocks.jdbc.enabled=true",
                "starrocks.schema.alter-poll-interval=1ms", "starrocks.schema.locations=classpath:flyway/none");

    StarRocksFlywayAutoConfigurationTests() {
        this.server.on("SHOW ALTER TABLE", new Rows(List.of("JobId", "TableName", "State"), List.of()));
    }

    @Test
    void migratesWithPlainSpringFlywaySettings() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(Flyway.class);
            assertThat(context).getBeans(Callback.class).containsKeys("starRocksAlterJobWaitCallback",
                    "starRocksSchemaDriftCheckCallback");
            assertThat(this.starRocks.historyRows()).extracting((row) -> row.get("version")).containsExactly("1", "2");
            assertThat(this.server.executedSql()).anyMatch((sql) -> sql.startsWith("SHOW ALTER TABLE COLUMN"));
        });
    }

    @Test
    void theHistoryTableTakesTheConfiguredReplicationNum() {
        this.runner.withPropertyValues("starrocks.flyway.history-replication-num=1").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Flyway.class).getConfiguration().getPluginRegister()
                .getPlugin(StarRocksFlywayExtension.class)
                .getHistoryReplicationNum()).isEqualTo(1);
            assertThat(this.server.executedSql()).anyMatch((sql) -> sql.contains("`flyway_schema_history`")
                    && sql.contains("\"replication_num\" = \"1\""));
        });
    }

    @Test
    void noWaitsWhenSwitchedOff() {
        this.runner.withPropertyValues("starrocks.flyway.wait-for-alter-jobs=false").run((context) -> {
            assertThat(context).hasNotFailed().getBeans(Callback.class)
                .doesNotContainKey("starRocksAlterJobWaitCallback")
                .containsKey("starRocksSchemaDriftCheckCallback");
            assertThat(this.starRocks.historyRows()).hasSize(2);
            assertThat(this.server.executedSql()).noneMatch((sql) -> sql.startsWith("SHOW ALTER TABLE"));
        });
    }

    @Test
    void propertyDefaultsAreTheLibrarysDefaults() {
        StarRocksProperties properties = new StarRocksProperties();

        assertThat(properties.getFlyway().isWaitForAlterJobs()).isTrue();
        assertThat(properties.getFlyway().getAlterTimeout()).isEqualTo(AlterJobPolling.DEFAULT_TIMEOUT);
        assertThat(properties.getFlyway().getHistoryReplicationNum()).isNull();
        assertThat(properties.getSchema().getDriftCheck()).isEqualTo(DriftCheck.WARN);
        assertThat(new StarRocksFlywayExtension().getHistoryReplicationNum()).isNull();
    }

    @Test
    void theDriftCheckCanStopStartUp() {
        this.runner.withUserConfiguration(DriftingDiff.class).withPropertyValues("starrocks.schema.drift-check=fail")
            .run((context) -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaDriftException.class)
                        .hasMessageContaining("'shop' differs");
                });
    }

    @Test
    void writingTheMigrationIsNotStoppedByTheDrift() {
        this.runner.withUserConfiguration(DriftingDiff.class)
            .withPropertyValues("starrocks.schema.drift-check=fail", "starrocks.schema.write-migration=build/never")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void aNegativeAlterTimeoutIsRefused() {
        this.runner.withPropertyValues("starrocks.flyway.alter-timeout=-1s", "spring.flyway.enabled=false")
            .run((context) -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("Property starrocks.flyway.alter-timeout with value 'PT-1S' is invalid"));
    }

    @Test
    void nothingWithoutFlyway() {
        this.runner.withClassLoader(new FilteredClassLoader(Flyway.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Callback.class));
    }

    /** A schema diff whose database (reflection replaced) has a narrower id than desired. */
    @Configuration(proxyBeanMethods = false)
    static class DriftingDiff {

        private static final String TABLE = "CREATE TABLE events (id INT NOT NULL, name STRING) PRIMARY KEY(id) "
                + "DISTRIBUTED BY HASH(id)";

        @Bean
        StarRocksSchemaDiff starRocksSchemaDiff(StarRocksTemplate template) {
            return new StarRocksSchemaDiff(template, "shop", () -> Ddl.parse(TABLE.replace("id INT", "id BIGINT")),
                    false) {

                @Override
                public ReflectedSchema reflect() {
                    return new ReflectedSchema(Ddl.parse(TABLE), List.of());
                }

            };
        }

    }

}
