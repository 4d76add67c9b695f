package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An asynchronous materialized view: {@code CREATE MATERIALIZED VIEW name [(cols)] [COMMENT] [PARTITION BY]
 * [DISTRIBUTED BY] [ORDER BY] [REFRESH] [PROPERTIES] AS query}.
 *
 * @param name the view name (unqualified)
 * @param columns the column list, empty when not written
 * @param comment the comment, or null when none
 * @param partition the partition clause, or null when none
 * @param distribution the distribution clause, or null when not written
 * @param orderBy the sort key, empty when not written
 * @param refresh the refresh scheme, or null when not written
 * @param properties the properties in written order (compared as a map), never null
 * @param query the defining query, verbatim (only leading and trailing whitespace removed)
 * @param indexes the indexes declared after the column list ({@code (c1, c2, INDEX i (c1) USING BITMAP)}, as
 * {@code SHOW CREATE} prints those made with {@code CREATE INDEX .. ON mv}), never null
 */
public record MaterializedView(String name, List<ViewColumn> columns, String comment, PartitionDesc partition,
        DistributionDesc distribution, List<String> orderBy, RefreshScheme refresh, Map<String, String> properties,
        String query, List<IndexDef> indexes) implements SchemaObject {

    /**
     * Checks the materialized view.
     */
    public MaterializedView {
        Names.require("materialized view", name);
        comment = Names.comment(comment);
        String subject = "materialized view " + Names.display(name);
        columns = Lists.copy(subject, columns);
        View.requireUniqueColumns(subject, columns);
        orderBy = Lists.names(subject + " ORDER BY column", orderBy);
        properties = Lists.properties(subject, properties);
        query = SqlText.query(subject, query);
        indexes = Lists.copy(subject, indexes);
        if (!indexes.isEmpty() && columns.isEmpty()) {
            throw new DdlValidationException(subject, "indexes are declared after the column list, so they need one "
                    + "(StarRocks.g4: '(' columnNameWithComment, ... (',' indexDesc)* ')')");
        }
    }

    /**
     * A materialized view without indexes.
     * @param name the view name (unqualified)
     * @param columns the column list, empty when not written
     * @param comment the comment, or null when none
     * @param partition the partition clause, or null when none
     * @param distribution the distribution clause, or null when not written
     * @param orderBy the sort key, empty when not written
     * @param refresh the refresh scheme, or null when not written
     * @param properties the properties in written order, never null
     * @param query the defining query
     */
    public MaterializedView(String name, List<ViewColumn> columns, String comment, PartitionDesc partition,
            DistributionDesc distribution, List<String> orderBy, RefreshScheme refresh, Map<String, String> properties,
            String query) {
        this(name, columns, comment, partition, distribution, orderBy, refresh, properties, query, List.of());
    }

    /**
     * Starts a builder.
     * @param name the view name
     * @param query the defining query
     * @return the builder
     */
    public static Builder builder(String name, String query) {
        return new Builder(name, query);
    }

    /**
     * Fluent builder of a {@link MaterializedView}.
     */
    public static final class Builder {

        private final String name;

        private final String query;

        private final List<ViewColumn> columns = new ArrayList<>();

        private String comment;

        private PartitionDesc partition;

        private DistributionDesc distribution;

        private final List<String> orderBy = new ArrayList<>();

        private RefreshScheme refresh;

        private final Map<String, String> properties = new LinkedHashMap<>();

        private final List<IndexDef> indexes = new ArrayList<>();

        private Builder(String name, String query) {
            this.name = name;
            this.query = query;
        }

        /**
         * Adds a column to the column list.
         * @param columnName the name
         * @param columnComment the comment, null for none
         * @return this builder
         */
        public Builder column(String columnName, String columnComment) {
            this.columns.add(new ViewColumn(columnName, columnComment));
            return this;
        }

        /**
         * Sets the comment.
         * @param comment the comment
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /**
         * Sets the partition clause.
         * @param partition the clause
         * @return this builder
         */
        public Builder partitionBy(PartitionDesc partition) {
            this.partition = partition;
            return this;
        }

        /**
         * Sets the distribution clause.
         * @param distribution the clause
         * @return this builder
         */
        public Builder distributedBy(DistributionDesc distribution) {
            this.distribution = distribution;
            return this;
        }

        /**
         * Sets the sort key.
         * @param sortColumns the columns
         * @return this builder
         */
        public Builder orderBy(String... sortColumns) {
            this.orderBy.clear();
            this.orderBy.addAll(Arrays.asList(sortColumns));
            return this;
        }

        /**
         * Sets the refresh scheme.
         * @param refresh the scheme
         * @return this builder
         */
        public Builder refresh(RefreshScheme refresh) {
            this.refresh = refresh;
            return this;
        }

        /**
         * Adds a property.
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder property(String key, String value) {
            this.properties.put(key, value);
            return this;
        }

        /**
         * Builds the materialized view.
         * @return the materialized view
         */
        public MaterializedView build() {
            return new MaterializedView(this.name, this.columns, this.comment, this.partition, this.distribution,
                    this.orderBy, this.refresh, this.properties, this.query, this.indexes);
        }

        /**
         * Adds an index, declared after the column list.
         * @param index the index
         * @return this builder
         */
        public Builder index(IndexDef index) {
            this.indexes.add(index);
            return this;
        }

    }

}
