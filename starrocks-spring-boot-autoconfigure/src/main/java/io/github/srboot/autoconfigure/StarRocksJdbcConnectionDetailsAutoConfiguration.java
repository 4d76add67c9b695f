package io.github.srboot.autoconfigure;

import java.net.URI;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Derives Spring Boot's {@link JdbcConnectionDetails} from the starter's connection properties (what
 * {@link StarRocksConnectionDetails} reads from {@code starrocks.*}) when the application names no JDBC URL, so that one {@code starrocks.*} block configures both sides: the DataSource
 * reaches the first FE's MySQL-protocol query port, {@value #QUERY_PORT}, as {@code starrocks.username}. Without it
 * an application configured with {@code starrocks.*} alone (Stream Load only) would not start: Spring Boot's
 * DataSource finds no URL ("Failed to determine a suitable driver class").
 *
 * <p>Nothing here opens a connection; the pool connects on first use. An application whose {@code spring.datasource.url}
 * is set, or that has JDBC connection details of its own (Docker Compose, Testcontainers), is left as it is.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ DataSource.class, JdbcConnectionDetails.class })
@Conditional(StarRocksJdbcConnectionDetailsAutoConfiguration.OnFrontendsWithoutJdbcUrl.class)
@EnableConfigurationProperties(StarRocksProperties.class)
public class StarRocksJdbcConnectionDetailsAutoConfiguration {

    /** The FE's MySQL-protocol port in a default StarRocks installation ({@code query_port}). */
    static final int QUERY_PORT = 9030;

    @Bean
    @ConditionalOnMissingBean(JdbcConnectionDetails.class)
    DerivedJdbcConnectionDetails starRocksJdbcConnectionDetails(StarRocksProperties properties) {
        return new DerivedJdbcConnectionDetails(new PropertiesStarRocksConnectionDetails(properties));
    }

    /**
     * JDBC connection details derived from the starter's: {@code jdbc:mysql://<first FE host>:9030/} with its
     * credentials. No database in the URL (a missing database would refuse the connection, and Flyway may be the one
     * to create it; {@code StarRocksTemplate} and Stream Load name {@code starrocks.database} themselves).
     */
    static final class DerivedJdbcConnectionDetails implements JdbcConnectionDetails {

        private final StarRocksConnectionDetails starRocks;

        private final String jdbcUrl;

        DerivedJdbcConnectionDetails(StarRocksConnectionDetails starRocks) {
            URI frontend = starRocks.getFrontends().get(0);
            if (frontend.getHost() == null) {
                throw new IllegalArgumentException("starrocks.http.frontends: '" + frontend
                        + "' names no host to derive the JDBC URL from; set spring.datasource.url");
            }
            this.starRocks = starRocks;
            this.jdbcUrl = "jdbc:mysql://" + frontend.getHost() + ":" + QUERY_PORT + "/";
        }

        @Override
        public String getJdbcUrl() {
            return this.jdbcUrl;
        }

        @Override
        public String getUsername() {
            return this.starRocks.getUsername();
        }

        @Override
        public String getPassword() {
            return this.starRocks.getPassword();
        }

        @Override
        public String toString() {
            return "DerivedJdbcConnectionDetails[jdbcUrl=" + this.jdbcUrl + ", username=" + getUsername() + "]";
        }

    }

    /**
     * {@code starrocks.http.frontends} is set and {@code spring.datasource.url} is not.
     */
    static final class OnFrontendsWithoutJdbcUrl extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("StarRocks JDBC connection details");
            Binder binder = Binder.get(context.getEnvironment());
            if (binder.bind("spring.datasource.url", String.class).isBound()) {
                return ConditionOutcome.noMatch(message.because("spring.datasource.url is set"));
            }
            List<String> frontends = binder.bind("starrocks.http.frontends", Bindable.listOf(String.class))
                .orElse(List.of());
            if (frontends.isEmpty()) {
                return ConditionOutcome.noMatch(message.because("starrocks.http.frontends is not set"));
            }
            return ConditionOutcome.match(message.because("starrocks.http.frontends is set and spring.datasource.url "
                    + "is not"));
        }

    }

}
