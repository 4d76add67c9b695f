package io.github.srboot.autoconfigure;

import javax.sql.DataSource;

import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksSqlExceptionTranslator;
import io.github.srboot.jdbc.StarRocksTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Auto-configures {@link StarRocksTemplate} over the application's {@code DataSource}, or over the one marked
 * {@link StarRocksDataSource} when StarRocks is a second DataSource.
 *
 * <p>When the application has one DataSource and no {@code @StarRocksDataSource} bean, it also exposes
 * {@link StarRocksSqlExceptionTranslator} as the application's {@link SQLExceptionTranslator}, which Spring Boot
 * applies to its own {@code JdbcTemplate}, so plain {@code JdbcTemplate} users get the same typed exceptions. That
 * translator checks once that the DataSource is StarRocks and otherwise leaves Spring's translation alone.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, StarRocksAutoConfiguration.class })
@ConditionalOnClass({ JdbcTemplate.class, DataSource.class })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(StarRocksProperties.class)
public class StarRocksJdbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StarRocksTemplate starRocksTemplate(@StarRocksDataSource ObjectProvider<DataSource> starRocksDataSource,
            ObjectProvider<DataSource> dataSources, StarRocksProperties properties) {
        DataSource dataSource = starRocksDataSource.getIfAvailable(dataSources::getIfUnique);
        if (dataSource == null) {
            throw new IllegalStateException("StarRocksTemplate needs one DataSource, but there are several and none "
                    + "is marked @Primary or @StarRocksDataSource; mark the StarRocks one with @StarRocksDataSource");
        }
        StarRocksProperties.Schema schema = properties.getSchema();
        if (schema.getAlterPollInterval() == null || schema.getAlterPollInterval().isZero()) {
            throw new InvalidConfigurationPropertyValueException("starrocks.schema.alter-poll-interval",
                    schema.getAlterPollInterval(), "Polling for ALTER jobs needs a positive interval.");
        }
        if (schema.getAlterTimeout() == null) {
            throw new InvalidConfigurationPropertyValueException("starrocks.schema.alter-timeout", null,
                    "A timeout for ALTER jobs is required.");
        }
        return new StarRocksTemplate(dataSource,
                new AlterJobPolling(schema.getAlterPollInterval(), schema.getAlterTimeout()));
    }

    /**
     * Applies the StarRocks exception translator to Spring Boot's {@code JdbcTemplate} only when StarRocks may be
     * the application's own DataSource; a StarRocks DataSource beside another one leaves that one's translation
     * as is.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(annotation = StarRocksDataSource.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class ApplicationDataSourceTranslatorConfiguration {

        @Bean
        @ConditionalOnMissingBean(SQLExceptionTranslator.class)
        StarRocksSqlExceptionTranslator starRocksSqlExceptionTranslator(DataSource dataSource) {
            return new StarRocksSqlExceptionTranslator(dataSource);
        }

    }

}
