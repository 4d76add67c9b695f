package io.github.srboot.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.github.srboot.ddl.AggregationType;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.DefaultValue;
import io.github.srboot.ddl.DistributionDesc;
import io.github.srboot.ddl.ExpressionPartitionDesc;
import io.github.srboot.ddl.HashDistribution;
import io.github.srboot.ddl.IndexDef;
import io.github.srboot.ddl.IndexType;
import io.github.srboot.ddl.Interval;
import io.github.srboot.ddl.IntervalUnit;
import io.github.srboot.ddl.KeysDesc;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.ListPartition;
import io.github.srboot.ddl.ListPartitionDesc;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.PartitionDesc;
import io.github.srboot.ddl.RandomDistribution;
import io.github.srboot.ddl.RangePartition;
import io.github.srboot.ddl.RangePartitionDesc;
import io.github.srboot.ddl.RefreshMoment;
import io.github.srboot.ddl.RefreshScheme;
import io.github.srboot.ddl.RefreshType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.StructField;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;
import io.github.srboot.ddl.ViewColumn;
import io.github.srboot.ddl.ViewSecurity;

/**
 * A seeded generator of valid, randomly shaped schema objects for property-style tests: every type (nested too), key
 * model, partitioning, distribution and refresh form, with hostile names, comments and property values.
 * <p>
 * Integer display widths are never generated: the parser reads {@code INT(11)} as {@code INT} on purpose.
 */
public final class RandomSchemaObjects {

    /** Names that try to break out of a backquoted identifier or look like syntax. */
    private static final List<String> HOSTILE_NAMES = List.of("select", "KEY", "index", "PARTITION", "order",
            "we`ird", "``", "a b", "semi;colon", "dash--dash", "slash/*star", "hash#tag", "quote'single",
            "quote\"double", "back\\slash", "订单", "naïve", "x)", "(y", "comment", "as", "1st");

    /** Text that tries to break out of a string literal or comment out the rest. */
    private static final List<String> HOSTILE_TEXT = List.of("", "plain", "it's", "say \"hi\"", "back\\slash\\",
            "line one\nline two", "tab\tand\rreturn", "-- not a comment", "/* not */ a comment", "# nor this",
            "semi; colon", "') DISTRIBUTED BY RANDOM; DROP TABLE x; --", "\\'", "\\\"", "`", "中文注释",
            "percent % and underscore _", "trailing backslash \\");

    private static final List<ScalarKind> KEY_KINDS = List.of(ScalarKind.TINYINT, ScalarKind.SMALLINT, ScalarKind.INT,
            ScalarKind.BIGINT, ScalarKind.LARGEINT, ScalarKind.DATE, ScalarKind.DATETIME, ScalarKind.VARCHAR,
            ScalarKind.CHAR, ScalarKind.BOOLEAN, ScalarKind.DECIMAL);

    private static final List<String> QUERIES = List.of("SELECT 1", "select a, b from t where c = 'x;y'",
            "SELECT `we``ird`, \"--not\" AS s FROM `db`.`t`\nWHERE a > 1 -- inner comment\n  AND b < 2",
            "/* leading */ SELECT count(*) FROM t GROUP BY k /* trailing */",
            "WITH x AS (SELECT 1 AS n) SELECT n FROM x UNION ALL SELECT 2", "SELECT '#' AS hash, ';' AS semi");

    private final Random random;

    /**
     * Creates a generator.
     * @param seed the seed; the same seed gives the same objects
     */
    public RandomSchemaObjects(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A random valid table.
     * @return the table
     */
    public Table table() {
        KeysType model = pick(KeysType.DUPLICATE, KeysType.AGGREGATE, KeysType.UNIQUE, KeysType.PRIMARY, null);
        boolean keysWritten = model != null;
        KeysType effective = (model != null) ? model : KeysType.DUPLICATE;
        Set<String> used = new HashSet<>();
        List<Column> columns = new ArrayList<>();
        int keyCount = keysWritten ? 1 + this.random.nextInt(3) : 0;
        for (int i = 0; i < keyCount; i++) {
            columns.add(keyColumn(uniqueName(used), effective));
        }
        int valueCount = 1 + this.random.nextInt(5);
        boolean autoIncrementUsed = false;
        for (int i = 0; i < valueCount; i++) {
            if (effective == KeysType.PRIMARY && !autoIncrementUsed && this.random.nextInt(4) == 0) {
                autoIncrementUsed = true;
                columns.add(Column.builder(uniqueName(used), DataType.BIGINT).nullable(false).autoIncrement(true)
                    .comment(maybe(this::text)).build());
            }
            else if (!keysWritten && columns.isEmpty()) {
                // Without a key clause the first column becomes the key, so it needs a type a key can have (FE
                // CreateTableAnalyzer: "Data type of first column cannot be %s").
                String name = uniqueName(used);
                Column first = valueColumn(name, effective);
                while (!(first.type() instanceof io.github.srboot.ddl.ScalarType scalar) || List.of(ScalarKind.FLOAT,
                        ScalarKind.DOUBLE, ScalarKind.JSON, ScalarKind.BITMAP, ScalarKind.HLL, ScalarKind.PERCENTILE)
                    .contains(scalar.kind())) {
                    first = valueColumn(name, effective);
                }
                columns.add(first);
            }
            else {
                columns.add(valueColumn(uniqueName(used), effective));
            }
        }
        if (effective != KeysType.AGGREGATE && this.random.nextInt(3) == 0) {
            String source = columns.get(0).name();
            columns.add(Column.builder(uniqueName(used), DataType.varchar(200))
                .nullable(this.random.nextBoolean() ? Boolean.TRUE : null)
                .generatedAs(pick("concat(" + quote(source) + ", 'a,b) COMMENT ''x''')", "upper(cast(" + quote(source)
                        + " AS VARCHAR(20)))", "coalesce(" + quote(source) + ", \"--\")"))
                .comment(maybe(this::text))
                .build());
        }
        Table.Builder table = Table.builder(name()).engine(pick("OLAP", "olap", null)).comment(maybe(this::text));
        columns.forEach(table::column);
        List<String> keyNames = columns.subList(0, keyCount).stream().map(Column::name).toList();
        if (keysWritten) {
            table.keys(new KeysDesc(model, keyNames));
        }
        List<String> names = columns.stream().map(Column::name).toList();
        Set<String> indexed = new HashSet<>();
        for (int i = this.random.nextInt(3); i > 0; i--) {
            IndexDef index = index(effective, columns, "idx_" + i);
            // One index per column (FE CreateTableAnalyzer: "same index columns have multiple index name is not
            // allowed").
            if (indexed.add(index.columns().get(0).toLowerCase(java.util.Locale.ROOT))) {
                table.index(index);
            }
        }
        table.partitionBy(partition(columns, keyCount));
        table.distributedBy(distribution(effective, columns, names));
        table.orderBy(orderBy(effective, keyNames, names).toArray(String[]::new));
        table.properties(properties());
        return table.build();
    }

    /**
     * A random valid view.
     * @return the view
     */
    public View view() {
        return new View(name(), viewColumns(), maybe(this::text), pick(ViewSecurity.NONE, ViewSecurity.INVOKER, null),
                pick(QUERIES.toArray(String[]::new)));
    }

    /**
     * A random valid materialized view.
     * @return the materialized view
     */
    public MaterializedView materializedView() {
        MaterializedView.Builder view = MaterializedView.builder(name(), pick(QUERIES.toArray(String[]::new)))
            .comment(maybe(this::text));
        List<ViewColumn> columns = viewColumns();
        columns.forEach((column) -> view.column(column.name(), column.comment()));
        List<String> names = columns.isEmpty() ? List.of("k") : columns.stream().map(ViewColumn::name).toList();
        if (this.random.nextBoolean()) {
            view.partitionBy(this.random.nextBoolean() ? ExpressionPartitionDesc.columns(names.get(0))
                    : ExpressionPartitionDesc.dateTrunc(pick(IntervalUnit.DAY, IntervalUnit.MONTH), names.get(0)));
        }
        if (this.random.nextBoolean()) {
            view.distributedBy(this.random.nextBoolean() ? new RandomDistribution(buckets())
                    : new HashDistribution(List.of(names.get(0)), buckets()));
        }
        if (this.random.nextBoolean()) {
            view.orderBy(names.get(0));
        }
        if (this.random.nextInt(4) > 0) {
            view.refresh(refresh());
        }
        properties().forEach(view::property);
        return view.build();
    }

    private RefreshScheme refresh() {
        RefreshMoment moment = pick(RefreshMoment.IMMEDIATE, RefreshMoment.DEFERRED, null);
        // Not INCREMENTAL: the printer refuses it (StarRocks' grammar after 4.1 has none).
        RefreshType type = pick(RefreshType.ASYNC, RefreshType.MANUAL);
        if (type != RefreshType.ASYNC || this.random.nextBoolean()) {
            return new RefreshScheme(moment, type, null, null);
        }
        Interval every = Interval.of(1 + this.random.nextInt(30),
                pick(IntervalUnit.MINUTE, IntervalUnit.HOUR, IntervalUnit.DAY, IntervalUnit.WEEK, IntervalUnit.MONTH));
        String start = this.random.nextBoolean() ? "2024-0" + (1 + this.random.nextInt(9)) + "-01 02:00:00" : null;
        return new RefreshScheme(moment, type, start, every);
    }

    private List<ViewColumn> viewColumns() {
        List<ViewColumn> columns = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = this.random.nextInt(4); i > 0; i--) {
            columns.add(new ViewColumn(uniqueName(used), maybe(this::text)));
        }
        return columns;
    }

    private Column keyColumn(String name, KeysType model) {
        Column.Builder column = Column.builder(name, scalar(pick(KEY_KINDS.toArray(ScalarKind[]::new))))
            .comment(maybe(this::text));
        column.nullable((model == KeysType.PRIMARY) ? pick(Boolean.FALSE, null) : pick(Boolean.TRUE, Boolean.FALSE, null));
        if ((model == KeysType.DUPLICATE || model == KeysType.AGGREGATE) && this.random.nextInt(4) == 0) {
            column.key(true);
        }
        return column.build();
    }

    private Column valueColumn(String name, KeysType model) {
        if (model == KeysType.AGGREGATE) {
            int choice = this.random.nextInt(6);
            DataType type = switch (choice) {
                case 0 -> DataType.HLL;
                case 1 -> DataType.BITMAP;
                case 2 -> DataType.PERCENTILE;
                default -> scalar(pick(ScalarKind.INT, ScalarKind.BIGINT, ScalarKind.DOUBLE, ScalarKind.DECIMAL));
            };
            AggregationType aggregation = switch (choice) {
                case 0 -> AggregationType.HLL_UNION;
                case 1 -> AggregationType.BITMAP_UNION;
                case 2 -> AggregationType.PERCENTILE_UNION;
                default -> pick(AggregationType.SUM, AggregationType.MAX, AggregationType.MIN, AggregationType.REPLACE,
                        AggregationType.REPLACE_IF_NOT_NULL);
            };
            return Column.builder(name, type).aggregation(aggregation).nullable(pick(Boolean.TRUE, Boolean.FALSE, null))
                .defaultValue((choice >= 3 && this.random.nextBoolean()) ? DefaultValue.literal("0") : null)
                .comment(maybe(this::text))
                .build();
        }
        DataType type = type(2);
        Column.Builder column = Column.builder(name, type).nullable(pick(Boolean.TRUE, Boolean.FALSE, null))
            .comment(maybe(this::text));
        if (type instanceof ScalarType scalar && this.random.nextBoolean()) {
            DefaultValue value = defaultFor(scalar);
            // StarRocks refuses DEFAULT NULL on a NOT NULL column (FE ColumnDefAnalyzer: "Invalid default value").
            if (!(value instanceof DefaultValue.Null && Boolean.FALSE.equals(column.build().nullable()))) {
                column.defaultValue(value);
            }
        }
        return column.build();
    }

    private DefaultValue defaultFor(io.github.srboot.ddl.ScalarType type) {
        return switch (type.kind()) {
            case JSON, BITMAP, HLL, PERCENTILE -> null;
            case DATETIME -> pick(DefaultValue.CURRENT_TIMESTAMP, DefaultValue.NULL,
                    DefaultValue.literal("2024-01-01 00:00:00"));
            case VARCHAR, STRING, CHAR -> {
                // FE ColumnDefAnalyzer.validateDefaultValue: a default fits the length (1 when none is written), and
                // uuid() needs a VARCHAR of 36 characters or more.
                int length = (type.length() != null) ? type.length() : 1;
                String text = text();
                DefaultValue literal = DefaultValue.literal(text.substring(0, Math.min(length, text.length())));
                yield (type.kind() != ScalarKind.CHAR && length >= 36)
                        ? pick(literal, DefaultValue.expression("uuid()"), DefaultValue.NULL)
                        : pick(literal, DefaultValue.NULL);
            }
            case LARGEINT -> pick(DefaultValue.expression("uuid_numeric()"), DefaultValue.literal("-1"));
            // Binary columns take only the empty string (FE ColumnDefAnalyzer.validateDefaultValue).
            case VARBINARY, BINARY -> pick(DefaultValue.literal(""), DefaultValue.NULL);
            default -> pick(DefaultValue.literal("0"), DefaultValue.NULL);
        };
    }

    private DataType type(int depth) {
        int choice = this.random.nextInt((depth > 0) ? 10 : 7);
        return switch (choice) {
            case 7 -> DataType.array(type(depth - 1));
            case 8 -> DataType.map(scalar(pick(ScalarKind.INT, ScalarKind.VARCHAR, ScalarKind.DATE)), type(depth - 1));
            case 9 -> {
                List<StructField> fields = new ArrayList<>();
                Set<String> used = new HashSet<>();
                for (int i = 1 + this.random.nextInt(3); i > 0; i--) {
                    fields.add(new StructField(uniqueName(used), type(depth - 1)));
                }
                yield DataType.struct(fields.toArray(StructField[]::new));
            }
            default -> scalar(pick(ScalarKind.values()));
        };
    }

    private DataType scalar(ScalarKind kind) {
        return switch (kind) {
            case DECIMAL, DECIMAL128 -> decimal(kind, 38);
            case DECIMAL64 -> decimal(kind, 18);
            case DECIMAL32 -> decimal(kind, 9);
            case CHAR -> this.random.nextInt(4) == 0 ? ScalarType.of(kind) : ScalarType.of(kind, 1 + this.random.nextInt(255));
            case VARCHAR, VARBINARY, BINARY -> this.random.nextInt(4) == 0 ? ScalarType.of(kind)
                    : ScalarType.of(kind, pick(1, 20, 255, 65533, 1048576));
            case BITMAP, HLL, PERCENTILE -> DataType.INT;
            default -> ScalarType.of(kind);
        };
    }

    private DataType decimal(ScalarKind kind, int maxPrecision) {
        int precision = 1 + this.random.nextInt(maxPrecision);
        return switch (this.random.nextInt(4)) {
            case 0 -> ScalarType.of(kind);
            case 1 -> ScalarType.of(kind, precision);
            default -> ScalarType.of(kind, precision, this.random.nextInt(precision + 1));
        };
    }

    private IndexDef index(KeysType model, List<Column> columnDefinitions, String fallbackName) {
        // Not VECTOR: it needs a NOT NULL ARRAY<FLOAT> column, which the generator does not aim for. GIN only on a
        // CHAR/VARCHAR/STRING column of a DUPLICATE or PRIMARY KEY table (FE InvertedIndexUtil, recorded in
        // ../shared/corpus/sql/sqltests/CASE_103 and CASE_105).
        List<String> textColumns = columnDefinitions.stream()
            .filter((column) -> column.type() instanceof io.github.srboot.ddl.ScalarType scalar
                    && (scalar.kind() == io.github.srboot.ddl.ScalarKind.CHAR
                            || scalar.kind() == io.github.srboot.ddl.ScalarKind.VARCHAR
                            || scalar.kind() == io.github.srboot.ddl.ScalarKind.STRING))
            .map(Column::name)
            .toList();
        boolean ginAllowed = !textColumns.isEmpty() && (model == KeysType.DUPLICATE || model == KeysType.PRIMARY);
        IndexType type = ginAllowed ? pick(IndexType.BITMAP, IndexType.GIN, IndexType.NGRAMBF)
                : pick(IndexType.BITMAP, IndexType.NGRAMBF);
        List<String> columns = (type == IndexType.GIN) ? textColumns
                : columnDefinitions.stream().map(Column::name).toList();
        Map<String, String> properties = new LinkedHashMap<>();
        if (type == IndexType.GIN) {
            properties.put("parser", pick("english", "chinese", "standard"));
        }
        else if (type == IndexType.NGRAMBF) {
            properties.put("gram_num", String.valueOf(2 + this.random.nextInt(4)));
            properties.put("bloom_filter_fpp", "0.05");
        }
        if (this.random.nextInt(4) == 0) {
            properties.put(text() + "k", text());
        }
        String name = this.random.nextBoolean() ? fallbackName : fallbackName + pick(HOSTILE_NAMES.toArray(String[]::new));
        return new IndexDef(name, List.of(pick(columns.toArray(String[]::new))), type, properties, maybe(this::text));
    }

    private PartitionDesc partition(List<Column> columns, int keyCount) {
        String column = columns.get(0).name();
        return switch (this.random.nextInt(6)) {
            case 0 -> {
                List<RangePartition> partitions = new ArrayList<>();
                Set<String> used = new HashSet<>();
                for (int i = this.random.nextInt(4); i > 0; i--) {
                    partitions.add(switch (this.random.nextInt(3)) {
                        case 0 -> RangePartition.lessThan(uniqueName(used), text());
                        case 1 -> RangePartition.fixed(uniqueName(used), text(), text());
                        default -> RangePartition.batch("2024-01-01", "2025-01-01",
                                this.random.nextBoolean() ? Interval.step(1 + this.random.nextInt(100))
                                        : Interval.of(1, pick(IntervalUnit.DAY, IntervalUnit.WEEK, IntervalUnit.MONTH,
                                                IntervalUnit.YEAR, IntervalUnit.HOUR)));
                    });
                }
                if (this.random.nextBoolean()) {
                    partitions.add(RangePartition.maxValue(uniqueName(used)));
                }
                yield new RangePartitionDesc(List.of(column), partitions);
            }
            case 1 -> {
                boolean twoColumns = columns.size() > 1 && this.random.nextBoolean();
                List<String> partitionColumns = twoColumns ? List.of(column, columns.get(1).name()) : List.of(column);
                List<ListPartition> partitions = new ArrayList<>();
                Set<String> used = new HashSet<>();
                for (int i = 1 + this.random.nextInt(3); i > 0; i--) {
                    List<List<String>> values = new ArrayList<>();
                    for (int v = 1 + this.random.nextInt(3); v > 0; v--) {
                        values.add(twoColumns ? List.of(text(), text()) : List.of(text()));
                    }
                    partitions.add(new ListPartition(uniqueName(used), values));
                }
                yield new ListPartitionDesc(partitionColumns, partitions);
            }
            case 2 -> ExpressionPartitionDesc.columns(columns.subList(0, Math.max(1, Math.min(2, keyCount)))
                .stream().map(Column::name).toArray(String[]::new));
            case 3 -> this.random.nextBoolean() ? ExpressionPartitionDesc.dateTrunc(pick(IntervalUnit.values()), column)
                    : ExpressionPartitionDesc.timeSlice(column, Interval.of(1 + this.random.nextInt(12), IntervalUnit.HOUR));
            default -> null;
        };
    }

    private DistributionDesc distribution(KeysType model, List<Column> columns, List<String> names) {
        // FE CreateTableAnalyzer as StarRocks main words it (../shared/corpus/sql/sqltests/CASE_133): RANDOM only for
        // DUPLICATE KEY tables, and AGGREGATE and UNIQUE KEY tables need the clause.
        boolean randomAllowed = model == KeysType.DUPLICATE;
        boolean defaultAllowed = model == KeysType.DUPLICATE || model == KeysType.PRIMARY;
        return switch (this.random.nextInt(3)) {
            case 0 -> defaultAllowed ? null : new HashDistribution(List.of(names.get(0)), buckets());
            case 1 -> randomAllowed ? new RandomDistribution(buckets())
                    : new HashDistribution(List.of(names.get(0)), buckets());
            default -> new HashDistribution(names.subList(0, 1 + this.random.nextInt(Math.min(2, names.size()))),
                    buckets());
        };
    }

    private List<String> orderBy(KeysType model, List<String> keyNames, List<String> names) {
        if (this.random.nextBoolean()) {
            return List.of();
        }
        if (model == KeysType.AGGREGATE || model == KeysType.UNIQUE) {
            return keyNames;
        }
        return names.subList(0, 1 + this.random.nextInt(Math.min(3, names.size())));
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = this.random.nextInt(4); i > 0; i--) {
            properties.put(pick("replication_num", "storage_medium", "compression", "bloom_filter_columns") + i,
                    text());
        }
        if (this.random.nextBoolean()) {
            properties.put(pick(HOSTILE_TEXT.toArray(String[]::new)) + "key", pick(HOSTILE_TEXT.toArray(String[]::new)));
        }
        return properties;
    }

    private Integer buckets() {
        return this.random.nextBoolean() ? null : 1 + this.random.nextInt(64);
    }

    private String name() {
        return this.random.nextBoolean() ? plainName() : pick(HOSTILE_NAMES.toArray(String[]::new)) + plainName();
    }

    private String uniqueName(Set<String> used) {
        while (true) {
            String candidate = this.random.nextInt(3) == 0 ? pick(HOSTILE_NAMES.toArray(String[]::new)) : plainName();
            if (used.add(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }

    private String plainName() {
        String letters = "abcdefghijklmnopqrstuvwxyz_";
        StringBuilder name = new StringBuilder();
        for (int i = 1 + this.random.nextInt(10); i > 0; i--) {
            name.append(letters.charAt(this.random.nextInt(letters.length())));
        }
        return name.toString();
    }

    private String text() {
        return pick(HOSTILE_TEXT.toArray(String[]::new));
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private <T> T maybe(java.util.function.Supplier<T> supplier) {
        return this.random.nextBoolean() ? supplier.get() : null;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[this.random.nextInt(choices.length)];
    }

}
