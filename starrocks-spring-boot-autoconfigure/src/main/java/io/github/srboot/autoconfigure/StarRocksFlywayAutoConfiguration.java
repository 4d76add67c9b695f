package io.github.srboot.autoconfigure;

import io.github.srboot.flyway.AlterJobWaitCallback;
import io.github.srboot.flyway.DriftCheck;
import io.github.srboot.flyway.FlywayCallbacks;
import io.github.srboot.flyway.SchemaDriftCheckCallback;
import io.github.srboot.flyway.StarRocksFlywayExtension;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.schema.StarRocksSchemaDiff;
import org.flywaydb.core.api.callback.Callback;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Flyway on StarRocks with Spring Boot's own Flyway auto-configuration: the callbacks that wait for asynchronous
 * ALTER jobs between migration statements and check for drift after {@code migrate}, and the history table's
 * {@code replication_num}. The StarRocks database type itself needs no wiring: Flyway finds it through its plugin
 * SPI and uses it only when the server is StarRocks.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class,
        after = { StarRocksJdbcAutoConfiguration.class, StarRocksSchemaAutoConfiguration.class })
@ConditionalOnClass(name = { "org.flywaydb.core.Flyway",
        "org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer",
        "org.springframework.jdbc.core.JdbcTemplate" })
@ConditionalOnProperty(prefix = "spring.flyway", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StarRocksProperties.class)
public class StarRocksFlywayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "starRocksAlterJobWaitCallback")
    @ConditionalOnProperty(prefix = "starrocks.flyway", name = "wait-for-alter-jobs", matchIfMissing = true)
    Callback starRocksAlterJobWaitCallback(StarRocksProperties properties) {
        StarRocksProperties.Flyway flyway = properties.getFlyway();
        return FlywayCallbacks.of(new AlterJobWaitCallback(
                new AlterJobPolling(properties.getSchema().getAlterPollInterval(), flyway.getAlterTimeout())));
    }

    @Bean
    @ConditionalOnMissingBean(name = "starRocksSchemaDriftCheckCallback")
    Callback starRocksSchemaDriftCheckCallback(ObjectProvider<StarRocksSchemaDiff> diff,
            StarRocksProperties properties) {
        StarRocksProperties.Schema schema = properties.getSchema();
        DriftCheck mode = (schema.getDriftCheck() != null) ? schema.getDriftCheck() : DriftCheck.OFF;
        // An application started to write the migration that removes the drift must not stop on that drift.
        if (mode == DriftCheck.FAIL && schema.getWriteMigration() != null) {
            mode = DriftCheck.WARN;
        }
        return FlywayCallbacks.of(new SchemaDriftCheckCallback(diff::getIfAvailable, mode));
    }

    @Bean
    FlywayConfigurationCustomizer starRocksFlywayConfigurationCustomizer(StarRocksProperties properties) {
        Integer replicationNum = properties.getFlyway().getHistoryReplicationNum();
        return (configuration) -> {
            StarRocksFlywayExtension extension = configuration.getPluginRegister()
                .getPlugin(StarRocksFlywayExtension.class);
            if (extension != null) {
                extension.setHistoryReplicationNum(replicationNum);
            }
        };
    }

}
