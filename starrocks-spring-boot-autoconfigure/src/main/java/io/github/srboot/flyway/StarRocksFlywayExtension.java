package io.github.srboot.flyway;

import org.flywaydb.core.extensibility.ConfigurationExtension;
import org.springframework.lang.Nullable;

/**
 * StarRocks settings carried in Flyway's configuration, for the database type (which Flyway instantiates itself):
 * the {@code replication_num} of the schema history table. Spring Boot applications set it through
 * {@code starrocks.flyway.history-replication-num}; others through
 * {@code configuration.getPluginRegister().getPlugin(StarRocksFlywayExtension.class)}.
 */
public class StarRocksFlywayExtension implements ConfigurationExtension {

    private Integer historyReplicationNum;

    /**
     * The history table's {@code replication_num}, or {@code null} for the server's default.
     */
    @Nullable
    public Integer getHistoryReplicationNum() {
        return this.historyReplicationNum;
    }

    public void setHistoryReplicationNum(@Nullable Integer historyReplicationNum) {
        if (historyReplicationNum != null && historyReplicationNum < 1) {
            throw new IllegalArgumentException(
                    "historyReplicationNum must be at least 1, got " + historyReplicationNum);
        }
        this.historyReplicationNum = historyReplicationNum;
    }

    @Override
    public String getNamespace() {
        return "starrocks";
    }

    @Override
    public String getConfigurationParameterFromEnvironmentVariable(String environmentVariable) {
        return null;
    }

}
