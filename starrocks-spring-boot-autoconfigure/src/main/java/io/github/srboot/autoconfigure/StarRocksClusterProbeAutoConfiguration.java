package io.github.srboot.autoconfigure;

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.sql.DataSource;

import io.github.srboot.actuate.StarRocksClusterProbe;
import io.github.srboot.jdbc.StarRocksTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;

/**
 * Auto-configures the {@link StarRocksClusterProbe} that health, the {@code starrocks} endpoint and the cluster
 * gauges share, when Actuator or Micrometer is on the classpath and there is something to probe: a
 * {@code StarRocksTemplate} (its DataSource) or FE URLs ({@code starrocks.http.frontends} or a service connection).
 */
@AutoConfiguration(after = { StarRocksAutoConfiguration.class, StarRocksJdbcAutoConfiguration.class,
        StreamLoadAutoConfiguration.class, SslAutoConfiguration.class })
@ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
@Conditional({ StarRocksClusterProbeAutoConfiguration.OnActuatorOrMicrometer.class,
        StarRocksClusterProbeAutoConfiguration.OnStarRocksTargets.class })
@EnableConfigurationProperties(StarRocksProperties.class)
public class StarRocksClusterProbeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StarRocksClusterProbe starRocksClusterProbe(ObjectProvider<StarRocksTemplate> templates,
            StarRocksConnectionDetails connectionDetails, StarRocksProperties properties,
            ObjectProvider<SslBundles> sslBundles) {
        StarRocksTemplate template = templates.getIfUnique();
        DataSource dataSource = (template != null && template.getJdbcOperations() instanceof JdbcTemplate jdbc)
                ? jdbc.getDataSource() : null;
        StarRocksProperties.Health health = properties.getHealth();
        // The FEs are probed with the TLS settings Stream Load uses, so an FE with a private CA is UP when loads work.
        SslBundle bundle = StarRocksSslBundle.resolve(properties.getHttp(), sslBundles);
        SSLContext sslContext = (bundle != null) ? bundle.createSslContext() : null;
        SSLParameters sslParameters = (bundle != null) ? sslParameters(bundle.getOptions()) : null;
        return new StarRocksClusterProbe(dataSource, connectionDetails.getFrontends(), health.getProbeTimeout(),
                health.getCacheTtl(), sslContext, sslParameters);
    }

    /** The bundle's protocols and ciphers, or {@code null} when it names none (the context's defaults apply). */
    @Nullable
    private static SSLParameters sslParameters(SslOptions options) {
        if (!options.isSpecified()) {
            return null;
        }
        SSLParameters parameters = new SSLParameters();
        if (options.getCiphers() != null) {
            parameters.setCipherSuites(options.getCiphers());
        }
        if (options.getEnabledProtocols() != null) {
            parameters.setProtocols(options.getEnabledProtocols());
        }
        return parameters;
    }

    /**
     * Actuator or Micrometer is on the classpath: someone may read the probe.
     */
    static final class OnActuatorOrMicrometer extends AnyNestedCondition {

        OnActuatorOrMicrometer() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthContributor")
        static final class Actuator {

        }

        @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
        static final class Micrometer {

        }

    }

    /**
     * A {@code StarRocksTemplate} bean, FE URLs in the properties, or StarRocks connection details of their own.
     */
    static final class OnStarRocksTargets extends SpringBootCondition implements ConfigurationCondition {

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            if (beanFactory != null && beanFactory.getBeanNamesForType(StarRocksTemplate.class, true, false).length > 0) {
                return ConditionOutcome.match("a StarRocksTemplate bean exists");
            }
            List<String> frontends = Binder.get(context.getEnvironment())
                .bind("starrocks.http.frontends", Bindable.listOf(String.class))
                .orElse(List.of());
            if (!frontends.isEmpty()) {
                return ConditionOutcome.match("starrocks.http.frontends is set");
            }
            if (beanFactory != null && StarRocksConnectionDetailsBeans.hasOwn(beanFactory)) {
                return ConditionOutcome.match("StarRocks connection details of their own exist");
            }
            return ConditionOutcome.noMatch("no StarRocksTemplate, no starrocks.http.frontends, no service connection");
        }

    }

}
