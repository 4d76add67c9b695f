package io.github.srboot.autoconfigure;

import java.time.Duration;
import java.util.List;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;

import javax.sql.DataSource;

import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.StarRocksObjectExistsException;
import io.github.srboot.jdbc.StarRocksOperations;
import io.github.srboot.jdbc.StarRocksSqlExceptionTranslator;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ServerVariables;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StarRocksJdbcAutoConfigurationTests {

    private final ApplicationContextRunner unconfigured = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class,
                StarRocksJdbcAutoConfiguration.class, JdbcTemplateAutoConfiguration.class));

    /** The DataSources below are scripted, not reached through a URL: the application says they are StarRocks. */
    private final ApplicationContextRunner runner = this.unconfigured.withPropertyValues("starrocks.jdbc.enabled=true");

    private static DataSource dataSourceOf(StarRocksTemplate template) {
        return ((JdbcTemplate) template.getJdbcOperations()).getDataSource();
    }

    @Test
    void noTemplateWithoutDataSource() {
        this.runner.run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(StarRocksTemplate.class)
            .doesNotHaveBean(StarRocksSqlExceptionTranslator.class));
    }

    @Test
    void aDataSourceNotKnownToBeStarRocksGetsNothing() {
        this.unconfigured.withUserConfiguration(SingleDataSource.class).run((context) -> {
            assertThat(context).hasNotFailed()
                .doesNotHaveBean(StarRocksTemplate.class)
                .doesNotHaveBean(StarRocksSqlExceptionTranslator.class);
            assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                .isNotInstanceOf(StarRocksSqlExceptionTranslator.class);
        });
    }

    @Test
    void jdbcEnabledFalseSwitchesEverythingOff() {
        this.unconfigured.withUserConfiguration(PrimaryAndStarRocksDataSources.class)
            .withPropertyValues("starrocks.jdbc.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StarRocksTemplate.class));
    }

    @Test
    void aStarRocksDataSourceBeanIsEnough() {
        this.unconfigured.withUserConfiguration(PrimaryAndStarRocksDataSources.class)
            .run((context) -> assertThat(context).hasSingleBean(StarRocksTemplate.class));
    }

    @Test
    void starRocksConnectionDetailsOfTheirOwnAreEnough() {
        this.unconfigured.withUserConfiguration(SingleDataSource.class, OwnConnectionDetails.class)
            .run((context) -> assertThat(context).hasSingleBean(StarRocksTemplate.class));
    }

    @Test
    void aUrlOfAnotherProtocolIsNeverAsked() {
        this.unconfigured.withUserConfiguration(SingleDataSource.class)
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/app")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StarRocksTemplate.class));
    }

    /**
     * Conditions never open a connection (Spring Boot's own never do): a MySQL-protocol URL is enough for the beans,
     * and whether the server is StarRocks is asked on first use.
     */
    @Test
    void aMySqlProtocolUrlOpensNoConnectionWhileTheContextStarts() throws SQLException {
        ScriptedDriver driver = new ScriptedDriver();
        DriverManager.registerDriver(driver);
        try {
            this.unconfigured.withUserConfiguration(SingleDataSource.class)
                .withPropertyValues("spring.datasource.url=jdbc:mysql://127.0.0.1:1/scripted_starrocks")
                .run((context) -> assertThat(context).hasSingleBean(StarRocksTemplate.class)
                    .hasSingleBean(StarRocksSqlExceptionTranslator.class));
            assertThat(driver.connections).as("no connection while conditions are evaluated").hasValue(0);
        }
        finally {
            DriverManager.deregisterDriver(driver);
        }
    }

    /** A MySQL application with the starter: its errors keep Spring's translation, after one question. */
    @Test
    void aMySqlServerKeepsSpringsTranslation() {
        this.unconfigured.withUserConfiguration(MySqlDataSourceOnly.class)
            .withPropertyValues("spring.datasource.url=jdbc:mysql://127.0.0.1:3306/app")
            .run((context) -> {
                JdbcTemplate jdbcTemplate = context.getBean(JdbcTemplate.class);
                assertThatExceptionOfType(org.springframework.dao.DuplicateKeyException.class)
                    .isThrownBy(() -> jdbcTemplate.execute("INSERT INTO t VALUES (1)"))
                    .isNotInstanceOf(io.github.srboot.jdbc.StarRocksError.class);
            });
    }

    @Test
    void anUnreachableMySqlProtocolUrlNeitherBlocksNorFailsTheStart() {
        // Port 1 on the loopback refuses at once; no driver of the test answers this URL. Nothing connects anyway.
        this.unconfigured.withUserConfiguration(SingleDataSource.class)
            .withPropertyValues("spring.datasource.url=jdbc:mysql://127.0.0.1:1/unreachable")
            .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(StarRocksTemplate.class));
    }

    @Test
    void theTemplateQualifiesWithTheConfiguredDatabase() {
        this.runner.withUserConfiguration(SingleDataSource.class)
            .withPropertyValues("starrocks.database=shop")
            .run((context) -> assertThat(context.getBean(StarRocksTemplate.class).getDefaultDatabase())
                .isEqualTo("shop"));
    }

    @Test
    void noTemplateWithoutSpringJdbc() {
        this.runner.withUserConfiguration(SingleDataSource.class)
            .withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
            .run((context) -> assertThat(context).doesNotHaveBean(StarRocksTemplate.class));
    }

    @Test
    void templateOverTheApplicationDataSource() {
        this.runner.withUserConfiguration(SingleDataSource.class).run((context) -> {
            assertThat(context).hasSingleBean(StarRocksTemplate.class);
            assertThat(dataSourceOf(context.getBean(StarRocksTemplate.class)))
                .isSameAs(context.getBean(DataSource.class));
        });
    }

    @Test
    void applicationJdbcTemplateTranslatesStarRocksErrors() {
        this.runner.withUserConfiguration(StarRocksDataSourceOnly.class).run((context) -> {
            assertThat(context).hasSingleBean(StarRocksSqlExceptionTranslator.class);
            JdbcTemplate jdbcTemplate = context.getBean(JdbcTemplate.class);
            assertThat(jdbcTemplate.getExceptionTranslator())
                .isSameAs(context.getBean(StarRocksSqlExceptionTranslator.class));
            assertThatExceptionOfType(StarRocksObjectExistsException.class)
                .isThrownBy(() -> jdbcTemplate.execute("CREATE TABLE t (a INT)"));
        });
    }

    @Test
    void dedicatedStarRocksDataSourceIsUsedAndTheApplicationTranslationIsLeftAlone() {
        this.runner.withUserConfiguration(PrimaryAndStarRocksDataSources.class).run((context) -> {
            assertThat(dataSourceOf(context.getBean(StarRocksTemplate.class)))
                .isSameAs(context.getBean("starRocksDataSource"));
            assertThat(context).doesNotHaveBean(StarRocksSqlExceptionTranslator.class);
            assertThat(context.getBean(JdbcTemplate.class).getDataSource()).isSameAs(context.getBean("appDataSource"));
            assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                .isNotInstanceOf(StarRocksSqlExceptionTranslator.class);
        });
    }

    @Test
    void ambiguousDataSourcesFailWithAHint() {
        this.runner.withUserConfiguration(TwoUnqualifiedDataSources.class).run((context) -> assertThat(context)
            .getFailure()
            .rootCause()
            .hasMessageContaining("@StarRocksDataSource"));
    }

    @Test
    void applicationsInjectTheOperationsInterface() {
        this.runner.withUserConfiguration(SingleDataSource.class, OperationsUser.class)
            .run((context) -> assertThat(context.getBean(OperationsUser.class).operations)
                .isSameAs(context.getBean(StarRocksTemplate.class)));
    }

    @Test
    void userTemplateWins() {
        this.runner.withUserConfiguration(SingleDataSource.class, UserTemplate.class).run((context) -> {
            assertThat(context).hasSingleBean(StarRocksTemplate.class);
            assertThat(context.getBean(StarRocksTemplate.class)).isSameAs(context.getBean("myTemplate"));
        });
    }

    @Test
    void userTranslatorWins() {
        this.runner.withUserConfiguration(SingleDataSource.class, UserTranslator.class).run((context) -> {
            assertThat(context).doesNotHaveBean(StarRocksSqlExceptionTranslator.class);
            assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                .isSameAs(context.getBean("myTranslator"));
        });
    }

    @Test
    void alterPollingComesFromProperties() {
        this.runner.withUserConfiguration(SingleDataSource.class)
            .withPropertyValues("starrocks.schema.alter-poll-interval=250ms", "starrocks.schema.alter-timeout=2m")
            .run((context) -> assertThat(context.getBean(StarRocksTemplate.class).getAlterJobPolling())
                .isEqualTo(new AlterJobPolling(Duration.ofMillis(250), Duration.ofMinutes(2))));
    }

    @Test
    void zeroPollIntervalIsRefusedNamingTheProperty() {
        this.runner.withUserConfiguration(SingleDataSource.class)
            .withPropertyValues("starrocks.schema.alter-poll-interval=0s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("starrocks.schema.alter-poll-interval"));
    }

    @Test
    void propertyDefaultsAreTheLibraryDefaults() {
        StarRocksProperties.Schema schema = new StarRocksProperties().getSchema();
        assertThat(new AlterJobPolling(schema.getAlterPollInterval(), schema.getAlterTimeout()))
            .isEqualTo(AlterJobPolling.defaults());
        this.runner.withUserConfiguration(SingleDataSource.class)
            .run((context) -> assertThat(context.getBean(StarRocksTemplate.class).getAlterJobPolling())
                .isEqualTo(AlterJobPolling.defaults()));
    }

    @Configuration(proxyBeanMethods = false)
    static class SingleDataSource {

        @Bean
        DataSource dataSource() {
            return new ScriptedJdbc().dataSource();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class StarRocksDataSourceOnly {

        @Bean
        DataSource dataSource() {
            return ServerVariables.starRocks(new ScriptedJdbc())
                .on("^CREATE TABLE", new Failure(1050, "42S01", "Table 't' already exists"))
                .dataSource();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class MySqlDataSourceOnly {

        @Bean
        DataSource dataSource() {
            // MySQL's ER_DUP_ENTRY (1062, 23000).
            return ServerVariables.mysql8(new ScriptedJdbc())
                .on("^INSERT", new Failure(1062, "23000", "Duplicate entry '1' for key 't.PRIMARY'"))
                .dataSource();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryAndStarRocksDataSources {

        @Bean
        @Primary
        DataSource appDataSource() {
            return new ScriptedJdbc().dataSource();
        }

        @Bean
        @StarRocksDataSource
        DataSource starRocksDataSource() {
            return new ScriptedJdbc().dataSource();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class TwoUnqualifiedDataSources {

        @Bean
        DataSource first() {
            return new ScriptedJdbc().dataSource();
        }

        @Bean
        DataSource second() {
            return new ScriptedJdbc().dataSource();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OperationsUser {

        final StarRocksOperations operations;

        OperationsUser(StarRocksOperations operations) {
            this.operations = operations;
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class UserTemplate {

        @Bean
        StarRocksTemplate myTemplate(DataSource dataSource) {
            return new StarRocksTemplate(dataSource);
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConnectionDetails {

        @Bean
        StarRocksConnectionDetails myConnectionDetails() {
            return new StarRocksConnectionDetails() {

                @Override
                public List<java.net.URI> getFrontends() {
                    return List.of(java.net.URI.create("http://fe:8030"));
                }

                @Override
                public String getUsername() {
                    return "root";
                }

                @Override
                public String getPassword() {
                    return "";
                }

            };
        }

    }

    /**
     * A JDBC driver for the URLs ending in {@code scripted_starrocks} and {@code scripted_mysql}, answering the
     * variables as each server does ({@link ServerVariables}), and counting the connections it opens.
     */
    static final class ScriptedDriver implements Driver {

        private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
                return null;
            }
            this.connections.incrementAndGet();
            ScriptedJdbc server = url.endsWith("scripted_starrocks") ? ServerVariables.starRocks(new ScriptedJdbc())
                    : ServerVariables.mysql8(new ScriptedJdbc());
            return server.dataSource().getConnection();
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.endsWith("scripted_starrocks") || url.endsWith("scripted_mysql");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class UserTranslator {

        @Bean
        SQLExceptionTranslator myTranslator() {
            return new SQLExceptionSubclassTranslator();
        }

    }

}
