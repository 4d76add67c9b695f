package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates random, valid tables for property-style tests: every key model, nested types, every column option,
 * partitioning, distribution, sort keys, indexes and properties, with names, comments and values drawn partly from
 * hostile characters. Deterministic for a given seed. With {@code grammar32Only} it avoids the constructs that the
 * ~3.2 test grammar does not know (GIN/NGRAMBF indexes, mixed expression partitions).
 */
final class RandomTables {

    private static final String[] HOSTILE = { "`", "\"", "'", ";", "--", "/*", "#", "\\", " ", "é", "中", ")", "," };

    private static final List<DataType> KEY_TYPES = List.of(DataType.INT, DataType.BIGINT, DataType.SMALLINT,
            DataType.TINYINT, DataType.LARGEINT, DataType.DATE, DataType.DATETIME, DataType.BOOLEAN,
            DataType.varchar(64), DataType.chars(8), DataType.decimal(18, 4), ScalarType.of(ScalarKind.INT, 11),
            ScalarType.of(ScalarKind.DECIMAL64, 10, 2));

    private final Random random;

    private final boolean grammar32Only;

    RandomTables(long seed, boolean grammar32Only) {
        this.random = new Random(seed);
        this.grammar32Only = grammar32Only;
    }

    Table next() {
        Set<String> used = new HashSet<>();
        KeysType model = pick(KeysType.values());
        boolean writeKeys = model != KeysType.DUPLICATE || this.random.nextBoolean();
        Table.Builder table = Table.builder(name(used));
        List<String> keys = new ArrayList<>();
        int keyCount = 1 + this.random.nextInt(3);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            DataType type = (i == 0 && this.random.nextBoolean()) ? DataType.DATE : pick(KEY_TYPES);
            Column.Builder column = Column.builder(name(used), type);
            Boolean nullable = (model == KeysType.PRIMARY) ? pickNullable(false) : pickNullable(null);
            column.nullable(nullable);
            column.comment(maybe(text()));
            if (this.random.nextInt(4) == 0 && model != KeysType.AGGREGATE) {
                column.defaultValue(literalDefault(type, nullable));
            }
            columns.add(column.build());
            keys.add(columns.get(i).name());
        }
        boolean hasReplace = false;
        boolean hasAutoIncrement = false;
        int valueCount = this.random.nextInt(5);
        for (int i = 0; i < valueCount; i++) {
            Column.Builder column;
            if (model == KeysType.AGGREGATE) {
                int choice = this.random.nextInt(6);
                AggregationType aggregation = switch (choice) {
                    case 0 -> AggregationType.HLL_UNION;
                    case 1 -> AggregationType.BITMAP_UNION;
                    default -> pick(AggregationType.SUM, AggregationType.MAX, AggregationType.MIN,
                            AggregationType.REPLACE, AggregationType.REPLACE_IF_NOT_NULL);
                };
                DataType type = switch (aggregation) {
                    case HLL_UNION -> DataType.HLL;
                    case BITMAP_UNION -> DataType.BITMAP;
                    default -> pick(DataType.BIGINT, DataType.DOUBLE, DataType.decimal(27, 9), DataType.varchar(100));
                };
                hasReplace |= aggregation == AggregationType.REPLACE
                        || aggregation == AggregationType.REPLACE_IF_NOT_NULL;
                column = Column.builder(name(used), type).aggregation(aggregation);
                if (aggregation == AggregationType.SUM && this.random.nextBoolean()) {
                    column.defaultValue(DefaultValue.literal("0"));
                }
            }
            else if (!hasAutoIncrement && this.random.nextInt(5) == 0) {
                hasAutoIncrement = true;
                column = Column.builder(name(used), DataType.BIGINT).nullable(false).autoIncrement(true);
            }
            else {
                DataType type = valueType(2);
                column = Column.builder(name(used), type);
                Boolean nullable = pickNullable(null);
                column.nullable(nullable);
                if (type instanceof ScalarType scalar && scalar.kind() != ScalarKind.JSON && this.random.nextInt(3) == 0) {
                    column.defaultValue(literalDefault(type, nullable));
                }
            }
            if (model == KeysType.AGGREGATE) {
                column.nullable(pickNullable(null));
            }
            column.comment(maybe(text()));
            columns.add(column.build());
        }
        if (model != KeysType.AGGREGATE && this.random.nextInt(4) == 0) {
            columns.add(Column.builder(name(used), DataType.BIGINT)
                .nullable(this.random.nextBoolean() ? Boolean.TRUE : null)
                .generatedAs(Ddl.quoteIdentifier(keys.get(0)) + "  IS   NULL")
                .comment(maybe(text()))
                .build());
        }
        columns.forEach(table::column);
        if (writeKeys) {
            table.keys(new KeysDesc(model, keys));
        }
        KeysType effective = writeKeys ? model : KeysType.DUPLICATE;
        table.comment(maybe(text()));
        table.engine(this.random.nextBoolean() ? "OLAP" : null);
        String bitmapColumn = null;
        if (this.random.nextInt(3) == 0) {
            bitmapColumn = pick(keys);
            table.index(new IndexDef(name(used), List.of(bitmapColumn), IndexType.BITMAP, java.util.Map.of(),
                    maybe(text())));
        }
        // One index per column (FE CreateTableAnalyzer: "same index columns have multiple index name is not allowed").
        if (!this.grammar32Only && this.random.nextInt(4) == 0 && !keys.get(0).equals(bitmapColumn)) {
            table.index(new IndexDef(name(used), List.of(keys.get(0)), IndexType.NGRAMBF,
                    DdlExamples.ordered("gram_num", "4", "bloom_filter_fpp", "0.05"), null));
        }
        table.partitionBy(partition(columns.get(0), keys));
        table.distributedBy(distribution(effective, hasReplace, keys));
        table.orderBy(sortKey(effective, keys));
        int propertyCount = this.random.nextInt(4);
        for (int i = 0; i < propertyCount; i++) {
            table.property(word() + "." + text(), text());
        }
        return table.build();
    }

    private PartitionDesc partition(Column first, List<String> keys) {
        boolean isDate = first.type().equals(DataType.DATE);
        int choice = this.random.nextInt(isDate ? 7 : 3);
        String column = first.name();
        return switch (choice) {
            case 0 -> null;
            case 1 -> ListPartitionDesc.of(column, ListPartition.of("p_" + word(), text(), text()),
                    ListPartition.of("q_" + word(), text()));
            case 2 -> ExpressionPartitionDesc.columns(keys.toArray(String[]::new));
            case 3 -> RangePartitionDesc.of(column, RangePartition.lessThan("p1", "2024-01-01"),
                    RangePartition.fixed("p2", "2024-01-01", "2024-02-01"),
                    RangePartition.batch("2024-02-01", "2024-06-01", Interval.of(1, pick(IntervalUnit.DAY,
                            IntervalUnit.WEEK, IntervalUnit.MONTH))),
                    RangePartition.maxValue("pmax"));
            case 4 -> ExpressionPartitionDesc.dateTrunc(pick(IntervalUnit.DAY, IntervalUnit.MONTH, IntervalUnit.YEAR),
                    column);
            case 5 -> this.grammar32Only || keys.size() < 2 ? ExpressionPartitionDesc.columns(column)
                    : new ExpressionPartitionDesc(List.of(DdlPrinter.dateTrunc(IntervalUnit.DAY, column),
                            Ddl.quoteIdentifier(keys.get(1))));
            default -> RangePartitionDesc.of(column);
        };
    }

    private DistributionDesc distribution(KeysType model, boolean hasReplace, List<String> keys) {
        Integer buckets = this.random.nextBoolean() ? 1 + this.random.nextInt(64) : null;
        int choice = this.random.nextInt(3);
        // FE CreateTableAnalyzer, as StarRocks main words it (../shared/corpus/sql/sqltests/CASE_133): RANDOM only
        // for DUPLICATE KEY tables, and no default distribution for AGGREGATE and UNIQUE KEY tables.
        boolean randomAllowed = model == KeysType.DUPLICATE && !hasReplace;
        if (choice == 0 && (model == KeysType.DUPLICATE || model == KeysType.PRIMARY)) {
            return null;
        }
        if (choice == 1 && randomAllowed) {
            return new RandomDistribution(buckets);
        }
        return new HashDistribution(keys.subList(0, 1 + this.random.nextInt(keys.size())), buckets);
    }

    private String[] sortKey(KeysType model, List<String> keys) {
        if (this.random.nextBoolean()) {
            return new String[0];
        }
        List<String> sort = new ArrayList<>(keys);
        java.util.Collections.shuffle(sort, this.random);
        if (model != KeysType.AGGREGATE && model != KeysType.UNIQUE) {
            sort = sort.subList(0, 1 + this.random.nextInt(sort.size()));
        }
        return sort.toArray(String[]::new);
    }

    private DataType valueType(int depth) {
        int choice = this.random.nextInt((depth > 0) ? 10 : 7);
        return switch (choice) {
            case 0 -> DataType.STRING;
            case 1 -> DataType.JSON;
            case 2 -> DataType.varchar(1 + this.random.nextInt(1048576));
            case 3 -> DataType.decimal(1 + this.random.nextInt(38), 0);
            case 4 -> DataType.DOUBLE;
            case 5 -> DataType.varbinary(1 + this.random.nextInt(1000));
            case 6 -> pick(KEY_TYPES);
            case 7 -> DataType.array(valueType(depth - 1));
            case 8 -> DataType.map(pick(KEY_TYPES), valueType(depth - 1));
            default -> DataType.struct(DataType.field("f_" + word(), valueType(depth - 1)),
                    DataType.field("g" + text().replace("`", "").replace("\"", "").strip() + "x", valueType(depth - 1)));
        };
    }

    /** A default StarRocks accepts for the type: only "" for binary types, no DEFAULT NULL on NOT NULL columns. */
    private DefaultValue literalDefault(DataType type, Boolean nullable) {
        if (type.equals(DataType.DATETIME) && this.random.nextBoolean()) {
            return DefaultValue.CURRENT_TIMESTAMP;
        }
        if (type instanceof ScalarType scalar
                && (scalar.kind() == ScalarKind.VARBINARY || scalar.kind() == ScalarKind.BINARY)) {
            return DefaultValue.literal("");
        }
        String text = text();
        if (type instanceof ScalarType scalar && scalar.length() != null && text.length() > scalar.length()) {
            // FE ColumnDefAnalyzer: "Default value is too long".
            text = text.substring(0, scalar.length());
        }
        if (Boolean.FALSE.equals(nullable)) {
            return pick(DefaultValue.literal(text), DefaultValue.literal("0"));
        }
        return pick(DefaultValue.literal(text), DefaultValue.NULL, DefaultValue.literal("0"));
    }

    private Boolean pickNullable(Boolean unwrittenMeans) {
        int choice = this.random.nextInt(3);
        if (choice == 0) {
            return null;
        }
        if (Boolean.FALSE.equals(unwrittenMeans)) {
            return false;
        }
        return choice == 1;
    }

    private String name(Set<String> used) {
        while (true) {
            String name = this.random.nextInt(3) == 0 ? text() : word();
            if (!name.isBlank() && used.add(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
    }

    private String word() {
        StringBuilder word = new StringBuilder();
        word.append((char) ('a' + this.random.nextInt(26)));
        int length = this.random.nextInt(8);
        for (int i = 0; i < length; i++) {
            word.append("abcdefghijklmnopqrstuvwxyz0123456789_".charAt(this.random.nextInt(37)));
        }
        return word.toString();
    }

    private String text() {
        StringBuilder text = new StringBuilder(word());
        int parts = this.random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            text.append(pick(HOSTILE)).append(word());
        }
        return text.toString();
    }

    private <T> T maybe(T value) {
        return this.random.nextBoolean() ? value : null;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[this.random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(this.random.nextInt(values.size()));
    }

}
