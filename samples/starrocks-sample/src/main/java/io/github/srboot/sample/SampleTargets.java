package io.github.srboot.sample;

import java.net.URI;
import java.util.List;

import io.github.srboot.autoconfigure.StarRocksConnectionDetails;
import io.github.srboot.autoconfigure.StarRocksProperties;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.test.sql.EmbeddedStarRocksServer;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample's target per mode: the {@code stub} profile starts the embedded StarRocks and points the DataSource,
 * Flyway and the starter at it; any other profile uses the StarRocks cluster of {@code spring.datasource.*} and
 * {@code starrocks.*}.
 */
@Configuration(proxyBeanMethods = false)
class SampleTargets {

    /** Embedded mode: the embedded StarRocks (SQL front end, FE and BE HTTP) as the cluster. */
    @Configuration(proxyBeanMethods = false)
    @Profile(SampleMode.STUB_PROFILE)
    static class Embedded {

        /** The embedded StarRocks, without databases: Flyway creates the sample's and its tables. */
        @Bean(destroyMethod = "close")
        EmbeddedStarRocksServer embeddedStarRocks(StarRocksProperties properties) {
            return EmbeddedStarRocksServer.builder()
                .credentials(properties.getUsername(), properties.getPassword())
                .start();
        }

        /**
         * Points Spring Boot's DataSource (and with it Flyway) at the embedded StarRocks' query port, as a service
         * connection would.
         */
        @Bean
        JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedStarRocksServer server) {
            return new JdbcConnectionDetails() {

                @Override
                public String getJdbcUrl() {
                    return server.jdbcUrl();
                }

                @Override
                public String getUsername() {
                    return server.username();
                }

                @Override
                public String getPassword() {
                    return server.password();
                }

            };
        }

        /**
         * Points the starter's {@code StreamLoadTemplate} at the embedded StarRocks' FE, as a service connection
         * would.
         */
        @Bean
        StarRocksConnectionDetails embeddedConnectionDetails(EmbeddedStarRocksServer server,
                StarRocksProperties properties) {
            return new StarRocksConnectionDetails() {

                @Override
                public List<URI> getFrontends() {
                    return server.stub().frontendUrls();
                }

                @Override
                public String getUsername() {
                    return server.username();
                }

                @Override
                public String getPassword() {
                    return server.password();
                }

                @Override
                public String getDatabase() {
                    return properties.getDatabase();
                }

            };
        }

        @Bean
        SampleTarget embeddedTarget(EmbeddedStarRocksServer server, JdbcTemplate jdbc, StarRocksSchemaDiff schemaDiff,
                StarRocksProperties properties) {
            return new EmbeddedTarget(new ClusterTarget(jdbc, schemaDiff), jdbc, server.stub(),
                    properties.getDatabase());
        }

    }

    /** Cluster mode: the DataSource and the schema diff of the StarRocks cluster. */
    @Configuration(proxyBeanMethods = false)
    @Profile("!" + SampleMode.STUB_PROFILE)
    static class Cluster {

        @Bean
        SampleTarget clusterTarget(JdbcTemplate jdbc, StarRocksSchemaDiff schemaDiff) {
            return new ClusterTarget(jdbc, schemaDiff);
        }

    }

}
