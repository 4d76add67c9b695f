package io.github.srboot.autoconfigure;

import java.util.List;

import io.github.srboot.actuate.StarRocksSchemaEndpoint;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.StarRocksSchemaDiff;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class StarRocksSchemaAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class, StarRocksJdbcAutoConfiguration.class,
                StarRocksSchemaAutoConfiguration.class));

    @Test
    void noSchemaDiffWithoutStarRocksTemplate() {
        this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StarRocksSchemaDiff.class));
    }

    @Test
    void noSchemaDiffWithoutSpringJdbc() {
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
            .run((context) -> assertThat(context).doesNotHaveBean(StarRocksSchemaDiff.class));
    }

    @Test
    void schemaDiffOfTheConfiguredDatabaseWithFilesAndBeans() {
        this.runner.withUserConfiguration(TemplateConfiguration.class, SchemaBeans.class)
            .withPropertyValues("starrocks.database=analytics", "starrocks.schema.locations=classpath:schema/desired",
                    "starrocks.schema.allow-drop=true")
            .run((context) -> {
                StarRocksSchemaDiff diff = context.getBean(StarRocksSchemaDiff.class);
                assertThat(diff.getDatabase()).isEqualTo("analytics");
                assertThat(diff.isAllowDrop()).isTrue();
                assertThat(diff.desired()).extracting(SchemaObject::name)
                    .containsExactly("events", "users", "v_events", "audit");
            });
    }

    @Test
    void dropsAreNotAllowedByDefault() {
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .run((context) -> assertThat(context.getBean(StarRocksSchemaDiff.class).isAllowDrop()).isFalse());
    }

    @Test
    void flywaysHistoryAndLockTablesAreLeftToFlyway() {
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .run((context) -> assertThat(context.getBean(StarRocksSchemaDiff.class).getUnmanagedTables())
                .containsExactlyInAnyOrder("flyway_schema_history", "flyway_schema_history_lock"));
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .withPropertyValues("spring.flyway.table=Migrations")
            .run((context) -> assertThat(context.getBean(StarRocksSchemaDiff.class).getUnmanagedTables())
                .containsExactlyInAnyOrder("migrations", "migrations_lock"));
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .withClassLoader(new FilteredClassLoader("org.flywaydb.core"))
            .run((context) -> assertThat(context.getBean(StarRocksSchemaDiff.class).getUnmanagedTables()).isEmpty());
    }

    @Test
    void backsOffForAUserSchemaDiff() {
        this.runner.withUserConfiguration(TemplateConfiguration.class, UserSchemaDiff.class)
            .run((context) -> assertThat(context).getBean(StarRocksSchemaDiff.class)
                .isSameAs(context.getBean(UserSchemaDiff.class).diff));
    }

    @Test
    void migrationRunnerOnlyWhenAskedFor() {
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .run((context) -> assertThat(context).doesNotHaveBean(WriteMigrationRunner.class));
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .withPropertyValues("starrocks.schema.write-migration=build/migrations")
            .run((context) -> assertThat(context).hasSingleBean(WriteMigrationRunner.class));
    }

    @Test
    void endpointWhenExposed() {
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .withPropertyValues("management.endpoints.web.exposure.include=starrocksschema")
            .run((context) -> assertThat(context).hasSingleBean(StarRocksSchemaEndpoint.class));
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .run((context) -> assertThat(context).doesNotHaveBean(StarRocksSchemaEndpoint.class));
    }

    @Test
    void noEndpointWithoutActuator() {
        this.runner.withUserConfiguration(TemplateConfiguration.class)
            .withPropertyValues("management.endpoints.web.exposure.include=starrocksschema")
            .withClassLoader(new FilteredClassLoader(Endpoint.class))
            .run((context) -> assertThat(context).hasSingleBean(StarRocksSchemaDiff.class)
                .doesNotHaveBean(StarRocksSchemaEndpoint.class));
    }

    @Test
    void schemaPropertyDefaults() {
        StarRocksProperties.Schema schema = new StarRocksProperties().getSchema();

        assertThat(schema.getLocations()).containsExactly("classpath:db/schema");
        assertThat(schema.isAllowDrop()).isFalse();
        assertThat(schema.getWriteMigration()).isNull();
        assertThat(schema.getMigrationDescription()).isEqualTo("schema_diff");
    }

    @Configuration(proxyBeanMethods = false)
    static class TemplateConfiguration {

        @Bean
        StarRocksTemplate starRocksTemplate() {
            // Never connected: these tests only wire beans.
            return new StarRocksTemplate(new SimpleDriverDataSource());
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class SchemaBeans {

        @Bean
        Table audit() {
            return Table.builder("audit").column("id", DataType.BIGINT).distributedByHash(1, "id").build();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class UserSchemaDiff {

        final StarRocksSchemaDiff diff = new StarRocksSchemaDiff(
                new StarRocksTemplate(new SimpleDriverDataSource()), "mine", List::of, false);

        @Bean
        StarRocksSchemaDiff userSchemaDiff() {
            return this.diff;
        }

    }


}
