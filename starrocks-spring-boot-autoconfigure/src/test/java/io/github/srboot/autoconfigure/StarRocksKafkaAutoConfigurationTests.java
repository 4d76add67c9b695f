package io.github.srboot.autoconfigure;

import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

import io.github.srboot.actuate.KafkaChangeMetrics;
import io.github.srboot.kafka.ChangeEventMapper;
import io.github.srboot.kafka.DebeziumJsonMapper;
import io.github.srboot.kafka.KafkaChangeListener;
import io.github.srboot.kafka.KafkaChangeObserver;
import io.github.srboot.kafka.KafkaChangeRoutes;
import io.github.srboot.kafka.SourceChange;
import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.ChangeRecord;
import io.github.srboot.streamload.cdc.DeleteMode;

import static org.assertj.core.api.Assertions.assertThat;

class StarRocksKafkaAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class, StreamLoadAutoConfiguration.class,
                KafkaAutoConfiguration.class, StarRocksKafkaAutoConfiguration.class))
        .withPropertyValues("starrocks.http.frontends=http://127.0.0.1:8030", "starrocks.database=shop");

    @Test
    void listenerMapperAndRoutesWithSpringKafka() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(KafkaChangeListener.class);
            assertThat(context).getBean(ChangeEventMapper.class).isInstanceOf(DebeziumJsonMapper.class);
            assertThat(context).hasSingleBean(KafkaChangeRoutes.class);
            // No topics: no container.
            assertThat(context).doesNotHaveBean(StarRocksKafkaAutoConfiguration.CONTAINER_BEAN_NAME);
        });
    }

    @Test
    void metersWithAMeterRegistryAndNoneWithout() {
        this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(KafkaChangeMetrics.class));
        this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .run((context) -> assertThat(context).hasSingleBean(KafkaChangeMetrics.class));
        this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(KafkaChangeObserver.class, () -> KafkaChangeObserver.NONE)
            .run((context) -> assertThat(context).doesNotHaveBean(KafkaChangeMetrics.class)
                .hasSingleBean(KafkaChangeListener.class));
    }

    @Test
    void nothingWithoutSpringKafka() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(ConcurrentMessageListenerContainer.class))
            .withPropertyValues("starrocks.kafka.topics=orders")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(KafkaChangeListener.class);
                assertThat(context).doesNotHaveBean(StarRocksKafkaProperties.class);
            });
    }

    @Test
    void nothingWithoutStreamLoadTemplate() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StarRocksAutoConfiguration.class,
                    StreamLoadAutoConfiguration.class, StarRocksKafkaAutoConfiguration.class))
            .run((context) -> assertThat(context).doesNotHaveBean(KafkaChangeListener.class));
    }

    @Test
    void containerForConfiguredTopicsCommitsOnlyWhatTheListenerSettles() {
        this.contextRunner
            .withPropertyValues("starrocks.kafka.topics[0]=dbserver1.inventory.orders",
                    "starrocks.kafka.topics[1]=dbserver1.inventory.customers", "starrocks.kafka.concurrency=3",
                    "starrocks.kafka.group-id=loader", "starrocks.kafka.auto-startup=false")
            .run((context) -> {
                assertThat(context).hasBean(StarRocksKafkaAutoConfiguration.CONTAINER_BEAN_NAME);
                ConcurrentMessageListenerContainer<?, ?> container = context
                    .getBean(StarRocksKafkaAutoConfiguration.CONTAINER_BEAN_NAME, ConcurrentMessageListenerContainer.class);
                ContainerProperties properties = container.getContainerProperties();
                assertThat(properties.getTopics()).containsExactly("dbserver1.inventory.orders",
                        "dbserver1.inventory.customers");
                assertThat(properties.getAckMode()).isEqualTo(ContainerProperties.AckMode.MANUAL);
                assertThat(properties.getGroupId()).isEqualTo("loader");
                assertThat(properties.getMessageListener()).isSameAs(context.getBean(KafkaChangeListener.class));
                assertThat(container.getConcurrency()).isEqualTo(3);
                assertThat(container.isAutoStartup()).isFalse();
                assertThat(container.isRunning()).isFalse();
            });
    }

    @Test
    void commaSeparatedTopicsAlsoMakeTheContainer() {
        this.contextRunner.withPropertyValues("starrocks.kafka.topics=a,b", "starrocks.kafka.auto-startup=false")
            .run((context) -> assertThat(context
                .getBean(StarRocksKafkaAutoConfiguration.CONTAINER_BEAN_NAME, ConcurrentMessageListenerContainer.class)
                .getContainerProperties()
                .getTopics()).containsExactly("a", "b"));
    }

    @Test
    void routesAndTableOptionsFromProperties() {
        this.contextRunner
            .withPropertyValues("starrocks.kafka.routes[dbserver1.inventory.orders]=orders_copy",
                    "starrocks.kafka.tables.orders_copy.delete-mode=soft")
            .run((context) -> {
                KafkaChangeRoutes routes = context.getBean(KafkaChangeRoutes.class);
                SourceChange change = new SourceChange("orders", ChangeRecord.insert(Map.of("id", 1), Map.of(), 1));
                assertThat(routes.table("dbserver1.inventory.orders", change)).isEqualTo("orders_copy");
                assertThat(routes.table("dbserver1.inventory.customers", change)).isEqualTo("orders");
                assertThat(routes.options("orders_copy").deleteMode()).isEqualTo(DeleteMode.SOFT);
                assertThat(routes.options("other").deleteMode()).isEqualTo(CdcOptions.builder().build().deleteMode());
            });
    }

    @Test
    void tableCreationWithoutStarRocksTemplateFailsNamingTheTable() {
        this.contextRunner.withPropertyValues("starrocks.kafka.tables.orders.create-table=true")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("starrocks.kafka.tables.orders")
                .hasMessageContaining("StarRocksTemplate"));
    }

    @Test
    void userMapperWins() {
        this.contextRunner.withUserConfiguration(UserMapper.class)
            .run((context) -> assertThat(context).getBean(ChangeEventMapper.class)
                .isSameAs(context.getBean("userMapper")));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserMapper {

        @Bean
        ChangeEventMapper userMapper() {
            return (record) -> Optional.empty();
        }

    }

}
