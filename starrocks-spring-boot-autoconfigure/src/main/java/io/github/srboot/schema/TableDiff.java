package io.github.srboot.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.srboot.ddl.AggregationType;
import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.ColumnPosition;
import io.github.srboot.ddl.DdlStatement;
import io.github.srboot.ddl.DistributionDesc;
import io.github.srboot.ddl.ExpressionPartitionDesc;
import io.github.srboot.ddl.HashDistribution;
import io.github.srboot.ddl.IndexDef;
import io.github.srboot.ddl.IndexType;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.ListPartition;
import io.github.srboot.ddl.ListPartitionDesc;
import io.github.srboot.ddl.RandomDistribution;
import io.github.srboot.ddl.RangePartition;
import io.github.srboot.ddl.RangePartitionDesc;
import io.github.srboot.ddl.Table;

/**
 * Compares one table as it is with the table as desired and lists the changes, in the order they may run: columns
 * (one grouped job), sort key, distribution, indexes, partitions, comment, properties.
 */
final class TableDiff {

    private static final String REBUILD = "create the new table under another name, copy the data with "
            + "INSERT INTO <new> SELECT ... FROM <old>, then ALTER TABLE <old> SWAP WITH <new> and drop the old one";

    private static final String DROPS_NOT_ALLOWED = "drops are not allowed; set starrocks.schema.allow-drop=true "
            + "(or pass allowDrop) to drop it, or add it to the desired schema";

    private final Table actual;

    private final Table desired;

    private final boolean allowDrop;

    private final ObjectRef object;

    private final List<SchemaChange> changes = new ArrayList<>();

    private TableDiff(Table actual, Table desired, boolean allowDrop) {
        this.actual = actual;
        this.desired = desired;
        this.allowDrop = allowDrop;
        this.object = ObjectRef.of(desired);
    }

    /**
     * The changes that turn one table into the other.
     * @param actual the table as it is
     * @param desired the table as desired
     * @param allowDrop whether columns and partitions that are not desired may be dropped
     * @return the changes in execution order, empty when the tables are equal
     */
    static List<SchemaChange> compare(Table actual, Table desired, boolean allowDrop) {
        TableDiff diff = new TableDiff(actual, desired, allowDrop);
        boolean keysMatch = diff.keys();
        diff.columns(keysMatch);
        diff.sortKey();
        diff.distribution();
        diff.indexes();
        diff.partitions();
        diff.comment();
        diff.properties();
        return diff.changes;
    }

    // --- keys ---------------------------------------------------------------------------------------------------

    private boolean keys() {
        KeysType actualModel = this.actual.keysType();
        KeysType desiredModel = this.desired.keysType();
        List<String> actualKeys = keyColumns(this.actual);
        boolean same;
        String wanted;
        if (this.desired.keys() != null || desiredModel == KeysType.AGGREGATE) {
            // A key clause, or the AGGREGATE KEY table StarRocks makes without one when columns have aggregations.
            same = actualModel == desiredModel && Normal.sameNames(actualKeys, this.desired.keyColumns());
            wanted = desiredModel + " KEY(" + String.join(", ", this.desired.keyColumns()) + ")";
        }
        else {
            // Without a key clause the server picks leading columns as DUPLICATE KEY; which ones depends on types
            // and version, so any leading run of columns is what the user asked for.
            same = actualModel == KeysType.DUPLICATE
                    && Normal.isPrefix(this.actual.columns().stream().map(Column::name).toList(), actualKeys);
            wanted = "DUPLICATE KEY on leading columns (no key clause)";
        }
        if (!same) {
            refuse(ChangeKind.KEYS, List.of("keys: " + actualModel + " KEY(" + String.join(", ", actualKeys)
                    + ") -> " + wanted), "StarRocks cannot change the key model or the key columns of a table",
                    REBUILD);
        }
        return same;
    }

    private static List<String> keyColumns(Table table) {
        return table.keyColumns();
    }

    private boolean isKeyColumn(Table table, String column) {
        return Normal.fold(keyColumns(table)).contains(Normal.fold(column));
    }

    // --- columns ------------------------------------------------------------------------------------------------

    private void columns(boolean keysMatch) {
        List<AlterClause> clauses = new ArrayList<>();
        List<String> details = new ArrayList<>();
        boolean destructive = false;
        List<String> desiredNames = Normal.fold(this.desired.columns().stream().map(Column::name).toList());
        Set<String> actualNames = new HashSet<>(Normal.fold(this.actual.columns().stream().map(Column::name).toList()));
        Set<String> present = new HashSet<>(actualNames);

        for (int i = 0; i < this.desired.columns().size(); i++) {
            Column wanted = this.desired.columns().get(i);
            Column existing = this.actual.column(wanted.name());
            if (existing == null) {
                if (!keysMatch && isKeyColumn(this.desired, wanted.name())) {
                    continue; // the key refusal covers it: a new key column means rebuilding the table
                }
                AlterClause add = addColumn(wanted, i, desiredNames, actualNames, present);
                if (add != null) {
                    clauses.add(add);
                    present.add(Normal.fold(wanted.name()));
                    details.add("add column " + wanted.name() + " " + wanted.type().sql()
                            + position(((AlterClause.AddColumn) add).position()));
                }
            }
            else {
                Modification modification = modifyColumn(existing, wanted, details);
                if (modification != null) {
                    clauses.add(modification.clause());
                    destructive |= modification.lossy();
                }
            }
        }
        for (Column existing : this.actual.columns()) {
            if (this.desired.column(existing.name()) == null) {
                AlterClause drop = dropColumn(existing, keysMatch);
                if (drop != null) {
                    clauses.add(drop);
                    details.add("drop column " + existing.name() + " (its data is lost)");
                    destructive = true;
                }
            }
        }
        if (!clauses.isEmpty()) {
            this.changes.add(new SchemaChange.Executable(ChangeKind.COLUMNS, this.object, details,
                    List.of(new AlterTable(this.object.objectName(), clauses)), true, destructive));
        }
    }

    private AlterClause addColumn(Column wanted, int index, List<String> desiredNames, Set<String> actualNames,
            Set<String> present) {
        String subject = "add column " + wanted.name() + " " + wanted.type().sql();
        if (wanted.autoIncrement()) {
            refuse(ChangeKind.COLUMN, List.of(subject + " AUTO_INCREMENT"),
                    "StarRocks cannot add an AUTO_INCREMENT column to an existing table", REBUILD);
            return null;
        }
        boolean primaryKey = this.actual.keysType() == KeysType.PRIMARY && isKeyColumn(this.desired, wanted.name());
        if (!Normal.nullable(wanted, primaryKey) && Normal.defaultValue(wanted) == null && !wanted.isGenerated()) {
            refuse(ChangeKind.COLUMN, List.of(subject + " NOT NULL"),
                    "StarRocks cannot add a NOT NULL column without a DEFAULT (existing rows need a value)",
                    "give the column a DEFAULT in the desired schema, or make it NULL");
            return null;
        }
        return new AlterClause.AddColumn(wanted, addPosition(index, desiredNames, actualNames, present));
    }

    /**
     * Where a new column goes: nowhere when every desired column after it is new too (it is appended), else after
     * the nearest desired column before it that exists or is added in the same statement, or first.
     */
    private ColumnPosition addPosition(int index, List<String> desiredNames, Set<String> actualNames,
            Set<String> present) {
        Column wanted = this.desired.columns().get(index);
        if (wanted.isGenerated()) {
            return null; // generated columns always come after the ordinary ones
        }
        boolean existingFollows = desiredNames.subList(index + 1, desiredNames.size()).stream()
                .anyMatch(actualNames::contains);
        if (!existingFollows) {
            return null;
        }
        for (int before = index - 1; before >= 0; before--) {
            if (present.contains(desiredNames.get(before))) {
                return ColumnPosition.after(this.desired.columns().get(before).name());
            }
        }
        return ColumnPosition.first();
    }

    private static String position(ColumnPosition position) {
        if (position == null) {
            return "";
        }
        return (position instanceof ColumnPosition.After after) ? " after " + after.column() : " first";
    }

    private AlterClause dropColumn(Column existing, boolean keysMatch) {
        String subject = "drop column " + existing.name();
        if (isKeyColumn(this.actual, existing.name())) {
            if (keysMatch) {
                refuse(ChangeKind.COLUMN, List.of(subject + " (a key column)"),
                        "StarRocks cannot drop a key column", REBUILD);
            }
            return null;
        }
        if (Normal.partitionColumns(this.actual.partition()).contains(Normal.fold(existing.name()))
                || isExpressionPartitionColumn(existing.name())) {
            refuse(ChangeKind.COLUMN, List.of(subject + " (a partition column)"),
                    "StarRocks cannot drop a partition column", REBUILD);
            return null;
        }
        if (this.actual.distribution() instanceof HashDistribution hash
                && Normal.fold(hash.columns()).contains(Normal.fold(existing.name()))) {
            refuse(ChangeKind.COLUMN, List.of(subject + " (a distribution column)"),
                    "StarRocks cannot drop a distribution column",
                    "change DISTRIBUTED BY first (a separate migration), then drop the column");
            return null;
        }
        if (!this.allowDrop) {
            this.changes.add(new SchemaChange.Reported(ChangeKind.COLUMN, this.object,
                    List.of("column " + existing.name() + " exists but is not desired"), DROPS_NOT_ALLOWED));
            return null;
        }
        return new AlterClause.DropColumn(existing.name());
    }

    private boolean isExpressionPartitionColumn(String column) {
        if (!(this.actual.partition() instanceof ExpressionPartitionDesc expression)) {
            return false;
        }
        String normal = SqlNormalizer.normalize(String.join(" , ", expression.expressions()));
        return List.of(normal.split(" ")).contains(Normal.fold(column));
    }

    /**
     * Compares an existing column with its desired definition. Changes StarRocks makes are returned as one
     * {@code MODIFY COLUMN} carrying the complete new definition; the others are refused one by one.
     */
    private Modification modifyColumn(Column existing, Column wanted, List<String> details) {
        String name = existing.name();
        KeysType model = this.actual.keysType();
        boolean key = isKeyColumn(this.actual, name);
        boolean primaryKey = model == KeysType.PRIMARY && key;
        boolean uniqueOrPrimaryKey = key && (model == KeysType.PRIMARY || model == KeysType.UNIQUE);
        boolean partitionColumn = Normal.partitionColumns(this.actual.partition()).contains(Normal.fold(name))
                || isExpressionPartitionColumn(name);
        boolean distributionColumn = this.actual.distribution() instanceof HashDistribution hash
                && Normal.fold(hash.columns()).contains(Normal.fold(name));

        Column.Builder modified = Column.builder(existing.name(), existing.type())
                .key(key && (model == KeysType.DUPLICATE || model == KeysType.AGGREGATE))
                .aggregation(existing.aggregation())
                .nullable(Normal.nullable(existing, primaryKey))
                .defaultValue(existing.defaultValue())
                .autoIncrement(existing.autoIncrement())
                .generatedAs(existing.generatedAs())
                .comment(existing.comment());
        List<String> modifications = new ArrayList<>();
        boolean lossy = false;

        if (!Objects.equals(Normal.generated(existing), Normal.generated(wanted))
                || existing.autoIncrement() != wanted.autoIncrement()) {
            refuse(ChangeKind.COLUMN, List.of("column " + name + ": "
                    + describeKind(existing) + " -> " + describeKind(wanted)),
                    "StarRocks cannot modify generated or AUTO_INCREMENT columns, nor turn an ordinary column into "
                            + "one of them",
                    "drop column " + name + " and add it again with the new definition in two migrations "
                            + "(its values are recomputed or lost)");
            return null;
        }

        TypeChanges.Verdict verdict = TypeChanges.check(existing.type(), wanted.type());
        String typeChange = "column " + name + ": type " + existing.type().sql() + " -> " + wanted.type().sql();
        if (verdict.outcome() != TypeChanges.Outcome.SAME) {
            if (uniqueOrPrimaryKey || partitionColumn || distributionColumn) {
                String role = uniqueOrPrimaryKey ? "a key column of a " + model + " KEY table"
                        : partitionColumn ? "a partition column" : "a distribution column";
                refuse(ChangeKind.COLUMN, List.of(typeChange), "StarRocks cannot change the type of " + role,
                        REBUILD);
            }
            else if (verdict.outcome() == TypeChanges.Outcome.REFUSED) {
                refuse(ChangeKind.COLUMN, List.of(typeChange), verdict.reason(),
                        "add a new column of the new type, fill it with UPDATE or INSERT INTO ... SELECT, drop the "
                                + "old column; or " + REBUILD);
            }
            else {
                modified.type(wanted.type());
                lossy = verdict.outcome() == TypeChanges.Outcome.LOSSY;
                modifications.add(typeChange + (verdict.outcome() == TypeChanges.Outcome.LOSSY
                        ? " (values that do not convert fail the job or may lose precision)" : ""));
            }
        }

        boolean existingNullable = Normal.nullable(existing, primaryKey);
        boolean wantedNullable = Normal.nullable(wanted, model == KeysType.PRIMARY && key);
        if (existingNullable != wantedNullable) {
            String change = "column " + name + ": " + (existingNullable ? "NULL -> NOT NULL" : "NOT NULL -> NULL");
            if (existingNullable) {
                refuse(ChangeKind.COLUMN, List.of(change), "StarRocks cannot change a column from NULL to NOT NULL",
                        "add a NOT NULL column with a DEFAULT, copy the values, drop the old column; or " + REBUILD);
            }
            else if (primaryKey) {
                refuse(ChangeKind.COLUMN, List.of(change), "PRIMARY KEY columns are always NOT NULL", REBUILD);
            }
            else {
                modified.nullable(true);
                modifications.add(change);
            }
        }

        if (!Objects.equals(Normal.defaultValue(existing), Normal.defaultValue(wanted))) {
            refuse(ChangeKind.COLUMN, List.of("column " + name + ": default " + describeDefault(existing) + " -> "
                    + describeDefault(wanted)), "StarRocks cannot change the default of an existing column",
                    "add a new column with the new default, copy the values, drop the old column; or " + REBUILD);
        }

        AggregationType existingAggregation = Normal.aggregation(existing, model, key);
        AggregationType wantedAggregation = Normal.aggregation(wanted, model, key);
        if (existingAggregation != wantedAggregation) {
            refuse(ChangeKind.COLUMN, List.of("column " + name + ": aggregation " + existingAggregation + " -> "
                    + wantedAggregation), "StarRocks cannot change the aggregation type of a column", REBUILD);
        }

        if (!Normal.comment(existing.comment()).equals(Normal.comment(wanted.comment()))) {
            modified.comment(wanted.comment());
            modifications.add("column " + name + ": comment '" + Normal.comment(existing.comment()) + "' -> '"
                    + Normal.comment(wanted.comment()) + "'");
        }

        if (modifications.isEmpty()) {
            return null;
        }
        if (existing.isGenerated()) {
            refuse(ChangeKind.COLUMN, modifications, "StarRocks cannot modify a generated column",
                    "drop column " + name + " and add it again with the new definition in two migrations "
                            + "(its values are recomputed)");
            return null;
        }
        details.addAll(modifications);
        return new Modification(new AlterClause.ModifyColumn(modified.build(), null), lossy);
    }

    /** A MODIFY COLUMN clause and whether its conversion can lose values. */
    private record Modification(AlterClause clause, boolean lossy) {
    }

    private static String describeKind(Column column) {
        if (column.autoIncrement()) {
            return "AUTO_INCREMENT";
        }
        return column.isGenerated() ? "AS " + column.generatedAs() : "ordinary column";
    }

    private static String describeDefault(Column column) {
        String normal = Normal.defaultValue(column);
        return (normal != null) ? normal : "none";
    }

    // --- sort key, distribution --------------------------------------------------------------------------------

    private void sortKey() {
        List<String> keys = keyColumns(this.actual);
        List<String> actualOrder = this.actual.orderBy().isEmpty() ? keys : this.actual.orderBy();
        // Without ORDER BY the sort key is the key columns.
        List<String> desiredOrder = this.desired.orderBy().isEmpty() ? keys : this.desired.orderBy();
        if (desiredOrder.isEmpty() || Normal.sameNames(actualOrder, desiredOrder)) {
            return;
        }
        this.changes.add(new SchemaChange.Executable(ChangeKind.SORT_KEY, this.object,
                List.of("sort key (" + String.join(", ", actualOrder) + ") -> (" + String.join(", ", desiredOrder)
                        + ")"),
                List.of(alter(new AlterClause.ModifyOrderBy(desiredOrder))), true, false));
    }

    private void distribution() {
        DistributionDesc actualDistribution = this.actual.distribution();
        DistributionDesc wanted = (this.desired.distribution() != null) ? this.desired.distribution()
                : defaultDistribution();
        if (wanted == null || actualDistribution == null) {
            return;
        }
        boolean compareBuckets = Normal.buckets(wanted) != null;
        String from = Normal.distribution(actualDistribution, true);
        String to = Normal.distribution(wanted, compareBuckets);
        if (Normal.distribution(actualDistribution, compareBuckets).equals(to)) {
            return;
        }
        String detail = "distribution " + from + " -> " + to;
        if (wanted instanceof RandomDistribution && this.actual.keysType() != KeysType.DUPLICATE) {
            refuse(ChangeKind.DISTRIBUTION, List.of(detail),
                    "only DUPLICATE KEY tables can be distributed at random", REBUILD);
            return;
        }
        String colocateGroup = Normal.properties(this.actual.properties()).get("colocate_with");
        if (colocateGroup != null && !colocateGroup.isBlank()) {
            refuse(ChangeKind.DISTRIBUTION, List.of(detail), "StarRocks cannot redistribute a table of a colocation "
                    + "group (colocate_with = " + colocateGroup + ")",
                    "remove the table from the group (SET (\"colocate_with\" = \"\")) in one migration, change "
                            + "DISTRIBUTED BY in the next");
            return;
        }
        this.changes.add(new SchemaChange.Executable(ChangeKind.DISTRIBUTION, this.object, List.of(detail),
                List.of(alter(new AlterClause.ModifyDistribution(wanted))), true, false));
    }

    /** What the server chooses without DISTRIBUTED BY: PRIMARY KEY tables hash their key, others go random. */
    private DistributionDesc defaultDistribution() {
        if (this.actual.keysType() == KeysType.PRIMARY) {
            return new HashDistribution(keyColumns(this.actual), null);
        }
        return (this.actual.keysType() == KeysType.DUPLICATE) ? new RandomDistribution(null) : null;
    }

    // --- indexes ------------------------------------------------------------------------------------------------

    private void indexes() {
        Map<String, IndexDef> existing = new LinkedHashMap<>();
        this.actual.indexes().forEach(index -> existing.put(Normal.fold(index.name()), index));
        for (IndexDef wanted : this.desired.indexes()) {
            IndexDef current = existing.remove(Normal.fold(wanted.name()));
            if (current == null) {
                this.changes.add(new SchemaChange.Executable(ChangeKind.ADD_INDEX, this.object,
                        List.of("add " + wanted.type() + " index " + wanted.name() + " on ("
                                + String.join(", ", wanted.columns()) + ")"),
                        List.of(alter(new AlterClause.AddIndex(wanted))), asynchronous(wanted), false));
            }
            else if (!sameIndex(current, wanted)) {
                this.changes.add(new SchemaChange.Executable(ChangeKind.ADD_INDEX, this.object,
                        List.of("replace index " + wanted.name() + ": " + current.type() + " ("
                                + String.join(", ", current.columns()) + ") -> " + wanted.type() + " ("
                                + String.join(", ", wanted.columns()) + ")"),
                        List.of(alter(new AlterClause.DropIndex(current.name())),
                                alter(new AlterClause.AddIndex(wanted))),
                        asynchronous(wanted), false));
            }
        }
        for (IndexDef unwanted : existing.values()) {
            this.changes.add(new SchemaChange.Executable(ChangeKind.DROP_INDEX, this.object,
                    List.of("drop index " + unwanted.name()),
                    List.of(alter(new AlterClause.DropIndex(unwanted.name()))), false, false));
        }
    }

    private static boolean asynchronous(IndexDef index) {
        return index.type() != IndexType.BITMAP;
    }

    static boolean sameIndex(IndexDef first, IndexDef second) {
        return first.type() == second.type() && Normal.sameNames(first.columns(), second.columns())
                && Normal.indexProperties(first).equals(Normal.indexProperties(second))
                && Normal.comment(first.comment()).equals(Normal.comment(second.comment()));
    }

    // --- partitions ---------------------------------------------------------------------------------------------

    private void partitions() {
        String actualScheme = Normal.partitionScheme(this.actual.partition());
        String desiredScheme = Normal.partitionScheme(this.desired.partition());
        if (!actualScheme.equals(desiredScheme)) {
            refuse(ChangeKind.PARTITION_SCHEME, List.of("partitioning " + actualScheme + " -> " + desiredScheme),
                    "StarRocks cannot change how a table is partitioned", REBUILD);
            return;
        }
        if (dynamicPartitioning()) {
            return; // the server creates and drops the partitions itself
        }
        if (this.desired.partition() instanceof RangePartitionDesc wanted
                && this.actual.partition() instanceof RangePartitionDesc current && !wanted.partitions().isEmpty()) {
            rangePartitions(current, wanted);
        }
        if (this.desired.partition() instanceof ListPartitionDesc wanted
                && this.actual.partition() instanceof ListPartitionDesc current && !wanted.partitions().isEmpty()) {
            listPartitions(current, wanted);
        }
    }

    private boolean dynamicPartitioning() {
        return "true".equalsIgnoreCase(Normal.properties(this.desired.properties()).get("dynamic_partition.enable"))
                || "true".equalsIgnoreCase(
                        Normal.properties(this.actual.properties()).get("dynamic_partition.enable"));
    }

    private void rangePartitions(RangePartitionDesc current, RangePartitionDesc wanted) {
        List<RangeBounds.Bound> existing = new ArrayList<>(RangeBounds.expand(current.partitions()));
        List<RangeBounds.Bound> desiredBounds;
        try {
            desiredBounds = RangeBounds.expand(wanted.partitions());
        }
        catch (IllegalArgumentException ex) {
            refuse(ChangeKind.PARTITION, List.of("partitions of " + this.object.name()), ex.getMessage(),
                    "declare the partitions as fixed ranges VALUES [(lower), (upper))");
            return;
        }
        for (RangeBounds.Bound bound : desiredBounds) {
            boolean fromBatch = bound.declared() instanceof RangePartition.Batch;
            RangeBounds.Bound match = null;
            for (RangeBounds.Bound candidate : existing) {
                boolean sameName = candidate.name().equalsIgnoreCase(bound.name());
                if (fromBatch ? bound.sameRange(candidate) && candidate.lower() != null
                        && bound.lower() != null : sameName) {
                    match = candidate;
                    break;
                }
            }
            if (match == null) {
                RangePartition add = fromBatch ? RangePartition.fixed(bound.name(), bound.lower().get(0),
                        bound.upper().get(0)) : bound.declared();
                this.changes.add(new SchemaChange.Executable(ChangeKind.ADD_PARTITION, this.object,
                        List.of("add partition " + bound.name() + " " + describe(bound)),
                        List.of(alter(new AlterClause.AddPartition(add, false))), false, false));
                continue;
            }
            existing.remove(match);
            if (!fromBatch && !bound.sameRange(match)) {
                refuse(ChangeKind.PARTITION, List.of("partition " + bound.name() + ": " + describe(match) + " -> "
                        + describe(bound)), "StarRocks cannot change the bounds of a partition",
                        "drop partition " + bound.name()
                                + " (its data is lost), add it again with the new bounds and reload its data");
            }
        }
        for (RangeBounds.Bound unwanted : existing) {
            dropPartition(unwanted.name(), describe(unwanted));
        }
    }

    private static String describe(RangeBounds.Bound bound) {
        return "[" + (bound.lower() != null ? bound.lower() : "MIN") + ", "
                + (bound.upper() != null ? bound.upper() : "MAXVALUE") + ")";
    }

    private void listPartitions(ListPartitionDesc current, ListPartitionDesc wanted) {
        Map<String, ListPartition> existing = new LinkedHashMap<>();
        current.partitions().forEach(partition -> existing.put(partition.name().toLowerCase(Locale.ROOT), partition));
        for (ListPartition partition : wanted.partitions()) {
            ListPartition match = existing.remove(partition.name().toLowerCase(Locale.ROOT));
            if (match == null) {
                this.changes.add(new SchemaChange.Executable(ChangeKind.ADD_PARTITION, this.object,
                        List.of("add partition " + partition.name() + " IN " + partition.values()),
                        List.of(alter(new AlterClause.AddPartition(partition, false))), false, false));
            }
            else if (!new HashSet<>(match.values()).equals(new HashSet<>(partition.values()))) {
                refuse(ChangeKind.PARTITION, List.of("partition " + partition.name() + ": IN " + match.values()
                        + " -> IN " + partition.values()), "StarRocks cannot change the values of a list partition",
                        "drop partition " + partition.name()
                                + " (its data is lost), add it again with the new values and reload its data");
            }
        }
        for (ListPartition unwanted : existing.values()) {
            dropPartition(unwanted.name(), "IN " + unwanted.values());
        }
    }

    private void dropPartition(String name, String description) {
        String detail = "partition " + name + " " + description + " exists but is not declared";
        if (!this.allowDrop) {
            this.changes.add(new SchemaChange.Reported(ChangeKind.UNEXPECTED_OBJECT, this.object, List.of(detail),
                    DROPS_NOT_ALLOWED));
            return;
        }
        this.changes.add(new SchemaChange.Executable(ChangeKind.DROP_PARTITION, this.object,
                List.of(detail + "; dropped with its data"),
                List.of(alter(new AlterClause.DropPartition(name, false, false))), false, true));
    }

    // --- comment, properties ------------------------------------------------------------------------------------

    private void comment() {
        String from = Normal.comment(this.actual.comment());
        String to = Normal.comment(this.desired.comment());
        if (!Normal.tableComment(this.actual.comment()).equals(Normal.tableComment(this.desired.comment()))) {
            this.changes.add(new SchemaChange.Executable(ChangeKind.TABLE_COMMENT, this.object,
                    List.of("comment '" + from + "' -> '" + to + "'"),
                    List.of(alter(new AlterClause.SetComment(to))), false, false));
        }
    }

    private void properties() {
        Map<String, String> existing = Normal.properties(this.actual.properties());
        boolean partitioned = this.actual.partition() != null;
        for (Map.Entry<String, String> property : this.desired.properties().entrySet()) {
            String key = property.getKey().toLowerCase(Locale.ROOT);
            String current = existing.get(key);
            String wanted = PropertyRules.keptValue(key, property.getValue(), this.desired);
            if ((current == null && PropertyRules.notPrinted(key, this.desired))
                    || PropertyRules.sameValue(key, current, wanted)) {
                continue;
            }
            String detail = "property " + property.getKey() + ": " + (current != null ? "'" + current + "'" : "unset")
                    + " -> '" + property.getValue() + "'";
            if (PropertyRules.immutable(key)) {
                refuse(ChangeKind.IMMUTABLE_PROPERTY, List.of(detail),
                        "StarRocks only accepts " + property.getKey() + " in CREATE TABLE", REBUILD);
                continue;
            }
            // A partitioned table keeps replication_num and storage_medium per partition; the table-level
            // setting that new partitions inherit is the "default." one.
            String setKey = (partitioned && (key.equals("replication_num") || key.equals("storage_medium")))
                    ? "default." + key : property.getKey();
            this.changes.add(new SchemaChange.Executable(ChangeKind.PROPERTY, this.object, List.of(detail),
                    List.of(alter(new AlterClause.SetProperties(Map.of(setKey, property.getValue())))),
                    PropertyRules.asynchronous(key), false));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private DdlStatement alter(AlterClause clause) {
        return new AlterTable(this.object.objectName(), List.of(clause));
    }

    private void refuse(ChangeKind kind, List<String> details, String reason, String manualPath) {
        this.changes.add(new SchemaChange.Refused(kind, this.object, details, reason, manualPath));
    }

}
