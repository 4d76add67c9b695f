package io.github.srboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.srboot.actuate.DefaultStreamLoadObservationConvention;
import io.github.srboot.actuate.StarRocksClusterMetrics;
import io.github.srboot.actuate.StarRocksClusterProbe;
import io.github.srboot.actuate.StarRocksEndpoint;
import io.github.srboot.actuate.StarRocksTemplateInstrumentation;
import io.github.srboot.actuate.StreamLoadMetrics;
import io.github.srboot.actuate.StreamLoadObservationConvention;
import io.github.srboot.actuate.StreamLoadObservations;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.support.ScriptedJdbc;
import io.github.srboot.support.ScriptedJdbc.UpdateCount;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.CompositeReactiveHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Health, the {@code starrocks} endpoint, observations and meters: one test per condition.
 */
class StarRocksActuatorAutoConfigurationTests {

    private static final AutoConfigurations ALL = AutoConfigurations.of(StarRocksAutoConfiguration.class,
            StarRocksJdbcAutoConfiguration.class, StreamLoadAutoConfiguration.class,
            StarRocksSchemaAutoConfiguration.class, StarRocksClusterProbeAutoConfiguration.class,
            StarRocksHealthContributorAutoConfiguration.class, StarRocksEndpointAutoConfiguration.class,
            StarRocksObservabilityAutoConfiguration.class);

    /** Port 1 on the loopback refuses connections: an FE that is configured but never reached. */
    private static final String FRONTENDS = "starrocks.http.frontends=http://127.0.0.1:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

    private static List<String> componentNames(CompositeHealthContributor contributor) {
        List<String> names = new ArrayList<>();
        for (NamedContributor<HealthContributor> named : contributor) {
            names.add(named.getName());
        }
        return names;
    }

    @Test
    void healthContributorForConfiguredFrontends() {
        this.runner.withPropertyValues(FRONTENDS).run((context) -> {
            assertThat(context).hasSingleBean(StarRocksClusterProbe.class);
            assertThat(context).getBean("starrocksHealthContributor").isInstanceOf(CompositeHealthContributor.class);
            assertThat(componentNames(context.getBean("starrocksHealthContributor", CompositeHealthContributor.class)))
                .containsExactly("frontends", "backends");
        });
    }

    @Test
    void healthContributorHasJdbcForAStarRocksDataSource() {
        this.runner.withUserConfiguration(ScriptedDataSource.class)
            .withPropertyValues("starrocks.jdbc.enabled=true")
            .run((context) -> assertThat(
                    componentNames(context.getBean("starrocksHealthContributor", CompositeHealthContributor.class)))
                .containsExactly("jdbc", "backends"));
    }

    @Test
    void reactiveHealthContributorInAWebFluxApplication() {
        new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
            .withPropertyValues(FRONTENDS)
            .run((context) -> assertThat(context).getBean("starrocksHealthContributor")
                .isInstanceOf(CompositeReactiveHealthContributor.class));
    }

    @Test
    void healthContributorCanBeSwitchedOff() {
        this.runner.withPropertyValues(FRONTENDS, "management.health.starrocks.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean("starrocksHealthContributor"));
    }

    @Test
    void nothingToProbeNothingCreated() {
        this.runner.run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(StarRocksClusterProbe.class)
            .doesNotHaveBean("starrocksHealthContributor")
            .doesNotHaveBean(StarRocksClusterMetrics.class));
    }

    @Test
    void userHealthContributorWins() {
        this.runner.withPropertyValues(FRONTENDS)
            .withBean("starrocksHealthContributor", HealthContributor.class,
                    () -> (org.springframework.boot.actuate.health.HealthIndicator) () -> null)
            .run((context) -> assertThat(context).getBean("starrocksHealthContributor")
                .isNotInstanceOf(CompositeHealthContributor.class));
    }

    @Test
    void noHealthWithoutActuator() {
        this.runner.withPropertyValues(FRONTENDS)
            .withClassLoader(new FilteredClassLoader(HealthContributor.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("starrocksHealthContributor"));
    }

    @Test
    void noProbeWithoutActuatorAndMicrometer() {
        this.runner.withPropertyValues(FRONTENDS)
            .withClassLoader(new FilteredClassLoader(HealthContributor.class, MeterRegistry.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(StreamLoadTemplate.class)
                .doesNotHaveBean(StarRocksClusterProbe.class));
    }

    @Test
    void endpointWhenExposed() {
        this.runner.withPropertyValues(FRONTENDS, "starrocks.database=shop",
                "management.endpoints.web.exposure.include=starrocks")
            .run((context) -> {
                assertThat(context).hasSingleBean(StarRocksEndpoint.class);
                StarRocksEndpoint.ClusterDescriptor cluster = context.getBean(StarRocksEndpoint.class).cluster();
                assertThat(cluster.database()).isEqualTo("shop");
                assertThat(cluster.version()).isNull();
                assertThat(cluster.frontends()).singleElement().satisfies((frontend) -> assertThat(frontend.up()).isFalse());
                assertThat(cluster.drift()).as("no schema diff without a StarRocksTemplate").isNull();
            });
        this.runner.withPropertyValues(FRONTENDS)
            .run((context) -> assertThat(context).doesNotHaveBean(StarRocksEndpoint.class));
    }

    @Test
    void templateObservedWhenAnObservationRegistryExists() {
        this.runner.withUserConfiguration(ScriptedDataSource.class, Observations.class)
            .withPropertyValues("starrocks.jdbc.enabled=true")
            .run((context) -> {
                assertThat(context).hasSingleBean(StarRocksTemplateInstrumentation.class);
                context.getBean(StarRocksTemplate.class).execute("CREATE DATABASE IF NOT EXISTS shop");
                TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo("starrocks.ddl")
                    .that()
                    .hasLowCardinalityKeyValue("operation", "CREATE")
                    .hasLowCardinalityKeyValue("outcome", "success")
                    .hasBeenStopped();
            });
    }

    @Test
    void streamLoadObservedAndMeteredWhenRegistriesExist() {
        this.runner.withUserConfiguration(Observations.class, Meters.class)
            .withPropertyValues(FRONTENDS)
            .run((context) -> assertThat(context).hasSingleBean(StreamLoadObservations.class)
                .hasSingleBean(StreamLoadMetrics.class)
                .hasSingleBean(StarRocksClusterMetrics.class));
    }

    @Test
    void clusterGaugesReadTheProbe() {
        this.runner.withUserConfiguration(Meters.class).withPropertyValues(FRONTENDS).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(StarRocksClusterMetrics.class).bindTo(registry);
            assertThat(registry.get("starrocks.frontends.available").tag("frontend", "http://127.0.0.1:1").gauge()
                .value()).isZero();
            assertThat(registry.get("starrocks.backends.alive").gauge().value()).isNaN();
            assertThat(registry.find("starrocks.schema.drift").gauge()).as("no desired schema declared").isNull();
        });
    }

    @Test
    void everythingOffWithoutMicrometer() {
        this.runner.withUserConfiguration(ScriptedDataSource.class)
            .withPropertyValues(FRONTENDS, "starrocks.jdbc.enabled=true")
            .withClassLoader(new FilteredClassLoader(MeterRegistry.class, ObservationRegistry.class))
            .run((context) -> {
                assertThat(context).hasNotFailed()
                    .hasSingleBean(StarRocksTemplate.class)
                    .hasSingleBean(StreamLoadTemplate.class)
                    .doesNotHaveBean(StarRocksTemplateInstrumentation.class)
                    .doesNotHaveBean(StreamLoadObservations.class)
                    .doesNotHaveBean(StreamLoadMetrics.class)
                    .doesNotHaveBean(StarRocksClusterMetrics.class);
                context.getBean(StarRocksTemplate.class).execute("CREATE DATABASE IF NOT EXISTS shop");
            });
    }

    @Test
    void everythingOffWithoutActuatorAndMicrometerPackages() {
        this.runner.withUserConfiguration(ScriptedDataSource.class)
            .withPropertyValues(FRONTENDS, "starrocks.jdbc.enabled=true",
                    "management.endpoints.web.exposure.include=*")
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "io.micrometer"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(StarRocksTemplate.class)
                .hasSingleBean(StreamLoadTemplate.class)
                .doesNotHaveBean(StarRocksClusterProbe.class)
                .doesNotHaveBean("starrocksHealthContributor")
                .doesNotHaveBean(StarRocksEndpoint.class)
                .doesNotHaveBean(StreamLoadObservations.class));
    }

    @Test
    void streamLoadObservationConventionBeanIsUsed() {
        this.runner.withUserConfiguration(Observations.class)
            .withBean(StreamLoadObservationConvention.class, () -> new DefaultStreamLoadObservationConvention() {

                @Override
                public String getName() {
                    return "ingest.load";
                }

            })
            .withPropertyValues(FRONTENDS)
            .run((context) -> {
                StreamLoadObservations observations = context.getBean(StreamLoadObservations.class);
                observations.loadStarting("shop", "orders", "l1", "json");
                observations.loadCancelled("orders", "l1");
                TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo("ingest.load")
                    .that()
                    .hasLowCardinalityKeyValue("outcome", "cancelled");
            });
    }

    @Test
    void noInstrumentationWithoutRegistries() {
        this.runner.withUserConfiguration(ScriptedDataSource.class)
            .withPropertyValues("starrocks.jdbc.enabled=true")
            .run((context) -> assertThat(context).doesNotHaveBean(StarRocksTemplateInstrumentation.class)
                .doesNotHaveBean(StarRocksClusterMetrics.class));
    }

    @Test
    void streamLoadTemplateStopsWithTheContext() {
        this.runner.withPropertyValues(FRONTENDS).run((context) -> {
            StreamLoadTemplate template = context.getBean(StreamLoadTemplate.class);
            StreamLoadTemplateLifecycle lifecycle = context.getBean(StreamLoadTemplateLifecycle.class);
            assertThat(lifecycle.isRunning()).isTrue();
            assertThat(lifecycle.getPhase())
                .isEqualTo(org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
            lifecycle.stop();
            assertThat(lifecycle.isRunning()).isFalse();
            assertThatIllegalStateException().isThrownBy(() -> template.load("t", Flux.just("{}")).block())
                .withMessageContaining("closed");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ScriptedDataSource {

        @Bean
        DataSource dataSource() {
            return new ScriptedJdbc().on("^CREATE DATABASE", new UpdateCount(0)).dataSource();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class Observations {

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

    }

}
