package io.github.srboot.streamload.cdc;

import java.time.LocalDateTime;
import java.util.ArrayList;
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
 */
final class ChangeBatch {

    private ChangeBatch() {
    }

    /**
     * One load of a batch.
     *
     * @param columns the {@code columns} header, in row order
     * @param rows the rows, each with exactly {@code columns}
     * @param partial whether the load is a partial update
     * @param delete whether the load holds hard deletes ({@code __op = 1}, no {@code merge_condition})
     * @param keyColumns the key columns (the leading {@code columns})
     */
    record Load(List<String> columns, List<Map<String, Object>> rows, boolean partial, boolean delete,
            List<String> keyColumns) {
    }

    /** The result of planning: the loads and how many changes compaction made redundant. */
    record Plan(List<Load> loads, int superseded) {
    }

    /**
     * Plans the loads of a batch.
     * @param reader reads a record's {@code values} into a fresh map of column name to value (the plan changes it)
     */
    static Plan plan(List<ChangeRecord> changes, CdcOptions options, Function<Object, Map<String, Object>> reader,
            LocalDateTime syncedAt) {
        Map<List<String>, Pending> byKey = new LinkedHashMap<>();
        int superseded = 0;
        for (ChangeRecord change : changes) {
            Pending next = Pending.of(change, reader);
            List<String> identity = identity(change.key());
            Pending earlier = byKey.get(identity);
            if (earlier == null) {
                byKey.put(identity, next);
                continue;
            }
            superseded++;
            if (change.version() < earlier.version) {
                continue;
            }
            byKey.put(identity, next.after(earlier));
        }
        Map<Shape, Load> loads = new LinkedHashMap<>();
        AuditColumns audit = options.auditColumns();
        for (Pending pending : byKey.values()) {
            // Sized for the key, the values, the four audit columns and __op without rehashing.
            Map<String, Object> row = new LinkedHashMap<>(2 * (pending.key.size() + pending.values.size() + 5));
            row.putAll(pending.key);
            boolean delete = pending.operation == ChangeOperation.DELETE;
            boolean partial;
            if (delete && options.deleteMode() == DeleteMode.HARD) {
                row.put(audit.version(), pending.version);
                row.put(LoadOptions.OP_COLUMN, RowOperation.DELETE.code());
                partial = false;
            }
            else {
                // A delete carries values only when it supersedes a change of this same batch (see Pending.after).
                for (Map.Entry<String, Object> value : pending.values.entrySet()) {
                    row.putIfAbsent(value.getKey(), value.getValue());
                }
                row.put(audit.operationType(), pending.operation.auditCode());
                row.put(audit.deleted(), delete);
                row.put(audit.syncedAt(), syncedAt);
                row.put(audit.version(), pending.version);
                // A soft delete with a before image writes that whole row with the delete's version, so that
                // merge_condition orders it like any upsert. Without one, a soft delete sets the key and the audit
                // columns only (the row keeps what StarRocks holds), unless it supersedes a row of this batch.
                partial = (delete && pending.values.isEmpty()) || pending.partial;
                if (!partial && options.deleteMode() == DeleteMode.HARD) {
                    row.put(LoadOptions.OP_COLUMN, RowOperation.UPSERT.code());
                }
            }
            List<String> columns = List.copyOf(row.keySet());
            boolean hardDelete = delete && options.deleteMode() == DeleteMode.HARD;
            loads.computeIfAbsent(new Shape(columns, partial, hardDelete),
                    (shape) -> new Load(shape.columns, new ArrayList<>(), shape.partial, shape.delete,
                            List.copyOf(pending.key.keySet())))
                .rows()
                .add(row);
        }
        return new Plan(List.copyOf(loads.values()), superseded);
    }

    /**
     * Key values compared by their text, so that {@code 1} and {@code 1L} name the same row, and by column name
     * whatever order the source gave a composite key in.
     */
    private static List<String> identity(Map<String, Object> key) {
        List<String> identity = new ArrayList<>(key.size() * 2);
        Map<String, Object> byName = (key.size() > 1) ? new TreeMap<>(key) : key;
        byName.forEach((name, value) -> {
            identity.add(name);
            identity.add(String.valueOf(value));
        });
        return identity;
    }

    private record Shape(List<String> columns, boolean partial, boolean delete) {
    }

    /** The surviving change of one key. */
    private static final class Pending {

        final ChangeOperation operation;

        final Map<String, Object> key;

        final Map<String, Object> values;

        final long version;

        final boolean partial;

        private Pending(ChangeOperation operation, Map<String, Object> key, Map<String, Object> values, long version,
                boolean partial) {
            this.operation = operation;
            this.key = key;
            this.values = values;
            this.version = version;
            this.partial = partial;
        }

        /** Reads a change; {@code reader} returns a fresh map, which this method may change. */
        static Pending of(ChangeRecord change, Function<Object, Map<String, Object>> reader) {
            if (change.values() == null) {
                return new Pending(change.operation(), change.key(), Map.of(), change.version(), false);
            }
            Map<String, Object> read = reader.apply(change.values());
            for (Map.Entry<String, Object> key : change.key().entrySet()) {
                Object value = read.remove(key.getKey());
                if (value != null && !value.equals(key.getValue())
                        && !String.valueOf(value).equals(String.valueOf(key.getValue()))) {
                    throw new IllegalArgumentException("Change at version " + change.version() + " has key column '"
                            + key.getKey() + "' = " + key.getValue() + " but its values say " + value + ".");
                }
            }
            if (!change.isPartial()) {
                return new Pending(change.operation(), change.key(), read, change.version(), false);
            }
            Map<String, Object> values = new LinkedHashMap<>(2 * change.changedColumns().size());
            for (String column : change.changedColumns()) {
                if (!read.containsKey(column)) {
                    throw new IllegalArgumentException("Partial update at version " + change.version() + " of key "
                            + change.key() + " names changed column '" + column
                            + "' but its values have no such field (values: " + read.keySet() + ").");
                }
                values.put(column, read.get(column));
            }
            return new Pending(change.operation(), change.key(), values, change.version(), true);
        }

        /** This (newer or as new) change applied after {@code earlier}, of the same key. */
        Pending after(Pending earlier) {
            if (this.operation == ChangeOperation.DELETE && this.values.isEmpty()
                    && earlier.operation != ChangeOperation.DELETE) {
                // The earlier change of this batch is never loaded on its own, so a soft delete without a before
                // image must write its values: otherwise a key inserted in this batch would be created with NULLs (a
                // partial update of a missing key) and a key updated in it would keep its values from before the
                // batch. A delete with a before image writes that image: the whole row as the source last held it.
                return new Pending(this.operation, this.key, earlier.values, this.version, earlier.partial);
            }
            if (!this.partial || earlier.operation == ChangeOperation.DELETE) {
                // A partial update after a delete re-creates the row with defaults for the other columns, as
                // StarRocks does for a partial update of a missing key.
                return this;
            }
            Map<String, Object> merged = new LinkedHashMap<>(earlier.values);
            merged.putAll(this.values);
            return new Pending(this.operation, this.key, merged, this.version, earlier.partial);
        }

    }

}
