package io.github.srboot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Core StarRocks auto-configuration: binds {@code starrocks.*} and provides the {@link StarRocksConnectionDetails}
 * that every other StarRocks bean reads.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration" })
@EnableConfigurationProperties(StarRocksProperties.class)
public class StarRocksAutoConfiguration {

    /**
     * Checks {@code starrocks.*} once bound, naming the property a value is refused for.
     */
    @Bean
    static StarRocksPropertiesValidator starRocksPropertiesValidator() {
        return new StarRocksPropertiesValidator();
    }

    /**
     * Fails start-up when {@code starrocks.schema.write-migration} is set but no schema diff can write it.
     */
    @Bean
    @ConditionalOnProperty(prefix = "starrocks.schema", name = "write-migration")
    static WriteMigrationCheck starRocksWriteMigrationCheck() {
        return new WriteMigrationCheck();
    }

    @Bean
    @ConditionalOnMissingBean(StarRocksConnectionDetails.class)
    PropertiesStarRocksConnectionDetails starRocksConnectionDetails(StarRocksProperties properties) {
        return new PropertiesStarRocksConnectionDetails(properties);
    }

}
