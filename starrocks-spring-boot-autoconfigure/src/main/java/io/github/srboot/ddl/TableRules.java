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
            DistributionDesc distribution, List<String> orderBy) {
        String table = "table " + Names.display(name);
        if (columns.isEmpty()) {
            throw new DdlValidationException(table, "needs at least one column");
        }
        Set<String> columnNames = new HashSet<>();
        for (Column column : columns) {
            if (!columnNames.add(Names.fold(column.name()))) {
                throw new DdlValidationException(table, "column " + Names.display(column.name()) + " is declared twice");
            }
        }
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
        checkColumns(table, columns, model, keyColumns);
        checkDistribution(table, columns, columnNames, model, distribution);
        checkPartition(table, columnNames, partition);
        checkOrderBy(table, columnNames, model, keyColumns, orderBy);
        Set<String> indexNames = new HashSet<>();
        for (IndexDef index : indexes) {
            if (!indexNames.add(Names.fold(index.name()))) {
                throw new DdlValidationException(table, "index " + Names.display(index.name()) + " is declared twice");
            }
            requireColumns(table, "index " + Names.display(index.name()), columnNames, index.columns());
            checkIndex(table, index, columns, model, keyColumns);
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
        requireColumns(table, keys.type() + " KEY", columnNames, keyColumns);
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

    private static void checkColumns(String table, List<Column> columns, KeysType model, List<String> keyColumns) {
        Set<String> keys = new HashSet<>(keyColumns.stream().map(Names::fold).toList());
        Column autoIncrement = null;
        Column firstGenerated = null;
        for (Column column : columns) {
            String subject = "column " + Names.display(column.name());
            boolean isKey = keys.contains(Names.fold(column.name()));
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
            if (column.autoIncrement()) {
                if (autoIncrement != null) {
                    throw new DdlValidationException(table, "only one AUTO_INCREMENT column is allowed, found "
                            + Names.display(autoIncrement.name()) + " and " + Names.display(column.name()));
                }
                autoIncrement = column;
            }
            if (column.isGenerated()) {
                if (model == KeysType.AGGREGATE) {
                    throw new DdlValidationException(table,
                            "generated " + subject + " is not allowed in an AGGREGATE KEY table");
                }
                if (isKey) {
                    throw new DdlValidationException(table, "generated " + subject + " cannot be a key column");
                }
                if (firstGenerated == null) {
                    firstGenerated = column;
                }
            }
            else if (firstGenerated != null) {
                throw new DdlValidationException(table, "generated columns must come after all ordinary columns, but "
                        + subject + " follows generated column " + Names.display(firstGenerated.name()));
            }
        }
    }

    /**
     * FE {@code IndexDef.analyze} (one column per index) and {@code VectorIndexUtil.checkVectorIndexValid} (a vector
     * index needs a NOT NULL {@code ARRAY<FLOAT>} column of a DUPLICATE or PRIMARY KEY table).
     */
    private static void checkIndex(String table, IndexDef index, List<Column> columns, KeysType model,
            List<String> keyColumns) {
        String subject = "index " + Names.display(index.name());
        if (index.columns().size() != 1) {
            throw new DdlValidationException(table, subject + " names " + index.columns().size()
                    + " columns; StarRocks indexes apply to a single column");
        }
        if (index.type() != IndexType.VECTOR) {
            return;
        }
        if (model != KeysType.DUPLICATE && model != KeysType.PRIMARY) {
            throw new DdlValidationException(table, "the vector " + subject
                    + " can only be built on a DUPLICATE or PRIMARY KEY table, not " + model + " KEY");
        }
        Column column = columns.stream()
            .filter((candidate) -> Names.fold(candidate.name()).equals(Names.fold(index.columns().get(0))))
            .findFirst()
            .orElseThrow();
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

    private static void checkDistribution(String table, List<Column> columns, Set<String> columnNames, KeysType model,
            DistributionDesc distribution) {
        if (distribution instanceof HashDistribution hash) {
            requireColumns(table, "DISTRIBUTED BY HASH", columnNames, hash.columns());
        }
        else if (distribution instanceof RandomDistribution) {
            if (model == KeysType.PRIMARY || model == KeysType.UNIQUE) {
                throw new DdlValidationException(table,
                        "DISTRIBUTED BY RANDOM is not allowed for " + model + " KEY tables; use HASH");
            }
            for (Column column : columns) {
                if (model == KeysType.AGGREGATE && (column.aggregation() == AggregationType.REPLACE
                        || column.aggregation() == AggregationType.REPLACE_IF_NOT_NULL)) {
                    throw new DdlValidationException(table, "DISTRIBUTED BY RANDOM is not allowed with the "
                            + column.aggregation() + " column " + Names.display(column.name()) + "; use HASH");
                }
            }
        }
    }

    private static void checkPartition(String table, Set<String> columnNames, PartitionDesc partition) {
        if (partition == null) {
            return;
        }
        requireColumns(table, "PARTITION BY", columnNames, partition.columnNames());
        Set<String> partitionNames = new HashSet<>();
        List<? extends PartitionDefinition> definitions = List.of();
        if (partition instanceof RangePartitionDesc range) {
            definitions = range.partitions();
        }
        else if (partition instanceof ListPartitionDesc list) {
            definitions = list.partitions();
        }
        for (PartitionDefinition definition : definitions) {
            String partitionName = PartitionDefinitions.name(definition);
            if (partitionName != null && !partitionNames.add(Names.fold(partitionName))) {
                throw new DdlValidationException(table,
                        "partition " + Names.display(partitionName) + " is declared twice");
            }
        }
    }

    private static void checkOrderBy(String table, Set<String> columnNames, KeysType model, List<String> keyColumns,
            List<String> orderBy) {
        if (orderBy.isEmpty()) {
            return;
        }
        requireColumns(table, "ORDER BY", columnNames, orderBy);
        if (model == KeysType.AGGREGATE || model == KeysType.UNIQUE) {
            Set<String> sort = new HashSet<>(orderBy.stream().map(Names::fold).toList());
            for (String key : keyColumns) {
                if (!sort.contains(Names.fold(key))) {
                    throw new DdlValidationException(table, "the ORDER BY sort key of a " + model
                            + " KEY table must contain every key column, but misses " + Names.display(key));
                }
            }
        }
    }

    private static void requireColumns(String table, String clause, Set<String> columnNames, List<String> used) {
        for (String column : used) {
            if (!columnNames.contains(Names.fold(column))) {
                throw new DdlValidationException(table,
                        clause + " names the column " + Names.display(column) + ", which does not exist");
            }
        }
    }

}
