package io.github.srboot.streamload.cdc;

import java.util.List;

import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * The names of the audit columns written with every change by {@link StreamLoadTemplate#applyChanges}.
 *
 * @param operationType TINYINT: 0 insert, 1 update, 2 delete ({@link ChangeOperation#auditCode()})
 * @param deleted BOOLEAN: whether the row is soft-deleted
 * @param syncedAt DATETIME (UTC): when the change was encoded for loading
 * @param version BIGINT: the change's source version, the {@code merge_condition} column
 */
public record AuditColumns(String operationType, String deleted, String syncedAt, String version) {

    /** {@code _sr_op_type}, {@code _sr_is_deleted}, {@code _sr_synced_at}, {@code _sr_version}. */
    public static final AuditColumns DEFAULT = new AuditColumns("_sr_op_type", "_sr_is_deleted", "_sr_synced_at",
            "_sr_version");

    /**
     * Checks the names.
     */
    public AuditColumns {
        List<String> names = java.util.Arrays.asList(operationType, deleted, syncedAt, version);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Audit column names must not be blank: " + names);
            }
        }
        if (new java.util.HashSet<>(names.stream().map((name) -> name.toLowerCase(java.util.Locale.ROOT)).toList())
            .size() != 4) {
            throw new IllegalArgumentException("Audit column names must differ: " + names);
        }
    }

    /** The four names in table order. */
    public List<String> names() {
        return List.of(this.operationType, this.deleted, this.syncedAt, this.version);
    }

}
