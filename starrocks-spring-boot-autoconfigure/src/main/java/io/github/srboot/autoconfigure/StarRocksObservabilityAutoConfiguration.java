package io.github.srboot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import io.github.srboot.actuate.AlterJobWaitObservationConvention;
import io.github.srboot.actuate.CachedSchemaPlan;
import io.github.srboot.actuate.StarRocksClusterMetrics;
import io.github.srboot.actuate.StarRocksClusterProbe;
import io.github.srboot.actuate.StarRocksStatementObservationConvention;
import io.github.srboot.actuate.StarRocksTemplateInstrumentation;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.jdbc.StarRocksTemplateObserver;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures Micrometer instrumentation beyond Stream Load (which {@link StreamLoadAutoConfiguration}
 * instruments): observations and the {@code starrocks.alter.jobs} timer of {@code StarRocksTemplate}
 * ({@link StarRocksTemplateInstrumentation}), and the cluster and drift gauges ({@link StarRocksClusterMetrics}).
 * Without Micrometer on the classpath, or without a {@code MeterRegistry} / {@code ObservationRegistry} bean,
 * nothing is created.
 */
@AutoConfiguration(after = { StarRocksJdbcAutoConfiguration.class, StarRocksSchemaAutoConfiguration.class,
        StarRocksClusterProbeAutoConfiguration.class },
        afterName = { "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry",
        "io.micrometer.observation.ObservationRegistry" })
public class StarRocksObservabilityAutoConfiguration {

    /**
     * {@code StarRocksTemplate}'s statements and ALTER-job waits, when it is auto-configured here.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(StarRocksTemplate.class)
    @Conditional(OnMeterOrObservationRegistry.class)
    static class TemplateInstrumentationConfiguration {

        @Bean
        @ConditionalOnMissingBean(StarRocksTemplateObserver.class)
        StarRocksTemplateInstrumentation starRocksTemplateInstrumentation(
                ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters,
                ObjectProvider<StarRocksStatementObservationConvention> statementConvention,
                ObjectProvider<AlterJobWaitObservationConvention> alterWaitConvention) {
            return new StarRocksTemplateInstrumentation(observations.getIfUnique(() -> ObservationRegistry.NOOP),
                    meters.getIfUnique(), statementConvention.getIfUnique(), alterWaitConvention.getIfUnique());
        }

    }

    /**
     * FE availability, alive backends and schema drift gauges.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class ClusterMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StarRocksClusterMetrics starRocksClusterMetrics(ObjectProvider<StarRocksClusterProbe> probe,
                ObjectProvider<StarRocksSchemaDiff> diff, ObjectProvider<CachedSchemaPlan> plans) {
            StarRocksSchemaDiff schemaDiff = diff.getIfUnique();
            // The drift gauge only means something when a desired schema is declared.
            boolean desiredSchemaDeclared = schemaDiff != null && !schemaDiff.desired().isEmpty();
            return new StarRocksClusterMetrics(probe.getIfUnique(), desiredSchemaDeclared ? plans.getIfUnique() : null);
        }

    }

    /**
     * A {@code MeterRegistry} or an {@code ObservationRegistry} bean exists.
     */
    static final class OnMeterOrObservationRegistry extends AnyNestedCondition {

        OnMeterOrObservationRegistry() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
        static final class Meters {

        }

        @ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
        static final class Observations {

        }

    }

}
