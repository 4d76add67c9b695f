package io.github.srboot.streamload;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.ColumnOption;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.ScalarKind;
import io.github.srboot.ddl.ScalarType;
import io.github.srboot.ddl.Table;

/**
 * Applies change records to one table through a {@link StreamLoadTemplate}: batches them, plans each batch's loads
 * ({@link ChangeBatch}), creates the table or adds columns first when the options say so, encodes the loads straight
 * from the planned rows, then runs them one after the other; the next batch is planned and encoded while one loads.
 */
final class ChangeApplier {

    /** StarRocks limits a primary key to 128 bytes, so created string key columns are VARCHAR(128). */
    static final DataType STRING_KEY_TYPE = ScalarType.of(ScalarKind.VARCHAR, 128);

    private final StreamLoadTemplate template;

    private final RowFields fields;

    /** Tables as last described or changed by this applier, by {@code db.table}. */
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    private final Map<Class<?>, BeanReader> beans = new ConcurrentHashMap<>();

    ChangeApplier(StreamLoadTemplate template, ObjectMapper mapper) {
        this.template = template;
        this.fields = new RowFields(StarRocksJson.mapper(mapper, ZoneOffset.UTC));
    }

    Flux<LoadResult> apply(String database, String table, Flux<ChangeRecord> changes, CdcOptions options) {
        // Fair backpressure: the source is read only as fast as batches are loaded, so memory stays bounded. The
        // next batch is planned and encoded while the one before it loads (one prepared batch waits, one loads);
        // loads still run one after the other, so commit order per table is source order.
        return changes.bufferTimeout(options.maxBatchChanges(), options.maxBatchInterval(), true)
            .concatMap((batch) -> prepare(database, table, batch, options), 1)
            .concatMap((prepared) -> load(database, table, prepared), 1)
            .doOnDiscard(Prepared.class, Prepared::release);
    }

    /** Loads one batch: its loads in order, after any DDL it needs. */
    Flux<LoadResult> applyBatch(String database, String table, List<ChangeRecord> batch, CdcOptions options) {
        if (batch.isEmpty()) {
            return Flux.empty();
        }
        return prepare(database, table, batch, options).flatMapMany((prepared) -> load(database, table, prepared))
            .doOnDiscard(Prepared.class, Prepared::release);
    }

    /**
     * Plans a batch, runs the DDL it needs (when the options allow DDL) and encodes its loads, on the encoding
     * scheduler (DDL on a blocking one).
     */
    private Mono<Prepared> prepare(String database, String table, List<ChangeRecord> batch, CdcOptions options) {
        boolean ddl = options.createTable() || options.schemaEvolution() != CdcOptions.SchemaEvolution.NONE;
        Mono<ChangeBatch.Plan> planned = Mono.fromCallable(() -> ChangeBatch.plan(batch, options, this::read,
                LocalDateTime.ofInstant(options.clock().instant(), ZoneOffset.UTC)));
        if (!ddl) {
            return planned.map((plan) -> encode(plan, options)).subscribeOn(this.template.encodingScheduler());
        }
        return planned.doOnNext((plan) -> prepareTable(database, table, plan, options))
            .subscribeOn(Schedulers.boundedElastic())
            .publishOn(this.template.encodingScheduler())
            .map((plan) -> encode(plan, options));
    }

    /** Runs the loads of a prepared batch one after the other; frees what was not loaded. */
    private Flux<LoadResult> load(String database, String table, Prepared prepared) {
        String qualified = database + "." + table;
        // A batch reported OUTCOME_UNKNOWN may still commit: the next one waits until it cannot, so that a run
        // resumed from before it is never overwritten by its stalled attempt.
        return this.template.awaitSettled(database, table)
            .thenMany(Flux.fromIterable(prepared.loads)
                .concatMap((load) -> this.template.loadEncoded(qualified, load.batch, load.options)))
            .doFinally((signal) -> prepared.release());
    }

    /**
     * Encodes each load of a plan: CSV when every value is a scalar the CSV encoder writes as plain text (the
     * common case, and the smaller body), JSON otherwise.
     */
    private Prepared encode(ChangeBatch.Plan plan, CdcOptions options) {
        Prepared prepared = new Prepared(new ArrayList<>(plan.loads().size()));
        try {
            for (ChangeBatch.Load load : plan.loads()) {
                LoadOptions loadOptions = loadOptions(load, options);
                Encoded csv = encodeCsv(load, loadOptions.withFormat(LoadFormat.CSV));
                prepared.loads.add((csv != null) ? csv : encodeAs(load, loadOptions));
            }
            return prepared;
        }
        catch (RuntimeException ex) {
            prepared.release();
            throw ex;
        }
    }

    /** The load as CSV, or {@code null} when a value is not a plain scalar or CSV cannot carry a text. */
    private Encoded encodeCsv(ChangeBatch.Load load, LoadOptions options) {
        for (Object[] row : load.values()) {
            for (Object value : row) {
                if (!BatchEncoder.Csv.writesScalar(value)) {
                    return null;
                }
            }
        }
        try {
            return encodeAs(load, options);
        }
        catch (IllegalArgumentException ex) {
            // the text \N or an unpaired surrogate, which JSON carries (or reports with the field's name)
            return null;
        }
    }

    private Encoded encodeAs(ChangeBatch.Load load, LoadOptions options) {
        BatchEncoder encoder = this.template.openEncoder(options);
        try {
            for (Object[] row : load.values()) {
                encoder.writeFields(row);
            }
            return new Encoded(encoder.finish(), options);
        }
        catch (RuntimeException ex) {
            encoder.abandon();
            throw ex;
        }
    }

    /** One encoded load and its options. */
    private record Encoded(EncodedBatch batch, LoadOptions options) {
    }

    /** The encoded loads of one batch, in order; what is not loaded is freed. */
    private record Prepared(List<Encoded> loads) {

        void release() {
            this.loads.forEach((load) -> load.batch().body().release());
        }

    }

    private ChangeBatch.Fields read(Object values) {
        if (values instanceof Map<?, ?> map) {
            return ChangeBatch.Fields.of(map);
        }
        if (values instanceof ObjectNode object) {
            // Scalars as Java values, so that they are typed like the same values in a Map; objects and arrays
            // stay JSON.
            List<String> names = new ArrayList<>(object.size());
            Object[] read = new Object[object.size()];
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                read[names.size()] = value.isNull() ? null : value.isTextual() ? value.textValue()
                        : value.isBoolean() ? (Object) value.booleanValue()
                        : value.isNumber() ? value.numberValue() : value;
                names.add(field.getKey());
            }
            return new ChangeBatch.Fields(names, read);
        }
        if (!RowFields.isBean(values)) {
            List<String> names = this.fields.names(values);
            Object[] read = new Object[names.size()];
            for (int i = 0; i < read.length; i++) {
                read[i] = this.fields.value(values, names.get(i));
            }
            return new ChangeBatch.Fields(names, read);
        }
        BeanReader reader = this.beans.get(values.getClass());
        if (reader == null) {
            // (a computeIfAbsent capturing the row would allocate a lambda per change)
            List<String> names = List.copyOf(this.fields.names(values));
            reader = new BeanReader(names,
                    this.fields.accessors(values.getClass(), names, new boolean[names.size()]));
            this.beans.putIfAbsent(values.getClass(), reader);
        }
        Object[] read = new Object[reader.accessors.length];
        for (int i = 0; i < read.length; i++) {
            read[i] = RowFields.read(reader.accessors[i], values);
        }
        return new ChangeBatch.Fields(reader.names, read);
    }

    /** The property names and accessors of a bean type, in order. */
    private record BeanReader(List<String> names, BeanPropertyWriter[] accessors) {
    }

    static LoadOptions loadOptions(ChangeBatch.Load load, CdcOptions options) {
        LoadOptions loadOptions = options.loadOptions()
            .withFormat(LoadFormat.JSON)
            .withZone(ZoneOffset.UTC)
            .withColumns(load.columns())
            .withPartialUpdate(load.partial())
            .withMergeCondition((options.ordered() && !load.delete()) ? options.auditColumns().version() : null);
        if (load.partial() && options.partialUpdateMode() != null) {
            loadOptions = loadOptions.withHeader("partial_update_mode",
                    options.partialUpdateMode().name().toLowerCase(java.util.Locale.ROOT));
        }
        return loadOptions;
    }

    /**
     * Creates the table when it is missing (and allowed), adds the columns it lacks (when allowed) and refuses a
     * value whose type conflicts with its column. Blocking (JDBC).
     */
    private void prepareTable(String database, String table, ChangeBatch.Plan plan, CdcOptions options) {
        String name = database + "." + table;
        Map<String, Object> samples = samples(plan);
        Table current = this.tables.get(name);
        // A cached table may be stale (another writer may have added a column since): described again before any
        // column is added, so that a column that exists by now is not added a second time.
        boolean described = current == null;
        if (current == null) {
            current = options.schema().describe(database, table).orElse(null);
        }
        if (current == null) {
            if (!options.createTable()) {
                throw new IllegalStateException("Table '" + name + "' does not exist; create it or set "
                        + "CdcOptions.createTable(true).");
            }
            Table created = newTable(table, plan, samples, options);
            options.schema().create(database, created);
            current = options.schema().describe(database, table).orElse(created);
        }
        for (Map.Entry<String, Object> sample : samples.entrySet()) {
            String column = sample.getKey();
            Column existing = current.column(column);
            if (existing == null && !described
                    && options.schemaEvolution() == CdcOptions.SchemaEvolution.ADD_COLUMNS) {
                current = options.schema().describe(database, table).orElse(current);
                described = true;
                existing = current.column(column);
            }
            DataType inferred = auditType(column, options);
            if (inferred == null && sample.getValue() != null) {
                inferred = CdcTypes.typeOf(column, sample.getValue(), options);
            }
            if (existing != null) {
                if (inferred != null && !CdcTypes.compatible(existing.type(), inferred)) {
                    throw new IllegalArgumentException("Column '" + column + "' of '" + name + "' is "
                            + CdcTypes.describe(existing.type()) + " but a change carries a "
                            + sample.getValue().getClass().getSimpleName() + " (" + CdcTypes.describe(inferred)
                            + "); the CDC path never retypes a column: convert the value or alter the column.");
                }
                continue;
            }
            if (options.schemaEvolution() != CdcOptions.SchemaEvolution.ADD_COLUMNS) {
                continue;
            }
            if (inferred == null) {
                // Throws naming the column: only NULLs seen so far.
                CdcTypes.typeOf(column, null, options);
            }
            Column added = Column.of(column, inferred, ColumnOption.nullable());
            options.schema().addColumn(database, table, added);
            current = current.toBuilder().column(added).build();
        }
        this.tables.put(name, current);
    }

    /** Every column of the batch's loads (without {@code __op}) with its first non-null value, or null. */
    private static Map<String, Object> samples(ChangeBatch.Plan plan) {
        Map<String, Object> samples = new LinkedHashMap<>();
        for (ChangeBatch.Load load : plan.loads()) {
            for (Object[] row : load.values()) {
                for (int i = 0; i < row.length; i++) {
                    String column = load.columns().get(i);
                    if (!column.equals(LoadOptions.OP_COLUMN) && (samples.get(column) == null)) {
                        samples.put(column, row[i]);
                    }
                }
            }
        }
        return samples;
    }

    private static DataType auditType(String column, CdcOptions options) {
        AuditColumns audit = options.auditColumns();
        if (column.equals(audit.operationType())) {
            return ScalarType.of(ScalarKind.TINYINT);
        }
        if (column.equals(audit.deleted())) {
            return ScalarType.of(ScalarKind.BOOLEAN);
        }
        if (column.equals(audit.syncedAt())) {
            return ScalarType.of(ScalarKind.DATETIME);
        }
        if (column.equals(audit.version())) {
            return ScalarType.of(ScalarKind.BIGINT);
        }
        return null;
    }

    /** A Primary Key table on the first change's key columns, with the batch's columns and the audit columns. */
    private static Table newTable(String table, ChangeBatch.Plan plan, Map<String, Object> samples,
            CdcOptions options) {
        ChangeBatch.Load first = plan.loads().get(0);
        List<String> keyColumns = first.keyColumns();
        Table.Builder builder = Table.builder(table);
        for (String key : keyColumns) {
            Object sample = samples.get(key);
            DataType type = (sample instanceof CharSequence) ? STRING_KEY_TYPE : CdcTypes.typeOf(key, sample, options);
            builder.column(key, type, ColumnOption.notNull());
        }
        for (Map.Entry<String, Object> sample : samples.entrySet()) {
            if (keyColumns.contains(sample.getKey())) {
                continue;
            }
            DataType type = auditType(sample.getKey(), options);
            if (type == null) {
                type = CdcTypes.typeOf(sample.getKey(), sample.getValue(), options);
            }
            builder.column(sample.getKey(), type, ColumnOption.nullable());
        }
        builder.primaryKey(keyColumns.toArray(String[]::new));
        options.tableProperties().forEach((key, value) -> builder.property(key, value));
        return builder.build();
    }

}
