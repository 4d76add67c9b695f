package io.github.srboot.streamload.cdc;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

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
import io.github.srboot.streamload.LoadFormat;
import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.LoadResult;
import io.github.srboot.streamload.LoadStatus;
import io.github.srboot.streamload.StreamLoadTemplate;
import io.github.srboot.streamload.internal.encoding.BatchEncoder;
import io.github.srboot.streamload.internal.encoding.EncodedBatch;
import io.github.srboot.streamload.internal.encoding.EncodedLoads;
import io.github.srboot.streamload.internal.encoding.RowFields;
import io.github.srboot.streamload.internal.encoding.StarRocksJson;
import io.github.srboot.streamload.transaction.StreamLoadTransaction;

/**
 * Applies change records to one table through a {@link StreamLoadTemplate}: batches them, plans each batch's loads
 * ({@link ChangeBatch}), creates the table or adds columns first when the options say so, encodes the loads straight
 * from the planned rows, then runs them one after the other; the next batch is planned and encoded while one loads.
 */
public final class ChangeApplier {

    /** StarRocks limits a primary key to 128 bytes, so created string key columns are VARCHAR(128). */
    static final DataType STRING_KEY_TYPE = ScalarType.of(ScalarKind.VARCHAR, 128);

    private final StreamLoadTemplate template;

    private final EncodedLoads encoded;

    private final RowFields fields;

    /** Tables as last described or changed by this applier, by {@code db.table}. */
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    private final Map<Class<?>, BeanReader> beans = new ConcurrentHashMap<>();

    /**
     * An applier loading through {@code template}; {@code encoded} is the template's access for batches the applier
     * encodes itself (the template builds its applier; this is not for applications).
     */
    public ChangeApplier(StreamLoadTemplate template, ObjectMapper mapper, EncodedLoads encoded) {
        this.template = template;
        this.encoded = encoded;
        this.fields = new RowFields(StarRocksJson.mapper(mapper, ZoneOffset.UTC));
    }

    public Flux<LoadResult> apply(String database, String table, Flux<ChangeRecord> changes, CdcOptions options) {
        // Fair backpressure: the source is read only as fast as batches are loaded, so memory stays bounded. The
        // next batch is planned and encoded while the one before it loads (one prepared batch waits, one loads);
        // loads still run one after the other, so commit order per table is source order.
        return changes.bufferTimeout(options.maxBatchChanges(), options.maxBatchInterval(), true)
            .concatMap((batch) -> prepare(database, table, batch, options), 1)
            .concatMap((prepared) -> load(database, table, prepared), 1)
            .doOnDiscard(Prepared.class, Prepared::release);
    }

    /** Loads one batch: its loads in order, after any DDL it needs. */
    public Flux<LoadResult> applyBatch(String database, String table, List<ChangeRecord> batch, CdcOptions options) {
        return applyBatch(database, table, batch, options, null);
    }

    /**
     * Loads one batch after any DDL it needs: encoded straight from the planned rows under generated labels when
     * {@code labels} is {@code null}, else load {@code i} of the plan under {@code labels.apply(i)}, all of them
     * all-or-nothing when there are several (see {@link #allOrNothing}).
     */
    public Flux<LoadResult> applyBatch(String database, String table, List<ChangeRecord> batch, CdcOptions options,
            IntFunction<String> labels) {
        if (batch.isEmpty()) {
            return Flux.empty();
        }
        if (labels == null) {
            return prepare(database, table, batch, options).flatMapMany((prepared) -> load(database, table, prepared))
                .doOnDiscard(Prepared.class, Prepared::release);
        }
        return planned(database, table, batch, options)
            .flatMapMany((plan) -> this.template.awaitSettled(database, table)
                .thenMany(labelled(database, table, plan.loads(), options, labels)));
    }


    /**
     * Plans a batch, runs the DDL it needs (when the options allow DDL) and encodes its loads, on the encoding
     * scheduler (DDL on a blocking one).
     */
    private Mono<Prepared> prepare(String database, String table, List<ChangeRecord> batch, CdcOptions options) {
        boolean ddl = options.createTable() || options.schemaEvolution() != CdcOptions.SchemaEvolution.NONE;
        Mono<ChangeBatch.Plan> planned = planned(database, table, batch, options);
        if (!ddl) {
            return planned.map((plan) -> encode(plan, options)).subscribeOn(this.encoded.encodingScheduler());
        }
        return planned.publishOn(this.encoded.encodingScheduler()).map((plan) -> encode(plan, options));
    }

    /** Plans a batch and runs the DDL it needs (when the options allow DDL), on a blocking scheduler for the DDL. */
    private Mono<ChangeBatch.Plan> planned(String database, String table, List<ChangeRecord> batch,
            CdcOptions options) {
        boolean ddl = options.createTable() || options.schemaEvolution() != CdcOptions.SchemaEvolution.NONE;
        Mono<ChangeBatch.Plan> planned = Mono.fromCallable(() -> ChangeBatch.plan(batch, options, this::read,
                LocalDateTime.ofInstant(options.clock().instant(), ZoneOffset.UTC)));
        return ddl ? planned.doOnNext((plan) -> prepareTable(database, table, plan, options))
            .subscribeOn(Schedulers.boundedElastic()) : planned;
    }

    /** The loads of a batch under the caller's labels: one plain load, or several all-or-nothing. */
    private Flux<LoadResult> labelled(String database, String table, List<ChangeBatch.Load> loads,
            CdcOptions options, IntFunction<String> labels) {
        String qualified = database + "." + table;
        if (loads.size() == 1) {
            ChangeBatch.Load load = loads.get(0);
            return this.template.load(qualified, Flux.fromIterable(load.rows()),
                    loadOptions(load, options).withLabel(labels.apply(0))).flux();
        }
        List<String> names = new ArrayList<>(loads.size());
        for (int i = 0; i < loads.size(); i++) {
            names.add(labels.apply(i));
        }
        return Flux.fromIterable(names)
            .concatMap((label) -> this.template.loadState(qualified, label))
            .collectList()
            .flatMapMany((states) -> states.stream().anyMatch(COMMITTED_STATES::contains)
                    ? finishCommitted(database, table, loads, options, names, states)
                    : allOrNothing(database, table, loads, options, names, states));
    }

    /** Label states of a transaction that committed (it becomes or is visible). */
    private static final Set<String> COMMITTED_STATES = Set.of("COMMITTED", "VISIBLE");

    /** Label states of a transaction begun and not finished. */
    private static final Set<String> OPEN_STATES = Set.of("PREPARE", "PREPARED");

    /**
     * Several loads of one batch as one unit: each is a transaction Stream Load begun, loaded and prepared in turn,
     * and only when all are prepared are they committed. One transaction per load, because StarRocks' BE refuses a
     * load of a transaction whose request (columns, partial update, merge condition...) differs from the
     * transaction's first ("load request not equal last", {@code TransactionStreamLoadAction::_exec_plan_fragment}),
     * and the loads of a batch differ in those. A failure before the commits rolls back every transaction of the
     * batch, so that nothing of it is visible. Leftovers of an earlier attempt that never committed
     * ({@code PREPARE}/{@code PREPARED}) are rolled back first, which frees their labels (the FE's
     * {@code DatabaseTransactionMgr.beginTransaction} refuses a label only while a transaction under it is not
     * aborted).
     */
    private Flux<LoadResult> allOrNothing(String database, String table, List<ChangeBatch.Load> loads,
            CdcOptions options, List<String> labels, List<String> states) {
        String qualified = database + "." + table;
        List<StreamLoadTransaction> transactions = new ArrayList<>(loads.size());
        for (int i = 0; i < loads.size(); i++) {
            transactions.add(this.template.transaction(qualified, labels.get(i), loadOptions(loads.get(i), options)));
        }
        Mono<Void> leftoversRolledBack = Flux.range(0, loads.size())
            .filter((i) -> OPEN_STATES.contains(states.get(i)))
            .concatMap((i) -> transactions.get(i).rollback())
            .then();
        Mono<Void> prepared = Flux.range(0, loads.size())
            .concatMap((i) -> transactions.get(i).begin()
                .then(transactions.get(i).load(loads.get(i).rows()))
                .then(transactions.get(i).prepare()))
            .then()
            .onErrorResume((failure) -> Flux.fromIterable(transactions)
                .concatMap((transaction) -> transaction.rollback().onErrorResume((ignored) -> Mono.empty()))
                .then(Mono.error(failure)));
        // A commit that fails after others succeeded leaves the batch half visible until it is applied again
        // under the same labels: that replay finds a committed label and commits the rest (finishCommitted).
        return leftoversRolledBack.then(prepared)
            .thenMany(Flux.range(0, loads.size())
                .concatMap((i) -> transactions.get(i).commit()
                    .map((result) -> settled(database, table, result.label(), result.txnId(),
                            result.visibleLater() ? LoadStatus.PUBLISH_TIMEOUT : LoadStatus.SUCCESS,
                            result.message(), result.loadedRows()))));
    }

    /**
     * An earlier attempt of this batch committed at least one of its transactions, which it does only once all are
     * prepared: the prepared ones are committed, the committed ones reported {@code ALREADY_LOADED}; a load whose
     * transaction is gone (its prepared transaction timed out) is loaded again under its label.
     */
    private Flux<LoadResult> finishCommitted(String database, String table, List<ChangeBatch.Load> loads,
            CdcOptions options, List<String> labels, List<String> states) {
        String qualified = database + "." + table;
        return Flux.range(0, loads.size()).concatMap((i) -> {
            String label = labels.get(i);
            String state = states.get(i);
            if (COMMITTED_STATES.contains(state)) {
                return Mono.just(settled(database, table, label, -1, LoadStatus.ALREADY_LOADED,
                        "label " + state + " from an earlier attempt", -1));
            }
            if (state.equals("PREPARED")) {
                return this.template.transaction(qualified, label, loadOptions(loads.get(i), options))
                    .commit()
                    .map((result) -> settled(database, table, label, result.txnId(), LoadStatus.ALREADY_LOADED,
                            result.message(), result.loadedRows()));
            }
            return this.template.load(qualified, Flux.fromIterable(loads.get(i).rows()),
                    loadOptions(loads.get(i), options).withLabel(label));
        });
    }

    private static LoadResult settled(String database, String table, String label, long txnId, LoadStatus status,
            String message, long loadedRows) {
        return new LoadResult(database, table, label, txnId, status, message, loadedRows, loadedRows, 0, 0, -1,
                new LoadResult.ServerTimings(-1, -1, -1, -1, -1, -1), null, 1, Duration.ZERO, null, null);
    }


    /** Runs the loads of a prepared batch one after the other; frees what was not loaded. */
    private Flux<LoadResult> load(String database, String table, Prepared prepared) {
        String qualified = database + "." + table;
        // A batch reported OUTCOME_UNKNOWN may still commit: the next one waits until it cannot, so that a run
        // resumed from before it is never overwritten by its stalled attempt.
        return this.template.awaitSettled(database, table)
            .thenMany(Flux.fromIterable(prepared.loads)
                .concatMap((load) -> this.encoded.loadEncoded(qualified, load.batch, load.options)))
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
        BatchEncoder encoder = this.encoded.openEncoder(options);
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
