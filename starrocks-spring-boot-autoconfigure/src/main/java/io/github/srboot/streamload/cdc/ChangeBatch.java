package io.github.srboot.streamload.cdc;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.srboot.streamload.LoadOptions;
import io.github.srboot.streamload.RowOperation;

/**
 * Turns one batch of change records into the loads that apply it (a pure function, tested without a server).
 *
 * <p>First the batch is compacted per key: a change older than one already seen for its key is dropped (it could
 * only be overwritten, and {@code merge_condition} does not protect deletes), a partial update is merged into the
 * preceding change of its key, anything else replaces it. A delete's before image (when it has one) is read like the
 * values of an upsert. Each key is then left with one change, so the loads of
 * a batch touch disjoint keys and their order does not matter. Then changes are grouped into loads of one shape:
 * whole rows by column set (upserts, and soft deletes with a before image), hard deletes (key columns and
 * {@code __op}), soft deletes without a before image and partial updates by changed-column set
 * ({@code partial_update: true} with exactly those columns).
 *
 * <p>A row is an array of values in the order of its load's {@code columns}, read once from the change's values:
 * records and beans of one class share their column names, so a batch of them costs one array per change and no
 * map.
 */
final class ChangeBatch {

    private ChangeBatch() {
    }

    /**
     * The values of one change as read from its record, bean, map or JSON object.
     *
     * @param names the field names, in order (rows of one record or bean class share one list)
     * @param values the values, by position in {@code names}
     */
    record Fields(List<String> names, Object[] values) {

        /** The fields of a map, in its iteration order. */
        static Fields of(Map<?, ?> map) {
            List<String> names = new ArrayList<>(map.size());
            Object[] values = new Object[map.size()];
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                names.add(String.valueOf(entry.getKey()));
                values[i++] = entry.getValue();
            }
            return new Fields(names, values);
        }

        private static final Fields NONE = new Fields(List.of(), new Object[0]);

    }

    /**
     * One load of a batch.
     *
     * @param columns the {@code columns} header, in row order
     * @param values the rows, each an array of values in {@code columns} order
     * @param partial whether the load is a partial update
     * @param delete whether the load holds hard deletes ({@code __op = 1}, no {@code merge_condition})
     * @param keyColumns the key columns (the leading {@code columns})
     */
    record Load(List<String> columns, List<Object[]> values, boolean partial, boolean delete,
            List<String> keyColumns) {

        /** The rows as maps of column name to value (for reading and tests; loads are encoded from the arrays). */
        List<Map<String, Object>> rows() {
            List<Map<String, Object>> rows = new ArrayList<>(this.values.size());
            for (Object[] row : this.values) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < row.length; i++) {
                    map.put(this.columns.get(i), row[i]);
                }
                rows.add(map);
            }
            return rows;
        }

    }

    /** The result of planning: the loads and how many changes compaction made redundant. */
    record Plan(List<Load> loads, int superseded) {
    }

    /**
     * Plans the loads of a batch.
     * @param reader reads a record's {@code values} into its fields (the plan does not change them)
     */
    static Plan plan(List<ChangeRecord> changes, CdcOptions options, Function<Object, Fields> reader,
            LocalDateTime syncedAt) {
        Map<Object, Pending> byKey = new LinkedHashMap<>(Math.max(16, changes.size() * 2));
        int superseded = 0;
        for (ChangeRecord change : changes) {
            Pending next = Pending.of(change, reader);
            Object identity = identity(change.key());
            Pending earlier = byKey.putIfAbsent(identity, next);
            if (earlier == null) {
                continue;
            }
            superseded++;
            if (change.version() >= earlier.version) {
                byKey.put(identity, next.after(earlier));
            }
        }
        Map<Shape, Layout> loads = new LinkedHashMap<>();
        Layouts layouts = new Layouts(options);
        for (Pending pending : byKey.values()) {
            Layout layout = layouts.of(pending);
            // one Layout per shape (Layouts makes it once): no lookup per change
            if (layout.rows.isEmpty()) {
                loads.put(layout.shape, layout);
            }
            layout.add(pending, syncedAt);
        }
        List<Load> planned = new ArrayList<>(loads.size());
        for (Layout layout : loads.values()) {
            planned.add(new Load(layout.columns, layout.rows, layout.shape.kind == 1, layout.shape.kind == 2,
                    layout.keyColumns));
        }
        return new Plan(List.copyOf(planned), superseded);
    }

    /**
     * The identity of a row: key values compared by their text, so that {@code 1}, {@code 1L} and {@code "1"} name
     * the same row (StarRocks reads them all as the same key), and by column name whatever order the source gave a
     * composite key in. Integers are compared as numbers to spare a string per change.
     */
    private static Object identity(Map<String, Object> key) {
        if (key.size() == 1) {
            return keyValue(key.values().iterator().next());
        }
        List<Object> identity = new ArrayList<>(key.size() * 2);
        new TreeMap<>(key).forEach((name, value) -> {
            identity.add(name);
            identity.add(keyValue(value));
        });
        return identity;
    }

    private static Object keyValue(Object value) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        String text = String.valueOf(value);
        return isCanonicalLong(text) ? Long.parseLong(text) : text;
    }

    /** Whether the text is a long as {@link Long#toString(long)} writes it (so it and that number are one key). */
    private static boolean isCanonicalLong(String text) {
        int length = text.length();
        int start = (length > 0 && text.charAt(0) == '-') ? 1 : 0;
        if (length == start || length - start > 19 || (text.charAt(start) == '0' && length - start > 1)
                || (start == 1 && text.charAt(1) == '0')) {
            return false;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(text);
            return true;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    /**
     * What makes changes share a load: their key columns, value columns and kind.
     *
     * @param kind 0 whole row, 1 partial update or soft delete without values, 2 hard delete
     */
    private record Shape(List<String> keyColumns, List<String> names, int kind) {
    }

    /** The layouts of one plan, looked up by the identity of a change's column names (shared per class). */
    private static final class Layouts {

        private final CdcOptions options;

        private final Map<List<String>, Layout[]> byNames = new java.util.IdentityHashMap<>();

        private final Map<Shape, Layout> byShape = new HashMap<>();

        Layouts(CdcOptions options) {
            this.options = options;
        }

        Layout of(Pending pending) {
            boolean delete = pending.operation == ChangeOperation.DELETE;
            boolean hard = delete && this.options.deleteMode() == DeleteMode.HARD;
            // A delete carries values only when it has a before image or supersedes a change of this same batch.
            boolean partial = !hard && ((delete && valueless(pending)) || pending.partial);
            int kind = hard ? 2 : partial ? 1 : 0;
            List<String> names = hard ? List.of() : pending.fields.names();
            Layout[] cached = this.byNames.get(names);
            if (cached == null) {
                cached = new Layout[3];
                this.byNames.put(names, cached);
            }
            Layout layout = cached[kind];
            if (layout != null && layout.keyColumns.size() == pending.key.size()
                    && ((pending.key.size() == 1) ? pending.key.containsKey(layout.keyColumns.get(0))
                            : sameKeyOrder(layout.keyColumns, pending.key))) {
                return layout;
            }
            Shape shape = new Shape(List.copyOf(pending.key.keySet()), names, kind);
            layout = this.byShape.get(shape);
            if (layout == null) {
                layout = new Layout(shape, this.options);
                this.byShape.put(shape, layout);
            }
            cached[kind] = layout;
            return layout;
        }

        /** Whether a change carries no column besides its key (a delete without a before image). */
        private static boolean valueless(Pending pending) {
            for (String name : pending.fields.names()) {
                if (!pending.key.containsKey(name)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameKeyOrder(List<String> columns, Map<String, Object> key) {
            int i = 0;
            for (String name : key.keySet()) {
                if (!name.equals(columns.get(i++))) {
                    return false;
                }
            }
            return true;
        }

    }

    /** The columns of one load and where each row's values come from; collects the load's rows. */
    private static final class Layout {

        final Shape shape;

        final List<String> keyColumns;

        final List<String> columns;

        /** For each column after the keys: the index in the change's fields, or -1 for an audit column. */
        private final int[] sources;

        private final AuditColumns audit;

        private final boolean operationColumn;

        final List<Object[]> rows = new ArrayList<>();

        Layout(Shape shape, CdcOptions options) {
            this.shape = shape;
            this.keyColumns = shape.keyColumns;
            this.audit = options.auditColumns();
            List<String> columns = new ArrayList<>(shape.keyColumns);
            List<Integer> sources = new ArrayList<>();
            List<String> audits = this.audit.names();
            for (int i = 0; i < shape.names.size(); i++) {
                String name = shape.names.get(i);
                // key columns come from the key; the audit columns and __op are the CDC path's own
                if (!columns.contains(name) && !audits.contains(name) && !name.equals(LoadOptions.OP_COLUMN)) {
                    columns.add(name);
                    sources.add(i);
                }
            }
            if (shape.kind == 2) {
                columns.add(this.audit.version());
                columns.add(LoadOptions.OP_COLUMN);
                this.operationColumn = true;
            }
            else {
                columns.addAll(audits);
                this.operationColumn = shape.kind == 0 && options.deleteMode() == DeleteMode.HARD;
                if (this.operationColumn) {
                    columns.add(LoadOptions.OP_COLUMN);
                }
            }
            this.columns = List.copyOf(columns);
            this.sources = sources.stream().mapToInt(Integer::intValue).toArray();
        }

        void add(Pending pending, LocalDateTime syncedAt) {
            Object[] row = new Object[this.columns.size()];
            int at = 0;
            for (int i = 0; i < this.keyColumns.size(); i++) {
                row[at++] = pending.key.get(this.keyColumns.get(i));
            }
            if (this.shape.kind == 2) {
                row[at++] = pending.version;
                row[at] = RowOperation.DELETE.code();
                this.rows.add(row);
                return;
            }
            Object[] values = pending.fields.values();
            for (int source : this.sources) {
                row[at++] = values[source];
            }
            row[at++] = pending.operation.auditCode();
            row[at++] = pending.operation == ChangeOperation.DELETE;
            row[at++] = syncedAt;
            row[at++] = pending.version;
            if (this.operationColumn) {
                row[at] = RowOperation.UPSERT.code();
            }
            this.rows.add(row);
        }

    }

    /** The surviving change of one key. */
    private static final class Pending {

        final ChangeOperation operation;

        final Map<String, Object> key;

        final Fields fields;

        final long version;

        final boolean partial;

        private Pending(ChangeOperation operation, Map<String, Object> key, Fields fields, long version,
                boolean partial) {
            this.operation = operation;
            this.key = key;
            this.fields = fields;
            this.version = version;
            this.partial = partial;
        }

        /** Reads a change; the fields {@code reader} returns are not changed. */
        static Pending of(ChangeRecord change, Function<Object, Fields> reader) {
            if (change.values() == null) {
                return new Pending(change.operation(), change.key(), Fields.NONE, change.version(), false);
            }
            Fields read = reader.apply(change.values());
            List<String> names = read.names();
            // Key columns among the values must agree with the key (looked up by name: no iterator per change).
            for (int i = 0; i < names.size(); i++) {
                Object key = change.key().get(names.get(i));
                Object value = read.values()[i];
                if (key != null && value != null && !value.equals(key)
                        && !String.valueOf(value).equals(String.valueOf(key))) {
                    throw new IllegalArgumentException("Change at version " + change.version() + " has key column '"
                            + names.get(i) + "' = " + key + " but its values say " + value + ".");
                }
            }
            if (!change.isPartial()) {
                return new Pending(change.operation(), change.key(), read, change.version(), false);
            }
            List<String> changed = new ArrayList<>(change.changedColumns().size());
            Object[] values = new Object[change.changedColumns().size()];
            for (String column : change.changedColumns()) {
                int at = names.indexOf(column);
                if (at < 0) {
                    throw new IllegalArgumentException("Partial update at version " + change.version() + " of key "
                            + change.key() + " names changed column '" + column
                            + "' but its values have no such field (values: " + names + ").");
                }
                values[changed.size()] = read.values()[at];
                changed.add(column);
            }
            return new Pending(change.operation(), change.key(), new Fields(List.copyOf(changed), values),
                    change.version(), true);
        }

        /** This (newer or as new) change applied after {@code earlier}, of the same key. */
        Pending after(Pending earlier) {
            if (this.operation == ChangeOperation.DELETE && Layouts.valueless(this)
                    && earlier.operation != ChangeOperation.DELETE) {
                // The earlier change of this batch is never loaded on its own, so a soft delete without a before
                // image must write its values: otherwise a key inserted in this batch would be created with NULLs (a
                // partial update of a missing key) and a key updated in it would keep its values from before the
                // batch. A delete with a before image writes that image: the whole row as the source last held it.
                return new Pending(this.operation, this.key, earlier.fields, this.version, earlier.partial);
            }
            if (!this.partial || earlier.operation == ChangeOperation.DELETE) {
                // A partial update after a delete re-creates the row with defaults for the other columns, as
                // StarRocks does for a partial update of a missing key.
                return this;
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            for (int i = 0; i < earlier.fields.names().size(); i++) {
                merged.put(earlier.fields.names().get(i), earlier.fields.values()[i]);
            }
            for (int i = 0; i < this.fields.names().size(); i++) {
                merged.put(this.fields.names().get(i), this.fields.values()[i]);
            }
            Fields fields = new Fields(List.copyOf(merged.keySet()), merged.values().toArray());
            return new Pending(this.operation, this.key, fields, this.version, earlier.partial);
        }

    }

}
