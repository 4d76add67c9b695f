package io.github.srboot.autoconfigure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.srboot.actuate.CachedSchemaPlan;
import io.github.srboot.actuate.StarRocksSchemaEndpoint;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.flyway.HistoryTable;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.schema.DesiredSchemaLoader;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures the {@link StarRocksSchemaDiff} of {@code starrocks.database} against the desired schema
 * ({@code starrocks.schema.locations} and {@link SchemaObject} beans), its plan cached for
 * {@code starrocks.schema.report-cache-ttl} ({@link CachedSchemaPlan}), the read-only {@code starrocksschema}
 * actuator endpoint, and the write-the-next-migration-and-exit runner ({@code starrocks.schema.write-migration}).
 */
@AutoConfiguration(after = StarRocksJdbcAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
@ConditionalOnBean(StarRocksTemplate.class)
@EnableConfigurationProperties(StarRocksProperties.class)
public class StarRocksSchemaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StarRocksSchemaDiff starRocksSchemaDiff(StarRocksTemplate template, StarRocksProperties properties,
            StarRocksConnectionDetails connectionDetails, ResourceLoader resourceLoader,
            ListableBeanFactory beanFactory, Environment environment) {
        StarRocksProperties.Schema schema = properties.getSchema();
        DesiredSchemaLoader loader = new DesiredSchemaLoader(ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
        return new StarRocksSchemaDiff(template, connectionDetails.getDatabase(),
                () -> loader.load(schema.getLocations(), schemaObjectBeans(beanFactory)), schema.isAllowDrop(),
                flywayTables(environment, resourceLoader.getClassLoader()));
    }

    /**
     * Flyway's schema history table ({@code spring.flyway.table}) and its lock table, when Flyway is on the class
     * path: Flyway's, not the application's schema, so the diff neither reports nor drops them.
     */
    private static List<String> flywayTables(Environment environment, ClassLoader classLoader) {
        if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", classLoader)) {
            return List.of();
        }
        String history = environment.getProperty("spring.flyway.table", "flyway_schema_history");
        return List.of(history, HistoryTable.lockTableName(history));
    }

    /** The schema-object beans by name, looked up when a plan is made so that late beans count. */
    private static Map<String, SchemaObject> schemaObjectBeans(ListableBeanFactory beanFactory) {
        return new LinkedHashMap<>(beanFactory.getBeansOfType(SchemaObject.class, false, false));
    }

    @Bean
    @ConditionalOnProperty(prefix = "starrocks.schema", name = "write-migration")
    WriteMigrationRunner starRocksWriteMigrationRunner(StarRocksSchemaDiff diff, StarRocksProperties properties,
            ConfigurableApplicationContext context) {
        StarRocksProperties.Schema schema = properties.getSchema();
        return new WriteMigrationRunner(diff, Path.of(schema.getWriteMigration()), schema.getMigrationDescription(),
                context);
    }

    @Bean
    @ConditionalOnMissingBean
    CachedSchemaPlan starRocksCachedSchemaPlan(StarRocksSchemaDiff diff, StarRocksProperties properties) {
        return new CachedSchemaPlan(diff, properties.getSchema().getReportCacheTtl());
    }

    /**
     * The {@code starrocksschema} endpoint, when Actuator is present and the endpoint is exposed.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class SchemaEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        StarRocksSchemaEndpoint starRocksSchemaEndpoint(CachedSchemaPlan plans) {
            return new StarRocksSchemaEndpoint(plans);
        }

    }

}
