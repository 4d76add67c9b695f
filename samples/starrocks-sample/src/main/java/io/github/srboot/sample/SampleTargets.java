package io.github.srboot.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.srboot.autoconfigure.StarRocksConnectionDetails;
import io.github.srboot.autoconfigure.StarRocksProperties;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.schema.DesiredSchemaLoader;
import io.github.srboot.schema.StarRocksSchemaDiff;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample's target per mode: the {@code stub} profile starts the embedded Stream Load stub and points the
 * starter at it; any other profile uses the StarRocks cluster of {@code spring.datasource.*} and
 * {@code starrocks.*}.
 */
@Configuration(proxyBeanMethods = false)
class SampleTargets {

    /** Where the migrations are; the stub mode parses them to compare with the desired schema. */
    static final String MIGRATIONS = "classpath:db/migration";

    /** Stub mode: the embedded Stream Load stub as StarRocks' HTTP side. */
    @Configuration(proxyBeanMethods = false)
    @Profile(SampleMode.STUB_PROFILE)
    static class Stub {

        /**
         * The stub, with one in-memory table per {@code CREATE TABLE} of the desired schema (views and
         * materialized views take no loads).
         */
        @Bean(destroyMethod = "close")
        StreamLoadStubServer streamLoadStub(StarRocksProperties properties, ResourceLoader resourceLoader) {
            List<StubTable> tables = sqlFiles(properties.getSchema().getLocations(), resourceLoader).stream()
                .filter(Table.class::isInstance)
                .map((object) -> StubTable.from(properties.getDatabase(), (Table) object))
                .toList();
            return StreamLoadStubServer.builder()
                .credentials(properties.getUsername(), properties.getPassword())
                .tables(tables)
                .start();
        }

        /**
         * Points the starter's {@code StreamLoadTemplate} at the stub, as a service connection would.
         */
        @Bean
        StarRocksConnectionDetails stubConnectionDetails(StreamLoadStubServer stub, StarRocksProperties properties) {
            return new StarRocksConnectionDetails() {

                @Override
                public List<URI> getFrontends() {
                    return stub.frontendUrls();
                }

                @Override
                public String getUsername() {
                    return stub.username();
                }

                @Override
                public String getPassword() {
                    return stub.password();
                }

                @Override
                public String getDatabase() {
                    return properties.getDatabase();
                }

            };
        }

        @Bean
        SampleTarget stubTarget(StreamLoadStubServer stub, StarRocksProperties properties,
                ResourceLoader resourceLoader) {
            return new StubTarget(stub, properties.getDatabase(),
                    sqlFiles(properties.getSchema().getLocations(), resourceLoader),
                    sqlFiles(List.of(MIGRATIONS), resourceLoader));
        }

        /** The objects of the {@code *.sql} files under the locations, read as the schema diff reads them. */
        private static List<SchemaObject> sqlFiles(List<String> locations, ResourceLoader resourceLoader) {
            return new DesiredSchemaLoader(ResourcePatternUtils.getResourcePatternResolver(resourceLoader))
                .load(locations, Map.of());
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
