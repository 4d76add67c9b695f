package io.github.srboot.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.srboot.streamload.cdc.CdcOptions;

/**
 * Where the changes of each topic go, and how each table applies them: a topic routed to a table goes there; any
 * other topic's changes go to the table named by their source ({@link SourceChange#sourceTable()}). Each table has
 * its {@link CdcOptions} (delete mode, audit columns, schema evolution), or the default options. Immutable.
 */
public final class KafkaChangeRoutes {

    private final Map<String, String> tablesByTopic;

    private final Map<String, CdcOptions> optionsByTable;

    private final CdcOptions defaultOptions;

    private KafkaChangeRoutes(Builder builder) {
        this.tablesByTopic = Map.copyOf(builder.tablesByTopic);
        this.optionsByTable = Map.copyOf(builder.optionsByTable);
        this.defaultOptions = builder.defaultOptions;
    }

    /** Routes with no topic routed and the library's default CDC options. */
    public static Builder builder() {
        return new Builder();
    }

    /** The target table of a change read from {@code topic}. */
    public String table(String topic, SourceChange change) {
        return this.tablesByTopic.getOrDefault(topic, change.sourceTable());
    }

    /** The CDC options of a target table. */
    public CdcOptions options(String table) {
        return this.optionsByTable.getOrDefault(table, this.defaultOptions);
    }

    @Override
    public String toString() {
        return "KafkaChangeRoutes[tablesByTopic=" + this.tablesByTopic + ", tables with own options="
                + this.optionsByTable.keySet() + "]";
    }

    /** Builds {@link KafkaChangeRoutes}. */
    public static final class Builder {

        private final Map<String, String> tablesByTopic = new LinkedHashMap<>();

        private final Map<String, CdcOptions> optionsByTable = new LinkedHashMap<>();

        private CdcOptions defaultOptions = CdcOptions.builder().build();

        private Builder() {
        }

        /** Sends the changes of {@code topic} to {@code table} (a name, or {@code database.name}). */
        public Builder route(String topic, String table) {
            if (topic == null || topic.isBlank() || table == null || table.isBlank()) {
                throw new IllegalArgumentException("A route needs a topic and a table, got topic '" + topic
                        + "' and table '" + table + "'.");
            }
            this.tablesByTopic.put(topic, table);
            return this;
        }

        /** The CDC options of one table. */
        public Builder options(String table, CdcOptions options) {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("Table options need a table name, got '" + table + "'.");
            }
            this.optionsByTable.put(table, Objects.requireNonNull(options, "options"));
            return this;
        }

        /** The CDC options of tables without options of their own. */
        public Builder defaultOptions(CdcOptions defaultOptions) {
            this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions");
            return this;
        }

        /** The routes. */
        public KafkaChangeRoutes build() {
            return new KafkaChangeRoutes(this);
        }

    }

}
