package io.github.srboot.autoconfigure;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.OnPropertyListCondition;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import io.github.srboot.actuate.KafkaChangeMetrics;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.kafka.ChangeEventMapper;
import io.github.srboot.kafka.DebeziumJsonMapper;
import io.github.srboot.kafka.KafkaChangeContainers;
import io.github.srboot.kafka.KafkaChangeListener;
import io.github.srboot.kafka.KafkaChangeObserver;
import io.github.srboot.kafka.KafkaChangeRoutes;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.CdcSchema;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * Auto-configures the Kafka change-event adapter when spring-kafka is on the classpath and a
 * {@link StreamLoadTemplate} exists: a {@link DebeziumJsonMapper}, the {@link KafkaChangeRoutes} and the
 * {@link KafkaChangeListener} from {@code starrocks.kafka.*}, and, when {@code starrocks.kafka.topics} is set and a
 * {@code ConsumerFactory} exists, the listener container that runs it; with a {@code MeterRegistry}, the listener's
 * meters ({@link KafkaChangeMetrics}), and its observations in the {@code ObservationRegistry}.
 */
@AutoConfiguration(after = { StreamLoadAutoConfiguration.class, StarRocksJdbcAutoConfiguration.class,
        KafkaAutoConfiguration.class },
        afterName = { "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration" })
@ConditionalOnClass(name = { "org.springframework.kafka.listener.ConcurrentMessageListenerContainer",
        "com.fasterxml.jackson.databind.ObjectMapper", "io.micrometer.observation.ObservationRegistry" })
@ConditionalOnBean(StreamLoadTemplate.class)
@EnableConfigurationProperties(StarRocksKafkaProperties.class)
public class StarRocksKafkaAutoConfiguration {

    /** The name of the listener container bean. */
    public static final String CONTAINER_BEAN_NAME = "starRocksKafkaChangeContainer";

    @Bean
    @ConditionalOnMissingBean
    ChangeEventMapper starRocksChangeEventMapper(ObjectProvider<ObjectMapper> objectMapper) {
        return new DebeziumJsonMapper(objectMapper.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaChangeRoutes starRocksKafkaChangeRoutes(StarRocksKafkaProperties properties,
            ObjectProvider<StarRocksTemplate> starRocksTemplate) {
        KafkaChangeRoutes.Builder routes = KafkaChangeRoutes.builder();
        properties.getRoutes().forEach(routes::route);
        for (Map.Entry<String, StarRocksKafkaProperties.Table> table : properties.getTables().entrySet()) {
            routes.options(table.getKey(), options(table.getKey(), table.getValue(), starRocksTemplate));
        }
        return routes.build();
    }

    private static CdcOptions options(String name, StarRocksKafkaProperties.Table table,
            ObjectProvider<StarRocksTemplate> starRocksTemplate) {
        CdcOptions.Builder options = CdcOptions.builder();
        if (table.getDeleteMode() != null) {
            options.deleteMode(table.getDeleteMode());
        }
        boolean createTable = Boolean.TRUE.equals(table.getCreateTable());
        boolean evolve = table.getSchemaEvolution() != null
                && table.getSchemaEvolution() != CdcOptions.SchemaEvolution.NONE;
        if (createTable || evolve) {
            StarRocksTemplate template = starRocksTemplate.getIfAvailable();
            if (template == null) {
                throw new IllegalStateException("starrocks.kafka.tables." + name + " asks for table creation or "
                        + "schema evolution, which run DDL through a StarRocksTemplate, but there is none (configure "
                        + "a DataSource for StarRocks).");
            }
            options.schema(CdcSchema.of(template)).createTable(createTable);
        }
        if (table.getSchemaEvolution() != null) {
            options.schemaEvolution(table.getSchemaEvolution());
        }
        return options.build();
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaChangeListener starRocksKafkaChangeListener(StreamLoadTemplate streamLoad, ChangeEventMapper mapper,
            KafkaChangeRoutes routes, StarRocksKafkaProperties properties,
            ObjectProvider<KafkaChangeObserver> observer, ObjectProvider<ObservationRegistry> observations) {
        return new KafkaChangeListener(streamLoad, mapper, routes,
                new KafkaChangeListener.Settings(properties.getLabelPrefix(), properties.getSettleTimeout(),
                        properties.getPollInterval(), properties.getRetryBackoff()),
                observer.getIfUnique(() -> KafkaChangeObserver.NONE),
                observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    /** The listener's meters, when Micrometer and a {@code MeterRegistry} are there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class KafkaChangeMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(KafkaChangeObserver.class)
        KafkaChangeMetrics starRocksKafkaChangeMetrics(MeterRegistry registry) {
            return new KafkaChangeMetrics(registry);
        }

    }

    @Bean(name = CONTAINER_BEAN_NAME)
    @ConditionalOnMissingBean(name = CONTAINER_BEAN_NAME)
    @ConditionalOnBean(ConsumerFactory.class)
    @Conditional(TopicsCondition.class)
    ConcurrentMessageListenerContainer<Object, Object> starRocksKafkaChangeContainer(
            ConsumerFactory<Object, Object> consumerFactory, KafkaChangeListener listener,
            StarRocksKafkaProperties properties) {
        ConcurrentMessageListenerContainer<Object, Object> container = KafkaChangeContainers.create(consumerFactory,
                properties.getTopics(), properties.getGroupId(), properties.getConcurrency(), listener);
        container.setAutoStartup(properties.isAutoStartup());
        return container;
    }

    /** Matches when {@code starrocks.kafka.topics} names at least one topic (as a list or comma-separated). */
    static class TopicsCondition extends OnPropertyListCondition {

        TopicsCondition() {
            super("starrocks.kafka.topics", () -> ConditionMessage.forCondition("Kafka change topics"));
        }

    }

}
