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
         * Points Spring Boot's DataSource (and with it Flyway) at the embedded StarRocks' query port and the
         * starter's {@code StreamLoadTemplate} at its FE, as a service connection would.
         */
        @Bean
        EmbeddedConnectionDetails embeddedConnectionDetails(EmbeddedStarRocksServer server,
                StarRocksProperties properties) {
            return new EmbeddedConnectionDetails(server, properties.getDatabase());
        }

        @Bean
        SampleTarget embeddedTarget(EmbeddedStarRocksServer server, JdbcTemplate jdbc, StarRocksSchemaDiff schemaDiff,
                StarRocksProperties properties) {
            return new EmbeddedTarget(new ClusterTarget(jdbc, schemaDiff), jdbc, server.stub(),
                    properties.getDatabase());
        }

    }

    /**
     * The embedded StarRocks' addresses and credentials, both as Spring Boot's JDBC connection details (no database in
     * the URL: Flyway creates it) and as the starter's StarRocks connection details.
     */
    record EmbeddedConnectionDetails(EmbeddedStarRocksServer server, String database)
            implements JdbcConnectionDetails, StarRocksConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return this.server.jdbcUrl();
        }

        @Override
        public List<URI> getFrontends() {
            return this.server.stub().frontendUrls();
        }

        @Override
        public String getUsername() {
            return this.server.username();
        }

        @Override
        public String getPassword() {
            return this.server.password();
        }

        @Override
        public String getDatabase() {
            return this.database;
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
