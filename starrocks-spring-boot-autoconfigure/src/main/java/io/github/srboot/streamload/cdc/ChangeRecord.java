package io.github.srboot.streamload.cdc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * One change captured from a source database, ready for {@link StreamLoadTemplate#applyChanges}.
 *
 * @param operation insert, update or delete
 * @param key the primary key values by column name (at least one)
 * @param values the row's column values: a {@code Map}, a record, a bean or a Jackson {@code ObjectNode}
 * (key columns may be repeated, with the same values); for a delete, the row as it was before the delete (the
 * source's before image, used by soft deletes), or {@code null}
 * @param version the source position of the change (an LSN, a binlog offset, a sequence number): it must grow with
 * every change of the same row, so that a stale change never overwrites a newer one
 * @param changedColumns the columns this change sets (a partial update: the other columns keep their stored
 * values, e.g. unchanged TOASTed values), or {@code null} when {@code values} is the whole row
 */
public record ChangeRecord(ChangeOperation operation, Map<String, Object> key, Object values, long version,
        Set<String> changedColumns) {

    /**
     * Checks and freezes the record.
     */
    public ChangeRecord {
        if (operation == null) {
            throw new IllegalArgumentException("A ChangeRecord needs an operation (INSERT, UPDATE or DELETE).");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A ChangeRecord needs the row's key values, got " + key + ".");
        }
        for (Map.Entry<String, Object> column : key.entrySet()) {
            if (column.getKey() == null || column.getKey().isBlank() || column.getValue() == null) {
                throw new IllegalArgumentException("Key column '" + column.getKey() + "' of a " + operation
                        + " change at version " + version + " has no name or no value.");
            }
        }
        // One column needs no order: an immutable copy (the key itself when it already is one, as Map.of makes).
        key = (key.size() == 1) ? Map.copyOf(key) : Collections.unmodifiableMap(new LinkedHashMap<>(key));
        if (values == null && operation != ChangeOperation.DELETE) {
            throw new IllegalArgumentException("A " + operation + " change at version " + version + " of key " + key
                    + " needs column values.");
        }
        if (changedColumns != null) {
            if (operation == ChangeOperation.DELETE) {
                throw new IllegalArgumentException("A DELETE change (key " + key
                        + ") cannot name changed columns: a delete removes or marks the whole row.");
            }
            changedColumns = Collections.unmodifiableSet(new LinkedHashSet<>(changedColumns));
        }
    }

    /** An inserted row. */
    public static ChangeRecord insert(Map<String, Object> key, Object values, long version) {
        return new ChangeRecord(ChangeOperation.INSERT, key, values, version, null);
    }

    /** An updated row, all columns given. */
    public static ChangeRecord update(Map<String, Object> key, Object values, long version) {
        return new ChangeRecord(ChangeOperation.UPDATE, key, values, version, null);
    }

    /** An updated row of which only {@code changedColumns} are given and set; the others keep their values. */
    public static ChangeRecord partialUpdate(Map<String, Object> key, Object values, long version,
            Set<String> changedColumns) {
        if (changedColumns == null) {
            throw new IllegalArgumentException("A partial update of key " + key + " needs its changed columns.");
        }
        return new ChangeRecord(ChangeOperation.UPDATE, key, values, version, changedColumns);
    }

    /**
     * A deleted row without its values: a soft delete then marks the row as StarRocks holds it when the delete is
     * applied (see {@link DeleteMode#SOFT}).
     */
    public static ChangeRecord delete(Map<String, Object> key, long version) {
        return new ChangeRecord(ChangeOperation.DELETE, key, null, version, null);
    }

    /**
     * A deleted row with its before image, the whole row as it was before the delete (Debezium's {@code before},
     * a PostgreSQL table with {@code REPLICA IDENTITY FULL}): a soft delete writes these values with the delete's
     * version, so that the row holds its last values whatever order the changes arrive in. Hard deletes use only
     * the key.
     */
    public static ChangeRecord delete(Map<String, Object> key, Object before, long version) {
        if (before == null) {
            throw new IllegalArgumentException("A delete of key " + key + " at version " + version
                    + " was given a null before image; use ChangeRecord.delete(key, version) when the source has "
                    + "none.");
        }
        return new ChangeRecord(ChangeOperation.DELETE, key, before, version, null);
    }

    /** Whether only some columns are set. */
    public boolean isPartial() {
        return this.changedColumns != null;
    }

}
