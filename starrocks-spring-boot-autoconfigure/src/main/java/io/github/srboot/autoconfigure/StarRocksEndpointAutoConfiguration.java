package io.github.srboot.autoconfigure;

import io.github.srboot.actuate.CachedSchemaPlan;
import io.github.srboot.actuate.StarRocksClusterProbe;
import io.github.srboot.actuate.StarRocksEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the read-only {@code starrocks} actuator endpoint ({@link StarRocksEndpoint}) when Actuator is
 * present, the endpoint is available (exposed and enabled), and there is a cluster to describe.
 */
@AutoConfiguration(after = { StarRocksClusterProbeAutoConfiguration.class, StarRocksSchemaAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(StarRocksClusterProbe.class)
public class StarRocksEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    StarRocksEndpoint starRocksEndpoint(StarRocksClusterProbe probe, StarRocksConnectionDetails connectionDetails,
            ObjectProvider<CachedSchemaPlan> plans) {
        return new StarRocksEndpoint(probe, connectionDetails.getDatabase(), plans.getIfAvailable());
    }

}
