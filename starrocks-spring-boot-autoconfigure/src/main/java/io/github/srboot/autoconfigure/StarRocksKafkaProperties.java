package io.github.srboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.srboot.streamload.cdc.CdcOptions;
import io.github.srboot.streamload.cdc.DeleteMode;

/**
 * Configuration of the Kafka change-event adapter ({@code starrocks.kafka.*}).
 */
@ConfigurationProperties(prefix = "starrocks.kafka")
public class StarRocksKafkaProperties {

    /**
     * Topics of change events to apply to StarRocks. The listener container is created only when topics are set.
     */
    private List<String> topics = new ArrayList<>();

    /**
     * Consumer group of the container; unset, the consumer factory's (spring.kafka.consumer.group-id).
     */
    private String groupId;

    /**
     * Consumers in this application instance (each takes a share of the partitions).
     */
    private int concurrency = 1;

    /**
     * Whether the container starts with the application context.
     */
    private boolean autoStartup = true;

    /**
     * Prefix of the labels of the loads the listener makes (1 to 64 characters out of [0-9A-Za-z-]; no '_', so that a
     * label reads back one way only).
     */
    private String labelPrefix = "kafka";

    /**
     * How long a committed load may take to become visible before its batch counts as failed.
     */
    private Duration settleTimeout = Duration.ofSeconds(60);

    /**
     * Wait between two load-state requests while a load is not yet visible.
     */
    private Duration pollInterval = Duration.ofMillis(200);

    /**
     * Wait after a failed batch before its records are polled again.
     */
    private Duration retryBackoff = Duration.ofSeconds(1);

    /**
     * Target table by topic; a topic not listed goes to the table its events name (Debezium's source.table).
     */
    private Map<String, String> routes = new LinkedHashMap<>();

    /**
     * CDC options by target table; tables not listed use the defaults.
     */
    private Map<String, Table> tables = new LinkedHashMap<>();

    public List<String> getTopics() {
        return this.topics;
    }

    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    public String getGroupId() {
        return this.groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public int getConcurrency() {
        return this.concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public boolean isAutoStartup() {
        return this.autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    public String getLabelPrefix() {
        return this.labelPrefix;
    }

    public void setLabelPrefix(String labelPrefix) {
        this.labelPrefix = labelPrefix;
    }

    public Duration getSettleTimeout() {
        return this.settleTimeout;
    }

    public void setSettleTimeout(Duration settleTimeout) {
        this.settleTimeout = settleTimeout;
    }

    public Duration getPollInterval() {
        return this.pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getRetryBackoff() {
        return this.retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Map<String, String> getRoutes() {
        return this.routes;
    }

    public void setRoutes(Map<String, String> routes) {
        this.routes = routes;
    }

    public Map<String, Table> getTables() {
        return this.tables;
    }

    public void setTables(Map<String, Table> tables) {
        this.tables = tables;
    }

    /**
     * CDC options of one target table; unset values keep the library's defaults.
     */
    public static class Table {

        /**
         * HARD deletes remove the row; SOFT deletes keep it, marked in the audit columns.
         */
        private DeleteMode deleteMode;

        /**
         * Whether a missing table is created from the first changes (needs a StarRocksTemplate).
         */
        private Boolean createTable;

        /**
         * Whether columns the table lacks are added before loading (needs a StarRocksTemplate).
         */
        private CdcOptions.SchemaEvolution schemaEvolution;

        public DeleteMode getDeleteMode() {
            return this.deleteMode;
        }

        public void setDeleteMode(DeleteMode deleteMode) {
            this.deleteMode = deleteMode;
        }

        public Boolean getCreateTable() {
            return this.createTable;
        }

        public void setCreateTable(Boolean createTable) {
            this.createTable = createTable;
        }

        public CdcOptions.SchemaEvolution getSchemaEvolution() {
            return this.schemaEvolution;
        }

        public void setSchemaEvolution(CdcOptions.SchemaEvolution schemaEvolution) {
            this.schemaEvolution = schemaEvolution;
        }

    }

}
