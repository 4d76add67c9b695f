package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A StarRocks table as {@code CREATE TABLE} declares it. Construction checks every semantic rule (see
 * {@link TableRules}), so an existing {@code Table} is one the server should accept.
 *
 * @param name the table name (unqualified)
 * @param columns the columns in order, at least one
 * @param indexes the indexes declared in the column list, never null
 * @param engine the engine as written ({@code OLAP}), or null when not written
 * @param keys the key clause, or null when not written (the server then makes a DUPLICATE KEY table)
 * @param comment the table comment, or null when none
 * @param partition the partition clause, or null when unpartitioned
 * @param distribution the distribution clause, or null when not written
 * @param orderBy the sort key columns, empty when not written
 * @param properties the properties in written order (compared as a map), never null
 * @param temporary whether this is a {@code CREATE TEMPORARY TABLE}: a table that lives only in the session that
 * created it, so never part of a database's schema (the schema diff leaves it out)
 * @param rollups the rollups declared with the table ({@code ROLLUP (..)}), never null; {@code SHOW CREATE} does not
 * print them, so the schema diff does not compare them
 */
public record Table(String name, List<Column> columns, List<IndexDef> indexes, String engine, KeysDesc keys,
        String comment, PartitionDesc partition, DistributionDesc distribution, List<String> orderBy,
        Map<String, String> properties, boolean temporary, List<Rollup> rollups) implements SchemaObject {

    /**
     * Copies the collections and checks the table's rules.
     * @throws DdlValidationException when a rule is broken
     */
    public Table {
        Names.require("table", name);
        comment = Names.comment(comment);
        String subject = "table " + Names.display(name);
        columns = Lists.copy(subject, columns);
        indexes = Lists.copy(subject, indexes);
        orderBy = Lists.names(subject + " ORDER BY column", orderBy);
        properties = Lists.properties(subject, properties);
        rollups = Lists.copy(subject, rollups);
        if (engine != null) {
            Names.require(subject + " engine", engine);
        }
        TableRules.check(name, columns, indexes, keys, partition, distribution, orderBy, properties);
        TableRules.checkRollups(name, columns, rollups);
    }

    /**
     * A table without rollups.
     * @param name the table name (unqualified)
     * @param columns the columns in order, at least one
     * @param indexes the indexes declared in the column list, never null
     * @param engine the engine as written ({@code OLAP}), or null when not written
     * @param keys the key clause, or null when not written
     * @param comment the table comment, or null when none
     * @param partition the partition clause, or null when unpartitioned
     * @param distribution the distribution clause, or null when not written
     * @param orderBy the sort key columns, empty when not written
     * @param properties the properties in written order, never null
     * @param temporary whether this is a {@code CREATE TEMPORARY TABLE}
     */
    public Table(String name, List<Column> columns, List<IndexDef> indexes, String engine, KeysDesc keys,
            String comment, PartitionDesc partition, DistributionDesc distribution, List<String> orderBy,
            Map<String, String> properties, boolean temporary) {
        this(name, columns, indexes, engine, keys, comment, partition, distribution, orderBy, properties, temporary,
                List.of());
    }

    /**
     * A table that is not temporary.
     * @param name the table name (unqualified)
     * @param columns the columns in order, at least one
     * @param indexes the indexes declared in the column list, never null
     * @param engine the engine as written ({@code OLAP}), or null when not written
     * @param keys the key clause, or null when not written
     * @param comment the table comment, or null when none
     * @param partition the partition clause, or null when unpartitioned
     * @param distribution the distribution clause, or null when not written
     * @param orderBy the sort key columns, empty when not written
     * @param properties the properties in written order, never null
     */
    public Table(String name, List<Column> columns, List<IndexDef> indexes, String engine, KeysDesc keys,
            String comment, PartitionDesc partition, DistributionDesc distribution, List<String> orderBy,
            Map<String, String> properties) {
        this(name, columns, indexes, engine, keys, comment, partition, distribution, orderBy, properties, false,
                List.of());
    }

    /**
     * Starts a builder.
     * @param name the table name
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The table model. Without a key clause StarRocks makes an AGGREGATE KEY table when a column has an aggregation
     * (an aggregation type or an aggregate state type), with the other columns as keys, and a DUPLICATE KEY table
     * otherwise (FE {@code CreateTableAnalyzer}).
     * @return the model
     */
    public KeysType keysType() {
        if (this.keys != null) {
            return this.keys.type();
        }
        return TableRules.impliedAggregateKeys(this.columns).isEmpty() ? KeysType.DUPLICATE : KeysType.AGGREGATE;
    }

    /**
     * The key columns: those of the key clause, or without one the columns StarRocks makes keys of an implied
     * AGGREGATE KEY table; empty for a DUPLICATE KEY table without a key clause (the server picks leading columns
     * by their types).
     * @return the key column names
     */
    public List<String> keyColumns() {
        return (this.keys != null) ? this.keys.columns() : TableRules.impliedAggregateKeys(this.columns);
    }

    /**
     * Finds a column by name (case-insensitive, like StarRocks).
     * @param columnName the name
     * @return the column, or null when absent
     */
    public Column column(String columnName) {
        for (Column column : this.columns) {
            if (Names.fold(column.name()).equals(Names.fold(columnName))) {
                return column;
            }
        }
        return null;
    }

    /**
     * A builder holding this table's values, to derive a changed copy.
     * @return the builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder(this.name);
        builder.columns.addAll(this.columns);
        builder.indexes.addAll(this.indexes);
        builder.engine = this.engine;
        builder.keys = this.keys;
        builder.comment = this.comment;
        builder.partition = this.partition;
        builder.distribution = this.distribution;
        builder.orderBy.addAll(this.orderBy);
        builder.properties.putAll(this.properties);
        builder.temporary = this.temporary;
        builder.rollups.addAll(this.rollups);
        return builder;
    }

    /**
     * Fluent builder of a {@link Table}; {@link #build()} checks the rules.
     */
    public static final class Builder {

        private String name;

        private final List<Column> columns = new ArrayList<>();

        private final List<IndexDef> indexes = new ArrayList<>();

        private String engine;

        private KeysDesc keys;

        private String comment;

        private PartitionDesc partition;

        private DistributionDesc distribution;

        private final List<String> orderBy = new ArrayList<>();

        private final Map<String, String> properties = new LinkedHashMap<>();

        private boolean temporary;

        private final List<Rollup> rollups = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the name.
         * @param name the table name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Adds a column.
         * @param columnName the name
         * @param type the type
         * @param options the options, see {@link ColumnOption}
         * @return this builder
         */
        public Builder column(String columnName, DataType type, ColumnOption... options) {
            return column(Column.of(columnName, type, options));
        }

        /**
         * Adds a column.
         * @param column the column
         * @return this builder
         */
        public Builder column(Column column) {
            this.columns.add(column);
            return this;
        }

        /**
         * Adds an index.
         * @param index the index
         * @return this builder
         */
        public Builder index(IndexDef index) {
            this.indexes.add(index);
            return this;
        }

        /**
         * Sets the engine ({@code ENGINE=OLAP}).
         * @param engine the engine, null for not written
         * @return this builder
         */
        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Sets the key clause.
         * @param keys the clause, null for none
         * @return this builder
         */
        public Builder keys(KeysDesc keys) {
            this.keys = keys;
            return this;
        }

        /**
         * {@code DUPLICATE KEY(cols)}.
         * @param keyColumns the key columns
         * @return this builder
         */
        public Builder duplicateKey(String... keyColumns) {
            return keys(KeysDesc.of(KeysType.DUPLICATE, keyColumns));
        }

        /**
         * {@code AGGREGATE KEY(cols)}.
         * @param keyColumns the key columns
         * @return this builder
         */
        public Builder aggregateKey(String... keyColumns) {
            return keys(KeysDesc.of(KeysType.AGGREGATE, keyColumns));
        }

        /**
         * {@code UNIQUE KEY(cols)}.
         * @param keyColumns the key columns
         * @return this builder
         */
        public Builder uniqueKey(String... keyColumns) {
            return keys(KeysDesc.of(KeysType.UNIQUE, keyColumns));
        }

        /**
         * {@code PRIMARY KEY(cols)}.
         * @param keyColumns the key columns
         * @return this builder
         */
        public Builder primaryKey(String... keyColumns) {
            return keys(KeysDesc.of(KeysType.PRIMARY, keyColumns));
        }

        /**
         * Sets the table comment.
         * @param comment the comment, null for none
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /**
         * Sets the partition clause.
         * @param partition the clause, null for none
         * @return this builder
         */
        public Builder partitionBy(PartitionDesc partition) {
            this.partition = partition;
            return this;
        }

        /**
         * Sets the distribution clause.
         * @param distribution the clause, null for none
         * @return this builder
         */
        public Builder distributedBy(DistributionDesc distribution) {
            this.distribution = distribution;
            return this;
        }

        /**
         * {@code DISTRIBUTED BY HASH(cols) BUCKETS n}.
         * @param buckets the bucket count
         * @param hashColumns the columns
         * @return this builder
         */
        public Builder distributedByHash(int buckets, String... hashColumns) {
            return distributedBy(new HashDistribution(List.of(hashColumns), buckets));
        }

        /**
         * {@code DISTRIBUTED BY HASH(cols)} with automatic bucketing.
         * @param hashColumns the columns
         * @return this builder
         */
        public Builder distributedByHash(String... hashColumns) {
            return distributedBy(new HashDistribution(List.of(hashColumns), null));
        }

        /**
         * {@code DISTRIBUTED BY RANDOM} with automatic bucketing.
         * @return this builder
         */
        public Builder distributedByRandom() {
            return distributedBy(new RandomDistribution(null));
        }

        /**
         * {@code DISTRIBUTED BY RANDOM BUCKETS n}.
         * @param buckets the bucket count
         * @return this builder
         */
        public Builder distributedByRandom(int buckets) {
            return distributedBy(new RandomDistribution(buckets));
        }

        /**
         * Sets the sort key ({@code ORDER BY (cols)}), replacing any previous one.
         * @param sortColumns the columns
         * @return this builder
         */
        public Builder orderBy(String... sortColumns) {
            this.orderBy.clear();
            this.orderBy.addAll(Arrays.asList(sortColumns));
            return this;
        }

        /**
         * Adds (or replaces) a property, keeping the first insertion position.
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder property(String key, String value) {
            this.properties.put(key, value);
            return this;
        }

        /**
         * Adds properties in the map's iteration order.
         * @param values the properties
         * @return this builder
         */
        public Builder properties(Map<String, String> values) {
            this.properties.putAll(values);
            return this;
        }

        /**
         * Makes this a {@code CREATE TEMPORARY TABLE}.
         * @param temporary whether the table is temporary
         * @return this builder
         */
        public Builder temporary(boolean temporary) {
            this.temporary = temporary;
            return this;
        }

        /**
         * Adds a rollup ({@code ROLLUP (..)}).
         * @param rollup the rollup
         * @return this builder
         */
        public Builder rollup(Rollup rollup) {
            this.rollups.add(rollup);
            return this;
        }

        /**
         * Builds the table.
         * @return the table
         * @throws DdlValidationException when a rule is broken
         */
        public Table build() {
            return new Table(this.name, this.columns, this.indexes, this.engine, this.keys, this.comment, this.partition,
                    this.distribution, this.orderBy, this.properties, this.temporary, this.rollups);
        }

    }

}
