package io.github.srboot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.srboot.actuate.StreamLoadMetrics;
import io.github.srboot.streamload.BatchPolicy;
import io.github.srboot.streamload.RetryPolicy;
import io.github.srboot.streamload.StreamLoadOperations;
import io.github.srboot.streamload.StreamLoadTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class StreamLoadAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class));

    @Test
    void templateIsCreatedWhenFrontendsAreConfigured() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030", "starrocks.database=db")
            .run((context) -> {
                assertThat(context).hasSingleBean(StreamLoadTemplate.class);
                assertThat(context.getBean(StreamLoadTemplate.class).database()).isEqualTo("db");
                assertThat(context).doesNotHaveBean(StreamLoadMetrics.class);
            });
    }

    @Test
    void noTemplateWithoutFrontends() {
        this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(StreamLoadTemplate.class));
    }

    @Test
    void noTemplateWhenDisabled() {
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030", "starrocks.stream-load.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(StreamLoadTemplate.class));
    }

    @Test
    void enabledWithoutFrontendsFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("starrocks.stream-load.enabled=true")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("starrocks.http.frontends"));
    }

    @Test
    void templateIsCreatedFromConnectionDetailsOfItsOwnWithoutProperties() {
        // What a @ServiceConnection on a StarRocksContainer provides: no starrocks.http.frontends at all.
        this.contextRunner.withBean(StarRocksConnectionDetails.class, ServiceConnectionDetails::new)
            .run((context) -> {
                assertThat(context).hasSingleBean(StreamLoadTemplate.class);
                assertThat(context.getBean(StreamLoadTemplate.class).database()).isEqualTo("from_container");
            });
        this.contextRunner.withBean(StarRocksConnectionDetails.class, ServiceConnectionDetails::new)
            .withPropertyValues("starrocks.stream-load.enabled=true")
            .run((context) -> assertThat(context).hasSingleBean(StreamLoadTemplate.class));
    }

    @Test
    void applicationsInjectTheOperationsInterface() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030")
            .withUserConfiguration(OperationsUser.class)
            .run((context) -> assertThat(context.getBean(OperationsUser.class).operations)
                .isSameAs(context.getBean(StreamLoadTemplate.class)));
    }

    @Test
    void backsOffForAUserTemplate() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030")
            .withUserConfiguration(UserTemplate.class)
            .run((context) -> assertThat(context).getBean(StreamLoadTemplate.class)
                .isSameAs(context.getBean("userTemplate")));
    }

    @Test
    void backsOffWithoutWebClient() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030")
            .withClassLoader(new FilteredClassLoader(WebClient.class))
            .run((context) -> assertThat(context).doesNotHaveBean(StreamLoadTemplate.class));
    }

    @Test
    void metricsAreAddedWhenAMeterRegistryExists() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030")
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .run((context) -> {
                assertThat(context).hasSingleBean(StreamLoadMetrics.class);
                assertThat(context.getBean(MeterRegistry.class).find("starrocks.stream-load.in-flight-bytes").gauge())
                    .isNotNull();
            });
    }

    @Test
    void worksWithoutMicrometer() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030")
            .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
            .run((context) -> {
                assertThat(context).hasSingleBean(StreamLoadTemplate.class);
                assertThat(context).doesNotHaveBean(StreamLoadMetrics.class);
            });
    }

    @Test
    void customizersAreApplied() {
        this.contextRunner.withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030")
            .withBean(StreamLoadTemplateCustomizer.class, () -> (builder) -> builder.database("customized"))
            .run((context) -> assertThat(context.getBean(StreamLoadTemplate.class).database())
                .isEqualTo("customized"));
    }

    @Test
    void invalidSettingsFailAtStartup() {
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030",
                    "starrocks.stream-load.batch.max-bytes=512MB")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("max-in-flight-bytes"));
    }

    @Test
    void propertyDefaultsEqualTheLibraryDefaults() {
        StarRocksProperties properties = new StarRocksProperties();
        StarRocksProperties.StreamLoad streamLoad = properties.getStreamLoad();
        StarRocksProperties.StreamLoad.Batch batch = streamLoad.getBatch();
        StarRocksProperties.Http http = properties.getHttp();
        assertThat(new BatchPolicy(batch.getMaxRows(), batch.getMaxBytes().toBytes(), batch.getMaxInterval()))
            .isEqualTo(BatchPolicy.DEFAULT);
        assertThat(new RetryPolicy(streamLoad.getMaxRetries(), streamLoad.getRetryBackoff(),
                streamLoad.getMaxRetryBackoff(), streamLoad.getBusyBackoff()))
            .isEqualTo(RetryPolicy.DEFAULT);
        assertThat(streamLoad.getMaxInFlightBytes().toBytes())
            .isEqualTo(StreamLoadTemplate.Builder.DEFAULT_MAX_IN_FLIGHT_BYTES);
        assertThat(streamLoad.getMaxConcurrentLoads()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_MAX_CONCURRENT_LOADS);
        assertThat(streamLoad.getPerTableConcurrency())
            .isEqualTo(StreamLoadTemplate.Builder.DEFAULT_PER_TABLE_CONCURRENCY);
        assertThat(streamLoad.getLabelPrefix()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_LABEL_PREFIX);
        assertThat(streamLoad.getLoadTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_LOAD_TIMEOUT);
        assertThat(streamLoad.getResponseTimeoutMargin())
            .isEqualTo(StreamLoadTemplate.Builder.DEFAULT_RESPONSE_TIMEOUT_MARGIN);
        assertThat(streamLoad.getShutdownTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(http.getMaxRedirects()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_MAX_REDIRECTS);
        assertThat(http.getFrontendProbeInterval())
            .isEqualTo(StreamLoadTemplate.Builder.DEFAULT_FRONTEND_PROBE_INTERVAL);
        assertThat(http.getConnectTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_CONNECT_TIMEOUT);
        assertThat(http.getReadTimeout()).isEqualTo(StreamLoadTemplate.Builder.DEFAULT_READ_TIMEOUT);
        assertThat(http.getRedirectHostRewrite()).isNull();
        assertThat(streamLoad.getCompression()).isEqualTo(io.github.srboot.streamload.LoadCompression.NONE);
    }

    @Test
    void propertiesAreBound() {
        this.contextRunner
            .withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030",
                    "starrocks.http.redirect-host-rewrite=127.0.0.1:18040", "starrocks.stream-load.max-retries=7",
                    "starrocks.stream-load.batch.max-rows=10", "starrocks.stream-load.batch.max-interval=250ms",
                    "starrocks.stream-load.compression=lz4-frame")
            .run((context) -> {
                StarRocksProperties properties = context.getBean(StarRocksProperties.class);
                assertThat(properties.getStreamLoad().getMaxRetries()).isEqualTo(7);
                assertThat(properties.getStreamLoad().getBatch().getMaxRows()).isEqualTo(10);
                assertThat(properties.getStreamLoad().getBatch().getMaxInterval()).isEqualTo(Duration.ofMillis(250));
                assertThat(properties.getHttp().getRedirectHostRewrite()).isEqualTo("127.0.0.1:18040");
                assertThat(context).hasSingleBean(StreamLoadTemplate.class);
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class OperationsUser {

        final StreamLoadOperations operations;

        OperationsUser(StreamLoadOperations operations) {
            this.operations = operations;
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class UserTemplate {

        @Bean
        StreamLoadTemplate userTemplate() {
            return StreamLoadTemplate.builder().frontends(java.util.List.of(java.net.URI.create("http://127.0.0.1:1")))
                .build();
        }

    }

    static class ServiceConnectionDetails implements StarRocksConnectionDetails {

        @Override
        public List<URI> getFrontends() {
            return List.of(URI.create("http://127.0.0.1:18030"));
        }

        @Override
        public String getUsername() {
            return "root";
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public String getDatabase() {
            return "from_container";
        }

    }

}
