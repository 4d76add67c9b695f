package io.github.srboot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.github.srboot.jdbc.StarRocksTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code starrocks.*} block configures both sides: without {@code spring.datasource.url}, the DataSource's
 * connection details come from the first FE URL (its host, the query port 9030) and the starter's credentials, so
 * an application that only uses Stream Load starts. No connection is opened while it starts.
 */
class StarRocksJdbcConnectionDetailsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksJdbcConnectionDetailsAutoConfiguration.class,
                DataSourceAutoConfiguration.class, StarRocksAutoConfiguration.class,
                StarRocksJdbcAutoConfiguration.class));

    @Test
    void starRocksPropertiesAloneGiveTheDataSourceItsUrlAndCredentials() {
        this.runner
            .withPropertyValues("starrocks.http.frontends=http://fe1.internal:8030,http://fe2.internal:8030",
                    "starrocks.username=loader", "starrocks.password=s3cret", "starrocks.database=shop")
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(StarRocksTemplate.class);
                HikariDataSource dataSource = context.getBean(HikariDataSource.class);
                assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:mysql://fe1.internal:9030/");
                assertThat(dataSource.getUsername()).isEqualTo("loader");
                assertThat(dataSource.getPassword()).isEqualTo("s3cret");
                assertThat(dataSource.isRunning()).as("no connection pool started while the context started")
                    .isFalse();
                assertThat(context.getBean(JdbcConnectionDetails.class).toString()).doesNotContain("s3cret");
            });
    }

    @Test
    void aJdbcUrlOfTheApplicationWins() {
        this.runner
            .withPropertyValues("starrocks.http.frontends=http://fe1.internal:8030",
                    "spring.datasource.url=jdbc:mysql://sql.internal:9030/", "spring.datasource.username=app")
            .run((context) -> {
                assertThat(context).doesNotHaveBean(
                        StarRocksJdbcConnectionDetailsAutoConfiguration.DerivedJdbcConnectionDetails.class);
                assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                    .isEqualTo("jdbc:mysql://sql.internal:9030/");
            });
    }

    @Test
    void withoutFrontendsNothingIsDerived() {
        this.runner.run((context) -> assertThat(context)
            .doesNotHaveBean(StarRocksJdbcConnectionDetailsAutoConfiguration.DerivedJdbcConnectionDetails.class));
    }

}
