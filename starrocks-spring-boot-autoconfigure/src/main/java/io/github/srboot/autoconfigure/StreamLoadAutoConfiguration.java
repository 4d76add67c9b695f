package io.github.srboot.autoconfigure;

import java.util.List;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.srboot.actuate.StreamLoadMetrics;
import io.github.srboot.actuate.StreamLoadObservationConvention;
import io.github.srboot.actuate.StreamLoadObservations;
import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.HostRewrite;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadObserver;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * Auto-configures the {@link StreamLoadTemplate} when WebFlux and Reactor Netty are on the classpath and Stream
 * Load is enabled ({@code starrocks.stream-load.enabled=true}, or unset with {@code starrocks.http.frontends}
 * configured, or unset with a {@link StarRocksConnectionDetails} bean of its own such as a service connection).
 * Micrometer metrics are added when a {@code MeterRegistry} exists, a {@code starrocks.stream-load} observation per
 * load when an {@code ObservationRegistry} exists, and {@link StreamLoadTemplateLifecycle} stops the template
 * right after the graceful-shutdown phase. The template's WebClients start from the application's
 * {@code WebClient.Builder} when there is one, and use the SSL bundle named by {@code starrocks.http.ssl.bundle}.
 */
@AutoConfiguration(after = StarRocksAutoConfiguration.class,
        afterName = { "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
                "org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass(name = { "org.springframework.web.reactive.function.client.WebClient",
        "reactor.netty.http.client.HttpClient", "com.fasterxml.jackson.databind.ObjectMapper" })
@Conditional(StreamLoadAutoConfiguration.StreamLoadEnabledCondition.class)
public class StreamLoadAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    StreamLoadTemplate streamLoadTemplate(StarRocksProperties properties, StarRocksConnectionDetails connectionDetails,
            ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<StreamLoadObserver> observers,
            ObjectProvider<StreamLoadTemplateCustomizer> customizers, ObjectProvider<WebClient.Builder> webClientBuilder,
            ObjectProvider<SslBundles> sslBundles) {
        if (connectionDetails.getFrontends().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException("starrocks.http.frontends", List.of(),
                    "Stream Load is enabled (starrocks.stream-load.enabled=true) but no FE HTTP URL is configured.");
        }
        StarRocksProperties.StreamLoad streamLoad = properties.getStreamLoad();
        StarRocksProperties.Http http = properties.getHttp();
        StarRocksProperties.StreamLoad.Batch batch = streamLoad.getBatch();
        StreamLoadTemplate.Builder builder = StreamLoadTemplate.builder()
            .frontends(connectionDetails.getFrontends())
            .credentials(connectionDetails.getUsername(), connectionDetails.getPassword())
            .database(connectionDetails.getDatabase())
            .batchPolicy(new BatchPolicy(batch.getMaxRows(), batch.getMaxBytes().toBytes(), batch.getMaxInterval()))
            .retryPolicy(new RetryPolicy(streamLoad.getMaxRetries(), streamLoad.getRetryBackoff(),
                    streamLoad.getMaxRetryBackoff(), streamLoad.getBusyBackoff()))
            .maxInFlightBytes(streamLoad.getMaxInFlightBytes().toBytes())
            .maxConcurrentLoads(streamLoad.getMaxConcurrentLoads())
            .perTableConcurrency(streamLoad.getPerTableConcurrency())
            .labelPrefix(streamLoad.getLabelPrefix())
            .compression(streamLoad.getCompression())
            .loadTimeout(streamLoad.getLoadTimeout())
            .responseTimeoutMargin(streamLoad.getResponseTimeoutMargin())
            .shutdownTimeout(streamLoad.getShutdownTimeout())
            .connectTimeout(http.getConnectTimeout())
            .readTimeout(http.getReadTimeout())
            .maxRedirects(http.getMaxRedirects())
            .frontendProbeInterval(http.getFrontendProbeInterval())
            .webClientBuilder(webClientBuilder.getIfAvailable());
        SslBundle bundle = StarRocksSslBundle.resolve(http, sslBundles);
        if (bundle != null) {
            SslContext sslContext = nettySslContext(bundle);
            builder.httpClientCustomizer((client) -> client.secure((spec) -> spec.sslContext(sslContext)));
        }
        HostRewrite redirectHostRewrite = connectionDetails.getRedirectHostRewrite();
        if (redirectHostRewrite != null) {
            builder.redirectHostRewrite(redirectHostRewrite);
        }
        ObjectMapper mapper = objectMapper.getIfAvailable();
        if (mapper != null) {
            builder.objectMapper(mapper);
        }
        List<StreamLoadObserver> all = observers.orderedStream().toList();
        if (!all.isEmpty()) {
            builder.observer((all.size() == 1) ? all.get(0) : StreamLoadObserver.composite(all));
        }
        customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * A Netty client TLS context with the bundle's trust and key material, protocols and ciphers.
     */
    private static SslContext nettySslContext(SslBundle bundle) {
        SslManagerBundle managers = bundle.getManagers();
        SslOptions options = bundle.getOptions();
        try {
            return SslContextBuilder.forClient()
                .keyManager(managers.getKeyManagerFactory())
                .trustManager(managers.getTrustManagerFactory())
                .protocols(options.getEnabledProtocols())
                .ciphers((options.getCiphers() != null) ? List.of(options.getCiphers()) : null)
                .build();
        }
        catch (SSLException ex) {
            throw new IllegalStateException("The SSL bundle of starrocks.http.ssl.bundle cannot make a TLS client: "
                    + ex.getMessage(), ex);
        }
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static UnintendedWebServerWarning starRocksUnintendedWebServerWarning() {
        return new UnintendedWebServerWarning();
    }

    /**
     * Stops the template (its {@code close()}: buffered rows loaded, loads in flight awaited up to
     * {@code starrocks.stream-load.shutdown-timeout}) right after the graceful-shutdown phase, before the beans its
     * writers depend on are destroyed.
     */
    @Bean
    @ConditionalOnMissingBean
    StreamLoadTemplateLifecycle streamLoadTemplateLifecycle(StreamLoadTemplate streamLoadTemplate) {
        return new StreamLoadTemplateLifecycle(streamLoadTemplate);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    @ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
    static class StreamLoadObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StreamLoadObservations streamLoadObservations(ObservationRegistry registry,
                ObjectProvider<StreamLoadObservationConvention> convention) {
            return new StreamLoadObservations(registry, convention.getIfUnique());
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class StreamLoadMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StreamLoadMetrics streamLoadMetrics(MeterRegistry registry) {
            return new StreamLoadMetrics(registry);
        }

    }

    /**
     * Enabled when {@code starrocks.stream-load.enabled} is true, or unset while FE URLs are configured.
     */
    static final class StreamLoadEnabledCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Binder binder = Binder.get(context.getEnvironment());
            Boolean enabled = binder.bind("starrocks.stream-load.enabled", Boolean.class).orElse(null);
            if (enabled != null) {
                return enabled ? ConditionOutcome.match("starrocks.stream-load.enabled is true")
                        : ConditionOutcome.noMatch("starrocks.stream-load.enabled is false");
            }
            List<String> frontends = binder.bind("starrocks.http.frontends", Bindable.listOf(String.class))
                .orElse(List.of());
            if (!frontends.isEmpty()) {
                return ConditionOutcome.match("starrocks.http.frontends configured");
            }
            boolean ownDetails = context.getBeanFactory() != null
                    && StarRocksConnectionDetailsBeans.hasOwn(context.getBeanFactory());
            return ownDetails ? ConditionOutcome.match("StarRocksConnectionDetails bean found")
                    : ConditionOutcome.noMatch("no starrocks.http.frontends and no StarRocksConnectionDetails bean");
        }

    }

}
