package io.github.srboot.streamload.cdc;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * How {@link StreamLoadTemplate#applyChanges} lands change records: delete mode, audit column names, ordering,
 * partial updates, batching, target table set-up and the options of the underlying loads. Immutable; start from
 * {@link #builder()}.
 *
 * @param deleteMode hard ({@code __op = 1}) or soft (audit columns) deletes
 * @param auditColumns the audit column names
 * @param ordered whether upserts and soft deletes carry {@code merge_condition} on the version audit column, so a
 * stale change never overwrites a newer row
 * @param partialUpdateMode {@code partial_update_mode} of partial updates, or {@code null} for the server's default
 * (row mode); {@code COLUMN} only with {@code ordered = false}, since StarRocks does not apply {@code merge_condition}
 * to column-mode partial updates
 * @param maxBatchChanges changes buffered before they are loaded
 * @param maxBatchInterval longest wait before buffered changes are loaded
 * @param createTable whether a missing target table is created (Primary Key table with the audit columns) from
 * the first records' shape; needs {@code schema}
 * @param schemaEvolution whether a column the table lacks is added before loading; needs {@code schema}
 * @param schema the DDL access for table creation and schema evolution, or {@code null}
 * @param tableProperties {@code PROPERTIES} of created tables (e.g. {@code replication_num})
 * @param decimalType the StarRocks type of {@code BigDecimal} values in created or added columns
 * @param stringType the StarRocks type of {@code String} values in created or added columns
 * @param mapsAsMapType whether {@code Map} values make {@code MAP<K, V>} columns (typed from the first entry)
 * instead of {@code JSON} columns
 * @param loadOptions options of every load (timeout, label prefix, strict mode, filter ratio, extra headers);
 * format, columns, operation, partial update and merge condition are set per load by the CDC path
 * @param clock the clock of the {@code syncedAt} audit column (UTC)
 */
public record CdcOptions(DeleteMode deleteMode, AuditColumns auditColumns, boolean ordered,
        PartialUpdateMode partialUpdateMode, int maxBatchChanges, Duration maxBatchInterval, boolean createTable,
        SchemaEvolution schemaEvolution, CdcSchema schema, Map<String, String> tableProperties, DataType decimalType,
        DataType stringType, boolean mapsAsMapType, LoadOptions loadOptions, Clock clock) {

    /** Default number of changes per batch. */
    public static final int DEFAULT_MAX_BATCH_CHANGES = 10_000;

    /** Default longest wait of a buffered change. */
    public static final Duration DEFAULT_MAX_BATCH_INTERVAL = Duration.ofSeconds(1);

    /** {@code DECIMAL(38, 9)}: the default type of {@code BigDecimal} values. */
    public static final DataType DEFAULT_DECIMAL_TYPE = ScalarType.of(ScalarKind.DECIMAL, 38, 9);

    /** {@code STRING}: the default type of {@code String} values. */
    public static final DataType DEFAULT_STRING_TYPE = ScalarType.of(ScalarKind.STRING);

    /**
     * Checks the options.
     */
    public CdcOptions {
        Objects.requireNonNull(deleteMode, "deleteMode");
        Objects.requireNonNull(auditColumns, "auditColumns");
        Objects.requireNonNull(schemaEvolution, "schemaEvolution");
        Objects.requireNonNull(decimalType, "decimalType");
        Objects.requireNonNull(stringType, "stringType");
        Objects.requireNonNull(loadOptions, "loadOptions");
        Objects.requireNonNull(clock, "clock");
        if (maxBatchChanges < 1) {
            throw new IllegalArgumentException("maxBatchChanges must be at least 1, got " + maxBatchChanges);
        }
        if (maxBatchInterval == null || maxBatchInterval.isNegative() || maxBatchInterval.isZero()) {
            throw new IllegalArgumentException("maxBatchInterval must be positive, got " + maxBatchInterval);
        }
        if ((createTable || schemaEvolution != SchemaEvolution.NONE) && schema == null) {
            throw new IllegalArgumentException("createTable and schemaEvolution need a CdcSchema (e.g. "
                    + "CdcSchema.of(starRocksTemplate)) to run DDL through.");
        }
        if (ordered && partialUpdateMode == PartialUpdateMode.COLUMN) {
            // StarRocks applies a column-mode partial update without looking at merge_condition (its BE applies
            // column-mode rowsets apart from the conditional upsert path), so ordering cannot hold.
            throw new IllegalArgumentException("CdcOptions.partialUpdateMode(COLUMN) cannot be combined with "
                    + "ordered(true): StarRocks ignores merge_condition in column-mode partial updates, so a stale "
                    + "partial update or soft delete would overwrite a newer row. Use partialUpdateMode(ROW) (or "
                    + "leave it unset), or set ordered(false) and deliver each table's changes in source order.");
        }
        if (loadOptions.label() != null) {
            throw new IllegalArgumentException(
                    "applyChanges makes many loads and cannot use one fixed label; set a label prefix instead.");
        }
        tableProperties = Map.copyOf((tableProperties != null) ? tableProperties : Map.of());
    }

    /** A builder starting from the defaults: hard deletes, default audit names, ordered, no DDL. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.deleteMode = this.deleteMode;
        builder.auditColumns = this.auditColumns;
        builder.ordered = this.ordered;
        builder.partialUpdateMode = this.partialUpdateMode;
        builder.maxBatchChanges = this.maxBatchChanges;
        builder.maxBatchInterval = this.maxBatchInterval;
        builder.createTable = this.createTable;
        builder.schemaEvolution = this.schemaEvolution;
        builder.schema = this.schema;
        builder.tableProperties.putAll(this.tableProperties);
        builder.decimalType = this.decimalType;
        builder.stringType = this.stringType;
        builder.mapsAsMapType = this.mapsAsMapType;
        builder.loadOptions = this.loadOptions;
        builder.clock = this.clock;
        return builder;
    }

    /** {@code partial_update_mode}: how StarRocks applies a partial update. */
    public enum PartialUpdateMode {

        /** Row mode: reads and rewrites whole rows; suits updates of many columns in few rows. */
        ROW,

        /**
         * Column mode (3.1+): writes only the changed columns; suits updates of few columns in many rows. StarRocks
         * applies it without {@code merge_condition}, so it is refused together with {@code ordered(true)}.
         */
        COLUMN

    }

    /** Whether the CDC path changes the target table's columns. */
    public enum SchemaEvolution {

        /** Never: a column the table lacks fails the load (StarRocks refuses it). */
        NONE,

        /**
         * {@code ALTER TABLE ... ADD COLUMN} (waiting for the job) for each column the table lacks, before loading.
         * Never drops or retypes a column; a value whose type conflicts with the column's fails naming both types.
         */
        ADD_COLUMNS

    }

    /** Builds {@link CdcOptions}. */
    public static final class Builder {

        private DeleteMode deleteMode = DeleteMode.HARD;

        private AuditColumns auditColumns = AuditColumns.DEFAULT;

        private boolean ordered = true;

        private PartialUpdateMode partialUpdateMode;

        private int maxBatchChanges = DEFAULT_MAX_BATCH_CHANGES;

        private Duration maxBatchInterval = DEFAULT_MAX_BATCH_INTERVAL;

        private boolean createTable;

        private SchemaEvolution schemaEvolution = SchemaEvolution.NONE;

        private CdcSchema schema;

        private final Map<String, String> tableProperties = new LinkedHashMap<>();

        private DataType decimalType = DEFAULT_DECIMAL_TYPE;

        private DataType stringType = DEFAULT_STRING_TYPE;

        private boolean mapsAsMapType;

        private LoadOptions loadOptions = LoadOptions.json();

        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Hard ({@code __op = 1}, the default) or soft deletes. */
        public Builder deleteMode(DeleteMode deleteMode) {
            this.deleteMode = deleteMode;
            return this;
        }

        /** The audit column names. */
        public Builder auditColumns(AuditColumns auditColumns) {
            this.auditColumns = auditColumns;
            return this;
        }

        /** Whether upserts carry {@code merge_condition} on the version column (default {@code true}). */
        public Builder ordered(boolean ordered) {
            this.ordered = ordered;
            return this;
        }

        /** {@code partial_update_mode} of partial updates; {@code COLUMN} needs {@code ordered(false)}. */
        public Builder partialUpdateMode(PartialUpdateMode partialUpdateMode) {
            this.partialUpdateMode = partialUpdateMode;
            return this;
        }

        /** Changes per batch. */
        public Builder maxBatchChanges(int maxBatchChanges) {
            this.maxBatchChanges = maxBatchChanges;
            return this;
        }

        /** Longest wait of a buffered change. */
        public Builder maxBatchInterval(Duration maxBatchInterval) {
            this.maxBatchInterval = maxBatchInterval;
            return this;
        }

        /** Creates a missing target table through {@code schema}. */
        public Builder createTable(boolean createTable) {
            this.createTable = createTable;
            return this;
        }

        /** Adds missing columns through {@code schema}. */
        public Builder schemaEvolution(SchemaEvolution schemaEvolution) {
            this.schemaEvolution = schemaEvolution;
            return this;
        }

        /** The DDL access, e.g. {@code CdcSchema.of(starRocksTemplate)}. */
        public Builder schema(CdcSchema schema) {
            this.schema = schema;
            return this;
        }

        /** A {@code PROPERTIES} entry of created tables. */
        public Builder tableProperty(String name, String value) {
            this.tableProperties.put(name, value);
            return this;
        }

        /** The type of {@code BigDecimal} values in new columns. */
        public Builder decimalType(DataType decimalType) {
            this.decimalType = decimalType;
            return this;
        }

        /** The type of {@code String} values in new columns. */
        public Builder stringType(DataType stringType) {
            this.stringType = stringType;
            return this;
        }

        /** Whether {@code Map} values make {@code MAP<K, V>} columns instead of {@code JSON} ones (default). */
        public Builder mapsAsMapType(boolean mapsAsMapType) {
            this.mapsAsMapType = mapsAsMapType;
            return this;
        }

        /** Options of every load (timeout, label prefix, strict mode...). */
        public Builder loadOptions(LoadOptions loadOptions) {
            this.loadOptions = loadOptions;
            return this;
        }

        /** The clock of the {@code syncedAt} audit column. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The options. */
        public CdcOptions build() {
            return new CdcOptions(this.deleteMode, this.auditColumns, this.ordered, this.partialUpdateMode,
                    this.maxBatchChanges, this.maxBatchInterval, this.createTable, this.schemaEvolution, this.schema,
                    this.tableProperties, this.decimalType, this.stringType, this.mapsAsMapType, this.loadOptions,
                    this.clock);
        }

    }

}
