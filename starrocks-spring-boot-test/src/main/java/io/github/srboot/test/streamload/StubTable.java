package io.github.srboot.test.streamload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table declared on the stub: database, name, ordered columns, key model and key columns.
 *
 * <p>Build one with {@link #builder(String, String)}; key columns come first and in order, as StarRocks requires.
 * PRIMARY KEY columns are always NOT NULL.
 *
 * @param database the database the table belongs to
 * @param name the table name
 * @param keyModel how loaded rows are applied
 * @param columns the columns in table order
 * @param keyColumns the names of the key columns, a prefix of {@code columns}
 * @param sortKey the {@code ORDER BY} columns when the table declares a sort key other than its key, else empty
 */
public record StubTable(String database, String name, KeyModel keyModel, List<StubColumn> columns,
        List<String> keyColumns, List<String> sortKey) {

    /**
     * A table sorted by its key.
     */
    public StubTable(String database, String name, KeyModel keyModel, List<StubColumn> columns,
            List<String> keyColumns) {
        this(database, name, keyModel, columns, keyColumns, List.of());
    }

    public StubTable {
        sortKey = List.copyOf(sortKey);
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyModel, "keyModel");
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        if (database.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("A stub table needs a database and a name, got '" + database + "."
                    + name + "'");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table '" + name + "' has no columns");
        }
        Set<String> seen = new HashSet<>();
        for (StubColumn column : columns) {
            if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Table '" + name + "' declares column '" + column.name()
                        + "' twice");
            }
        }
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("Table '" + name + "' has no key columns");
        }
        for (int i = 0; i < keyColumns.size(); i++) {
            if (i >= columns.size() || !columns.get(i).name().equalsIgnoreCase(keyColumns.get(i))) {
                throw new IllegalArgumentException("Key columns of table '" + name + "' must be its leading columns "
                        + "in order; " + keyColumns + " does not match the column order");
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            StubColumn column = columns.get(i);
            boolean key = i < keyColumns.size();
            if (keyModel == KeyModel.AGGREGATE && !key && column.aggregate() == null) {
                throw new IllegalArgumentException("Value column '" + column.name() + "' of AGGREGATE table '" + name
                        + "' needs an aggregation type");
            }
            if ((keyModel != KeyModel.AGGREGATE || key) && column.aggregate() != null) {
                throw new IllegalArgumentException("Column '" + column.name() + "' of table '" + name
                        + "' cannot have an aggregation type (only value columns of AGGREGATE tables have one)");
            }
        }
    }

    /**
     * The stub table for a table of the starter's DDL model (see {@link DdlTables#from}).
     */
    public static StubTable from(String database, io.github.srboot.ddl.Table table) {
        return DdlTables.from(database, table);
    }

    /**
     * Starts a table declaration. Without a key call the table is DUPLICATE KEY on its first column.
     */
    public static Builder builder(String database, String name) {
        return new Builder(database, name);
    }

    /**
     * The column with this name (case-insensitive), if any.
     */
    public Optional<StubColumn> column(String columnName) {
        return this.columns.stream().filter((column) -> column.name().equalsIgnoreCase(columnName)).findFirst();
    }

    int columnIndex(String columnName) {
        for (int i = 0; i < this.columns.size(); i++) {
            if (this.columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Collects the columns and key of a {@link StubTable}.
     */
    public static final class Builder {

        private final String database;

        private final String name;

        private final List<StubColumn> columns = new ArrayList<>();

        private KeyModel keyModel;

        private List<String> keyColumns = List.of();

        private List<String> sortKey = List.of();

        private Builder(String database, String name) {
            this.database = database;
            this.name = name;
        }

        /**
         * Adds a nullable column of the given StarRocks type.
         */
        public Builder column(String columnName, String type) {
            return column(StubColumn.of(columnName, type));
        }

        /**
         * Adds a column.
         */
        public Builder column(StubColumn column) {
            this.columns.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * PRIMARY KEY on the given leading columns.
         */
        public Builder primaryKey(String... keyColumns) {
            return key(KeyModel.PRIMARY, keyColumns);
        }

        /**
         * DUPLICATE KEY on the given leading columns.
         */
        public Builder duplicateKey(String... keyColumns) {
            return key(KeyModel.DUPLICATE, keyColumns);
        }

        /**
         * UNIQUE KEY on the given leading columns.
         */
        public Builder uniqueKey(String... keyColumns) {
            return key(KeyModel.UNIQUE, keyColumns);
        }

        /**
         * AGGREGATE KEY on the given leading columns; every other column needs an {@link AggregateType}.
         */
        public Builder aggregateKey(String... keyColumns) {
            return key(KeyModel.AGGREGATE, keyColumns);
        }

        /**
         * The given key model on the given leading columns.
         */
        public Builder key(KeyModel model, String... keyColumns) {
            this.keyModel = Objects.requireNonNull(model, "model");
            this.keyColumns = List.of(keyColumns);
            return this;
        }

        /**
         * The table's {@code ORDER BY} columns, when they differ from its key.
         */
        public Builder sortKey(String... columns) {
            this.sortKey = List.of(columns);
            return this;
        }

        public StubTable build() {
            KeyModel model = (this.keyModel != null) ? this.keyModel : KeyModel.DUPLICATE;
            List<String> keys = (this.keyModel != null) ? this.keyColumns
                    : this.columns.isEmpty() ? List.of() : List.of(this.columns.get(0).name());
            List<StubColumn> resolved = new ArrayList<>(this.columns);
            if (model == KeyModel.PRIMARY) {
                for (int i = 0; i < resolved.size() && i < keys.size(); i++) {
                    resolved.set(i, resolved.get(i).notNull());
                }
            }
            boolean sortedByKey = this.sortKey.isEmpty() || this.sortKey.stream().map((c) -> c.toLowerCase(Locale.ROOT))
                .toList().equals(keys.stream().map((c) -> c.toLowerCase(Locale.ROOT)).toList());
            return new StubTable(this.database, this.name, model, resolved, keys,
                    sortedByKey ? List.of() : this.sortKey);
        }

    }

}
