package io.github.srboot.autoconfigure;

import javax.sql.DataSource;

import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksDetection;
import io.github.srboot.jdbc.StarRocksSqlExceptionTranslator;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.jdbc.StarRocksTemplateObserver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Auto-configures {@link StarRocksTemplate} over the application's {@code DataSource}, or over the one marked
 * {@link StarRocksDataSource} when StarRocks is a second DataSource, when that DataSource may be StarRocks
 * ({@link StarRocksJdbcCondition}: a MySQL-protocol URL, a service connection, the annotation) or
 * {@code starrocks.jdbc.enabled=true} says so: an application whose DataSource is another database gets nothing
 * from here.
 *
 * <p>When the application has one DataSource and no {@code @StarRocksDataSource} bean, it also exposes
 * {@link StarRocksSqlExceptionTranslator} as the application's {@link SQLExceptionTranslator}, which Spring Boot
 * applies to its own {@code JdbcTemplate}. That translator keeps Spring's exception types (adding the StarRocks
 * detail), and checks once that the DataSource is StarRocks ({@link StarRocksDetection}) before it translates
 * anything. No condition here opens a connection.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, StarRocksAutoConfiguration.class,
        StarRocksJdbcConnectionDetailsAutoConfiguration.class })
@ConditionalOnClass({ JdbcTemplate.class, DataSource.class })
@ConditionalOnBean(DataSource.class)
@Conditional(StarRocksJdbcAutoConfiguration.StarRocksJdbcCondition.class)
@EnableConfigurationProperties(StarRocksProperties.class)
public class StarRocksJdbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StarRocksTemplate starRocksTemplate(@StarRocksDataSource ObjectProvider<DataSource> starRocksDataSource,
            ObjectProvider<DataSource> dataSources, StarRocksProperties properties,
            StarRocksConnectionDetails connectionDetails, ObjectProvider<StarRocksTemplateObserver> observers) {
        DataSource dataSource = starRocksDataSource.getIfAvailable(dataSources::getIfUnique);
        if (dataSource == null) {
            throw new IllegalStateException("StarRocksTemplate needs one DataSource, but there are several and none "
                    + "is marked @Primary or @StarRocksDataSource; mark the StarRocks one with @StarRocksDataSource");
        }
        StarRocksProperties.Schema schema = properties.getSchema();
        return new StarRocksTemplate(dataSource,
                new AlterJobPolling(schema.getAlterPollInterval(), schema.getAlterTimeout()),
                connectionDetails.getDatabase(), observers.getIfUnique(() -> StarRocksTemplateObserver.NONE));
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
        StarRocksSqlExceptionTranslator starRocksSqlExceptionTranslator(DataSource dataSource,
                ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
            JdbcConnectionDetails details = jdbcConnectionDetails.getIfUnique();
            return new StarRocksSqlExceptionTranslator(dataSource, (details != null) ? details.getJdbcUrl() : null);
        }

    }

    /**
     * Matches when the JDBC side may be meant for StarRocks, without opening a connection (conditions are evaluated
     * while the context starts, when a database may not be reachable yet): {@code starrocks.jdbc.enabled} when set;
     * otherwise a {@code @StarRocksDataSource} bean, a StarRocks service connection (connection details of their
     * own), JDBC connection details derived from {@code starrocks.http.frontends}
     * ({@link StarRocksJdbcConnectionDetailsAutoConfiguration}), or a {@code spring.datasource.url} of the MySQL
     * protocol, the only one StarRocks speaks. Whether such a
     * server really is StarRocks is asked later, once, by what must know ({@link StarRocksDetection}): the exception
     * translator before it translates, the Flyway database type and callbacks on Flyway's connection, the health
     * contributor. A MySQL server therefore gets a {@code StarRocksTemplate} it never needs to use, but nothing
     * that claims its errors or its Flyway.
     */
    static final class StarRocksJdbcCondition extends SpringBootCondition implements ConfigurationCondition {

        private static final String ENABLED = "starrocks.jdbc.enabled";

        /**
         * Whether a JDBC URL speaks the MySQL protocol, which StarRocks' FE serves: only such a DataSource can be
         * StarRocks.
         */
        static boolean isMySqlProtocolUrl(String url) {
            return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
        }

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("StarRocks JDBC");
            Binder binder = Binder.get(context.getEnvironment());
            Boolean enabled = binder.bind(ENABLED, Boolean.class).orElse(null);
            if (enabled != null) {
                return new ConditionOutcome(enabled, message.because(ENABLED + " is " + enabled));
            }
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            if (beanFactory != null) {
                for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                    if (beanFactory.findAnnotationOnBean(name, StarRocksDataSource.class, false) != null) {
                        return ConditionOutcome.match(message.because("DataSource '" + name
                                + "' is marked @StarRocksDataSource"));
                    }
                }
                if (StarRocksConnectionDetailsBeans.hasOwn(beanFactory)) {
                    return ConditionOutcome.match(message.because("StarRocks connection details of their own "
                            + "(service connection) exist"));
                }
            }
            if (beanFactory != null && beanFactory.getBeanNamesForType(
                    StarRocksJdbcConnectionDetailsAutoConfiguration.DerivedJdbcConnectionDetails.class, true,
                    false).length > 0) {
                return ConditionOutcome.match(message.because("the DataSource's connection details are derived from "
                        + "starrocks.http.frontends"));
            }
            String url = binder.bind("spring.datasource.url", String.class).orElse(null);
            if (url == null) {
                return ConditionOutcome.noMatch(message.because("no spring.datasource.url to tell whether the "
                        + "DataSource is StarRocks; set " + ENABLED + "=true or mark it @StarRocksDataSource"));
            }
            if (!isMySqlProtocolUrl(url)) {
                return ConditionOutcome.noMatch(message.because("spring.datasource.url is not a MySQL-protocol URL"));
            }
            return ConditionOutcome.match(message.because("spring.datasource.url is a MySQL-protocol URL; whether "
                    + "its server is StarRocks is asked on first use"));
        }

    }

}
