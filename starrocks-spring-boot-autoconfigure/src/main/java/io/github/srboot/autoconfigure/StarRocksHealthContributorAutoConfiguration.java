package io.github.srboot.autoconfigure;

import io.github.srboot.actuate.StarRocksClusterProbe;
import io.github.srboot.actuate.StarRocksHealthContributors;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.CompositeReactiveHealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@code starrocks} health contributor ({@code jdbc}, {@code frontends}, {@code backends}; see
 * {@link StarRocksHealthContributors}) over the {@link StarRocksClusterProbe}: reactive in a WebFlux application,
 * blocking otherwise. {@code management.health.starrocks.enabled=false} switches it off.
 */
@AutoConfiguration(after = StarRocksClusterProbeAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.health.HealthContributor",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(StarRocksClusterProbe.class)
public class StarRocksHealthContributorAutoConfiguration {

    /** The contributor's bean name; the health component is named {@code starrocks} after it. */
    static final String BEAN_NAME = "starrocksHealthContributor";

    // The enabled-indicator condition sits on the nested classes: its condition class is only loaded once the outer
    // class's @ConditionalOnClass has found Actuator.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("starrocks")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "reactor.core.publisher.Mono")
    static class ReactiveHealthConfiguration {

        @Bean(BEAN_NAME)
        @ConditionalOnMissingBean(name = BEAN_NAME)
        CompositeReactiveHealthContributor starrocksReactiveHealthContributor(StarRocksClusterProbe probe) {
            return StarRocksHealthContributors.reactive(probe);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("starrocks")
    @Conditional(NotReactiveWebApplication.class)
    static class BlockingHealthConfiguration {

        @Bean(BEAN_NAME)
        @ConditionalOnMissingBean(name = BEAN_NAME)
        CompositeHealthContributor starrocksHealthContributor(StarRocksClusterProbe probe) {
            return StarRocksHealthContributors.blocking(probe);
        }

    }

    /**
     * A servlet application or no web application.
     */
    static final class NotReactiveWebApplication extends AnyNestedCondition {

        NotReactiveWebApplication() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        static final class Servlet {

        }

        @ConditionalOnNotWebApplication
        static final class NotWeb {

        }

    }

}
