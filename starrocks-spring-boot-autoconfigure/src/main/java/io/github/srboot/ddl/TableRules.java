package io.github.srboot.ddl;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic rules of {@code CREATE TABLE} that StarRocks enforces, checked before any SQL is sent.
 */
final class TableRules {

    private static final Map<AggregationType, ScalarKind> AGGREGATION_TYPES = Map.of(AggregationType.HLL_UNION,
            ScalarKind.HLL, AggregationType.BITMAP_UNION, ScalarKind.BITMAP, AggregationType.PERCENTILE_UNION,
            ScalarKind.PERCENTILE);

    private TableRules() {
    }

    static void check(String name, List<Column> columns, List<IndexDef> indexes, KeysDesc keys, PartitionDesc partition,
            DistributionDesc distribution, List<String> orderBy, Map<String, String> properties) {
        String table = "table " + Names.display(name);
        if (columns.isEmpty()) {
            throw new DdlValidationException(table, "needs at least one column");
        }
        Set<String> columnNames = new HashSet<>();
        for (Column column : columns) {
            if (!columnNames.add(Names.fold(column.name()))) {
                // FE CreateTableAnalyzer: ErrorCode.ERR_DUP_FIELDNAME.
                throw new DdlValidationException(table, "column " + Names.display(column.name())
                        + " is declared twice", "Duplicate column name '" + column.name() + "'");
            }
        }
        // FE CreateTableAnalyzer: the sort key is resolved against the columns first of all.
        requireColumns(table, "ORDER BY", columnNames, orderBy, "Unknown column '%s' does not exist");
        checkAutoIncrementCount(table, columns);
        List<String> implied = impliedAggregateKeys(columns);
        if (keys == null && implied.isEmpty() && columns.stream().anyMatch(TableRules::aggregated)) {
            throw new DdlValidationException(table, "every column has an aggregation, so the AGGREGATE KEY table "
                    + "StarRocks makes of it would have no key column (\"The number of key columns is 0.\")");
        }
        KeysDesc effectiveKeys = (keys == null && !implied.isEmpty()) ? KeysDesc.of(KeysType.AGGREGATE,
                implied.toArray(String[]::new)) : keys;
        KeysType model = (effectiveKeys != null) ? effectiveKeys.type() : KeysType.DUPLICATE;
        List<String> keyColumns = (effectiveKeys != null) ? effectiveKeys.columns() : List.of();
        checkKeys(table, columns, columnNames, effectiveKeys);
        if (effectiveKeys == null) {
            checkFirstColumnCanBeAKey(table, columns.get(0));
        }
        else {
            checkKeyColumnTypes(table, columns, keyColumns);
        }
        checkSortKeyOfModel(table, model, keyColumns, orderBy);
        checkColumns(table, columns, model, keyColumns,
                (partition != null) ? partition.columnNames() : List.of());
        PartitionRules.check(table, columns, columnNames, model, keyColumns, partition);
        checkDistribution(table, columnNames, model, distribution, properties);
        GeneratedColumnRules.check(table, columns, model, keyColumns);
        Set<String> indexNames = new HashSet<>();
        Set<List<String>> indexedColumns = new HashSet<>();
        for (IndexDef index : indexes) {
            // FE CreateTableAnalyzer: an index on a missing column, then the index's own rules ...
            requireColumns(table, "index " + Names.display(index.name()), columnNames, index.columns(),
                    index.name() + " column does not exist in table. invalid column: %s");
            checkIndex(table, index, columns, model, keyColumns, properties);
            indexNames.add(Names.fold(index.name()));
            indexedColumns.add(index.columns().stream().map(Names::fold).toList());
        }
        // ... and, over all indexes, unique names and one index per column list.
        if (indexNames.size() != indexes.size()) {
            throw new DdlValidationException(table, "two indexes have the same name", "index name must be unique");
        }
        if (indexedColumns.size() != indexes.size()) {
            throw new DdlValidationException(table, "two indexes are built on the same columns",
                    "same index columns have multiple index name is not allowed");
        }
        checkSortKeyDuplicates(table, orderBy);
        PropertyRules.check(table, model, properties);
    }

    /**
     * Types a key column cannot have: StarRocks sorts and distributes by keys, which these types do not allow
     * (FE {@code Type.canDistributedBy}).
     */
    private static boolean canBeKey(DataType type) {
        if (!(type instanceof ScalarType scalar)) {
            return false;
        }
        return switch (scalar.kind()) {
            case FLOAT, DOUBLE, JSON, BITMAP, HLL, PERCENTILE -> false;
            default -> true;
        };
    }

    /**
     * FE {@code ColumnDefAnalyzer.analyze}: "Invalid data type of key column '%s': '%s'", with ", use decimal
     * instead" for FLOAT and DOUBLE. StarRocks prints ARRAY, MAP and STRUCT types its own way, so their refusal
     * carries the model's words only.
     */
    private static void checkKeyColumnTypes(String table, List<Column> columns, List<String> keyColumns) {
        for (String key : keyColumns) {
            Column column = PartitionRules.column(columns, key);
            if (column == null || canBeKey(column.type()) || column.type() instanceof AggregateStateType) {
                continue;
            }
            String type = DdlPrinter.type(column.type().canonical());
            boolean floating = column.type() instanceof ScalarType scalar
                    && (scalar.kind() == ScalarKind.FLOAT || scalar.kind() == ScalarKind.DOUBLE);
            throw new DdlValidationException(table, "key column " + Names.display(column.name()) + " cannot be of type "
                    + type + (floating ? "; use DECIMAL" : ""), (column.type() instanceof ScalarType)
                            ? "Invalid data type of key column '" + column.name() + "': '" + type + "'"
                                    + (floating ? ", use decimal instead" : "") : null);
        }
    }

    /**
     * FE {@code CreateTableAnalyzer}: without a key clause, StarRocks takes leading columns as DUPLICATE keys and
     * stops at the first type that cannot be a key; a table whose first column is such a type has no key.
     */
    private static void checkFirstColumnCanBeAKey(String table, Column first) {
        if (canBeKey(first.type())) {
            return;
        }
        String type = DdlPrinter.type(first.type().canonical());
        throw new DdlValidationException(table, "without a key clause the first column becomes the key, and "
                + Names.display(first.name()) + " is " + type + ", which cannot be one",
                (first.type() instanceof ScalarType) ? "Data type of first column cannot be " + type : null);
    }

    /** The columns a rollup names are columns of the table, and rollup names are unique. */
    static void checkRollups(String name, List<Column> columns, List<Rollup> rollups) {
        String table = "table " + Names.display(name);
        Set<String> columnNames = new HashSet<>(columns.stream().map((column) -> Names.fold(column.name())).toList());
        Set<String> rollupNames = new HashSet<>();
        for (Rollup rollup : rollups) {
            String subject = "rollup " + Names.display(rollup.name());
            if (!rollupNames.add(Names.fold(rollup.name()))) {
                throw new DdlValidationException(table, subject + " is declared twice");
            }
            requireColumns(table, subject, columnNames, rollup.columns(), null);
            requireColumns(table, subject + " DUPLICATE KEY", columnNames, rollup.duplicateKeys(), null);
            requireColumns(table, subject + " ORDER BY", columnNames, rollup.orderBy(), null);
        }
    }

    /**
     * FE {@code CreateTableAnalyzer}: "More than one AUTO_INCREMENT column defined in CREATE TABLE Statement"
     * (recorded: StarRocks' {@code test/sql/test_auto_increment/R/test_auto_increment}, steps 6 and 7).
     */
    private static void checkAutoIncrementCount(String table, List<Column> columns) {
        List<Column> autoIncrement = columns.stream().filter(Column::autoIncrement).toList();
        if (autoIncrement.size() > 1) {
            throw new DdlValidationException(table, "only one AUTO_INCREMENT column is allowed, found "
                    + Names.display(autoIncrement.get(0).name()) + " and " + Names.display(autoIncrement.get(1).name()),
                    "More than one AUTO_INCREMENT column defined in CREATE TABLE Statement");
        }
    }

    /**
     * FE {@code KeysDesc.checkColumnDefs}: the sort key of an AGGREGATE or UNIQUE KEY table holds every key column.
     * Recorded: StarRocks' {@code test/sql/test_sort_key/R/test_sort_key_agg_tbl} steps 4-5 and {@code CASE_142}
     * steps 4-5 refuse
     * {@code (k2)} and {@code (k2, v2)} for keys {@code (k1, k2)}, while {@code CASE_139} accepts
     * {@code ORDER BY (k2, k1, v2, v1, v3)} by ALTER: the words say "same with", the rule is "contains".
     */
    private static void checkSortKeyOfModel(String table, KeysType model, List<String> keyColumns,
            List<String> orderBy) {
        if (orderBy.isEmpty() || (model != KeysType.AGGREGATE && model != KeysType.UNIQUE)) {
            return;
        }
        Set<String> sort = new HashSet<>(orderBy.stream().map(Names::fold).toList());
        for (String key : keyColumns) {
            if (!sort.contains(Names.fold(key))) {
                throw new DdlValidationException(table, "the ORDER BY sort key of a " + model + " KEY table must "
                        + "contain every key column, but misses " + Names.display(key),
                        "The sort columns of " + model + " KEY table must be same with key columns");
            }
        }
    }

    /**
     * A column named twice in ORDER BY, refused when the table is created (FE {@code OlapTableFactory}; recorded
     * without the analyzer's wrapper: StarRocks' {@code test/sql/test_sort_key/R/test_sort_key_agg_tbl} step 6,
     * {@code CASE_140} step 4).
     */
    private static void checkSortKeyDuplicates(String table, List<String> orderBy) {
        Set<String> seen = new HashSet<>();
        for (String column : orderBy) {
            if (!seen.add(Names.fold(column))) {
                throw new DdlValidationException(table, "ORDER BY names the column " + Names.display(column)
                        + " twice", "Duplicate sort key column " + column + " is not allowed.");
            }
        }
    }

    /**
     * The key columns of the AGGREGATE KEY table StarRocks makes when no key clause is written and some column has an
     * aggregation: every column without one, in order (FE {@code CreateTableAnalyzer}).
     * @param columns the columns
     * @return the implied keys, empty when no column has an aggregation
     */
    static List<String> impliedAggregateKeys(List<Column> columns) {
        if (columns.stream().noneMatch(TableRules::aggregated)) {
            return List.of();
        }
        return columns.stream().filter((column) -> !aggregated(column)).map(Column::name).toList();
    }

    /** Whether a column has an aggregation: an aggregation type, or an aggregate state type. */
    static boolean aggregated(Column column) {
        return column.aggregation() != null || column.type() instanceof AggregateStateType;
    }

    private static void checkKeys(String table, List<Column> columns, Set<String> columnNames, KeysDesc keys) {
        if (keys == null) {
            return;
        }
        List<String> keyColumns = keys.columns();
        requireColumns(table, keys.type() + " KEY", columnNames, keyColumns, null);
        if (new HashSet<>(keyColumns.stream().map(Names::fold).toList()).size() != keyColumns.size()) {
            throw new DdlValidationException(table, keys.type() + " KEY names a column twice: " + keyColumns);
        }
        for (int i = 0; i < keyColumns.size(); i++) {
            String declared = columns.get(i).name();
            if (!Names.fold(declared).equals(Names.fold(keyColumns.get(i)))) {
                throw new DdlValidationException(table, "key columns must be the first columns in key order: "
                        + keys.type() + " KEY column " + Names.display(keyColumns.get(i)) + " is not column " + (i + 1)
                        + " (that is " + Names.display(declared) + ")");
            }
        }
    }

    private static void checkColumns(String table, List<Column> columns, KeysType model, List<String> keyColumns,
            List<String> partitionColumns) {
        Set<String> keys = new HashSet<>(keyColumns.stream().map(Names::fold).toList());
        for (Column column : columns) {
            String subject = "column " + Names.display(column.name());
            boolean isKey = keys.contains(Names.fold(column.name()));
            boolean generatedPartitionColumn = column.isGenerated()
                    && partitionColumns.stream().anyMatch((name) -> Names.fold(name).equals(Names.fold(column.name())));
            if (column.name().startsWith(PartitionRules.GENERATED_PARTITION_COLUMN_PREFIX) && !generatedPartitionColumn) {
                // FE FeNameFormat.checkColumnName (recorded: StarRocks'
                // test/sql/test_automatic_partition/R/test_multi_expr, steps 1-3); the
                // name is the server's own for a generated column it partitions by, as SHOW CREATE prints it
                // (CASE_080 step 4 creates a table from such a text).
                throw new DdlValidationException(table, subject + " starts with "
                        + PartitionRules.GENERATED_PARTITION_COLUMN_PREFIX + ", which StarRocks reserves for the "
                        + "columns it generates for partition expressions", "Column name [" + column.name()
                        + "] starts with " + PartitionRules.GENERATED_PARTITION_COLUMN_PREFIX + " is a system reserved "
                        + "name. Please choose a different one.");
            }
            if (isKey && aggregated(column)) {
                // FE KeysDesc.checkColumnDefs: "Key column[c] should not specify aggregate type."
                throw new DdlValidationException(table, "key " + subject + " cannot have an aggregation ("
                        + ((column.aggregation() != null) ? column.aggregation() : DdlPrinter.type(column.type()))
                        + ")");
            }
            if (model != KeysType.AGGREGATE && !isKey && aggregated(column)
                    && column.aggregation() != AggregationType.REPLACE) {
                // FE KeysDesc.checkColumnDefs: only REPLACE, which the server then replaces by the model's own
                // (the implicit REPLACE of UNIQUE and PRIMARY KEY tables, none in DUPLICATE KEY tables).
                throw new DdlValidationException(table, "a " + model + " KEY table should not specify an aggregation "
                        + "for the value " + subject + " (only REPLACE is accepted there, got "
                        + ((column.aggregation() != null) ? column.aggregation() : DdlPrinter.type(column.type()))
                        + "); aggregations belong to AGGREGATE KEY tables");
            }
            if (model == KeysType.AGGREGATE && !isKey && !aggregated(column) && !column.isGenerated()) {
                throw new DdlValidationException(table,
                        "value " + subject + " of an AGGREGATE KEY table needs an aggregation type");
            }
            ScalarKind required = (column.aggregation() != null) ? AGGREGATION_TYPES.get(column.aggregation()) : null;
            if (required != null
                    && !(column.type() instanceof ScalarType scalar && scalar.kind() == required)) {
                throw new DdlValidationException(table,
                        subject + " uses " + column.aggregation() + ", which needs a " + required + " column");
            }
            if (model == KeysType.PRIMARY && isKey && Boolean.TRUE.equals(column.nullable())) {
                throw new DdlValidationException(table, "PRIMARY KEY " + subject + " cannot be NULL");
            }
        }
    }

    /**
     * FE {@code IndexDef.analyze} (one column per index) and {@code VectorIndexUtil.checkVectorIndexValid} (a vector
     * index needs a NOT NULL {@code ARRAY<FLOAT>} column of a DUPLICATE or PRIMARY KEY table).
     */
    private static void checkIndex(String table, IndexDef index, List<Column> columns, KeysType model,
            List<String> keyColumns, Map<String, String> properties) {
        String subject = "index " + Names.display(index.name());
        if (index.columns().size() != 1) {
            throw new DdlValidationException(table, subject + " names " + index.columns().size()
                    + " columns; StarRocks indexes apply to a single column");
        }
        Column indexed = columns.stream()
            .filter((candidate) -> Names.fold(candidate.name()).equals(Names.fold(index.columns().get(0))))
            .findFirst()
            .orElseThrow();
        if (index.type() == IndexType.GIN) {
            checkInvertedIndex(table, subject, indexed, model);
            return;
        }
        if (index.type() == IndexType.NGRAMBF) {
            checkNgramBloomFilter(table, subject, indexed, properties);
            return;
        }
        if (index.type() != IndexType.VECTOR) {
            return;
        }
        if (model != KeysType.DUPLICATE && model != KeysType.PRIMARY) {
            throw new DdlValidationException(table, "the vector " + subject
                    + " can only be built on a DUPLICATE or PRIMARY KEY table, not " + model + " KEY");
        }
        Column column = indexed;
        boolean primaryKey = model == KeysType.PRIMARY
                && keyColumns.stream().anyMatch((key) -> Names.fold(key).equals(Names.fold(column.name())));
        if (!Boolean.FALSE.equals(column.nullable()) && !primaryKey) {
            throw new DdlValidationException(table, "the vector " + subject + " can only be built on a NOT NULL "
                    + "column, and " + Names.display(column.name()) + " is nullable");
        }
        if (!(column.type() instanceof ArrayType array && array.element() instanceof ScalarType element
                && element.kind() == ScalarKind.FLOAT)) {
            throw new DdlValidationException(table, "the vector " + subject + " needs an ARRAY<FLOAT> column, not "
                    + DdlPrinter.type(column.type()));
        }
    }

    /**
     * FE {@code InvertedIndexUtil.checkInvertedIndexValid}: a GIN index only on a DUPLICATE or PRIMARY KEY table, and
     * only on a CHAR, VARCHAR or STRING column (recorded: StarRocks' {@code test/sql/test_index/R/test_gin_index}
     * steps 6-7,
     * {@code CASE_105} steps 7-10; the analyzer's wrapper adds a second dot to these messages, which end in one).
     */
    private static void checkInvertedIndex(String table, String subject, Column column, KeysType model) {
        if (model != KeysType.DUPLICATE && model != KeysType.PRIMARY) {
            throw new DdlValidationException(table, "the GIN " + subject + " can only be built on a DUPLICATE or "
                    + "PRIMARY KEY table, not " + model + " KEY",
                    "The inverted index can only be build on DUPLICATE/PRIMARY_KEYS table.");
        }
        if (!(column.type() instanceof ScalarType scalar && (scalar.kind() == ScalarKind.CHAR
                || scalar.kind() == ScalarKind.VARCHAR || scalar.kind() == ScalarKind.STRING))) {
            throw new DdlValidationException(table, "the GIN " + subject + " needs a CHAR, VARCHAR or STRING column, "
                    + "and " + Names.display(column.name()) + " is " + DdlPrinter.type(column.type()),
                    "The inverted index can only be build on column with type of CHAR/STRING/VARCHAR type.");
        }
    }

    /**
     * A column takes one bloom filter: the {@code bloom_filter_columns} property or an NGRAMBF index, not both
     * (FE {@code OlapTableFactory}, refused when the table is created; recorded:
     * StarRocks' {@code test/sql/test_index/R/test_ngram_bloom_filter_error} step 3).
     */
    private static void checkNgramBloomFilter(String table, String subject, Column column,
            Map<String, String> properties) {
        String bloomFilterColumns = properties.get("bloom_filter_columns");
        if (bloomFilterColumns == null) {
            return;
        }
        for (String name : bloomFilterColumns.split(",")) {
            if (Names.fold(name.strip()).equals(Names.fold(column.name()))) {
                throw new DdlValidationException(table, "the NGRAMBF " + subject + " and the property "
                        + "bloom_filter_columns both put a bloom filter on " + Names.display(column.name()),
                        "column " + column.name() + " should only have one bloom filter index or ngram bloom filter "
                                + "index");
            }
        }
    }

    /**
     * FE {@code CreateTableAnalyzer}: without a DISTRIBUTED BY clause a DUPLICATE KEY table is distributed RANDOM and a
     * PRIMARY KEY table by HASH of its keys, while AGGREGATE and UNIQUE KEY tables need the clause; and RANDOM is for
     * DUPLICATE KEY tables only. StarRocks main says so in the words recorded in
     * StarRocks' {@code test/sql/test_random_distribution/R/test_random_distribution} steps 2-6 (older servers
     * accepted RANDOM on an AGGREGATE KEY
     * table without REPLACE columns; the model follows main).
     */
    private static void checkDistribution(String table, Set<String> columnNames, KeysType model,
            DistributionDesc distribution, Map<String, String> properties) {
        if (distribution == null && properties.containsKey("colocate_with")) {
            throw new DdlValidationException(table, "a table with the property colocate_with needs DISTRIBUTED BY HASH",
                    "Colocate table must specify distribution column");
        }
        if (distribution == null) {
            if (model == KeysType.AGGREGATE || model == KeysType.UNIQUE) {
                throw new DdlValidationException(table, "a " + model + " KEY table needs a DISTRIBUTED BY clause",
                        "Currently not support default distribution in " + serverName(model));
            }
            return;
        }
        if (distribution instanceof HashDistribution hash) {
            requireColumns(table, "DISTRIBUTED BY HASH", columnNames, hash.columns(), null);
        }
        else if (model != KeysType.DUPLICATE) {
            throw new DdlValidationException(table,
                    "DISTRIBUTED BY RANDOM is only for DUPLICATE KEY tables, not " + model + " KEY; use HASH",
                    model + " KEY cannot use random distribution");
        }
    }

    /** The FE's own name of a table model ({@code KeysType.name()}: DUP_KEYS, AGG_KEYS, UNIQUE_KEYS, PRIMARY_KEYS). */
    static String serverName(KeysType model) {
        return switch (model) {
            case DUPLICATE -> "DUP_KEYS";
            case AGGREGATE -> "AGG_KEYS";
            case UNIQUE -> "UNIQUE_KEYS";
            case PRIMARY -> "PRIMARY_KEYS";
        };
    }

    /**
     * Each name is a column of the table.
     * @param starRocksMessage the FE's message for an unknown column, with {@code %s} for the name, or null
     */
    static void requireColumns(String table, String clause, Set<String> columnNames, List<String> used,
            String starRocksMessage) {
        for (String column : used) {
            if (!columnNames.contains(Names.fold(column))) {
                throw new DdlValidationException(table,
                        clause + " names the column " + Names.display(column) + ", which does not exist",
                        (starRocksMessage != null) ? String.format(starRocksMessage, column) : null);
            }
        }
    }

}
