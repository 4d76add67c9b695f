package io.github.srboot.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.View;

/**
 * Compares the actual schema of a database with the desired one and plans the changes: StarRocks' autogenerate.
 * Pure: no connection, no Spring. Equal things compare equal however they are spelled (types, identifier case,
 * quoting, implicit keys, nullability and distribution, server-added properties, query text), so a table created
 * from the user's DDL never shows a phantom difference against what {@code SHOW CREATE} prints.
 *
 * <p>Objects are matched by exact name (StarRocks table names are case-sensitive), columns and indexes without case.
 * Columns are never renamed by guessing: a renamed column is a drop and an add.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /**
     * Compares without dropping anything: objects, columns and partitions that exist but are not desired are
     * reported as unexpected.
     * @param actual the objects that exist (reflected from the database)
     * @param desired the objects wanted
     * @return the plan, empty when the schemas agree
     */
    public static MigrationPlan compare(Collection<? extends SchemaObject> actual,
            Collection<? extends SchemaObject> desired) {
        return compare(actual, desired, false);
    }

    /**
     * Compares the schemas.
     * @param actual the objects that exist (reflected from the database)
     * @param desired the objects wanted
     * @param allowDrop whether objects, columns and partitions that are not desired are dropped (destructive) rather
     * than reported (temporary tables, on either side, are left out: they belong to a session, not to the schema)
     * @return the plan, empty when the schemas agree
     * @throws IllegalArgumentException when one side names an object twice
     */
    public static MigrationPlan compare(Collection<? extends SchemaObject> actual,
            Collection<? extends SchemaObject> desired, boolean allowDrop) {
        // Temporary tables belong to a session, not to the database's schema: neither side's count.
        Map<String, SchemaObject> existing = byName(persistent(actual), "actual");
        byName(persistent(desired), "desired");
        Map<Phase, List<SchemaChange>> phases = new EnumMap<>(Phase.class);
        for (SchemaObject wanted : persistent(desired)) {
            SchemaObject current = existing.remove(wanted.name());
            if (current == null) {
                add(phases, createPhase(wanted), create(wanted));
            }
            else if (ObjectRef.kindOf(current) != ObjectRef.kindOf(wanted)) {
                add(phases, createPhase(wanted), replaceKind(current, wanted, allowDrop));
            }
            else {
                compareSameKind(current, wanted, allowDrop)
                        .forEach(change -> add(phases, alterPhase(wanted), change));
            }
        }
        for (SchemaObject unwanted : existing.values()) {
            add(phases, dropPhase(unwanted), drop(unwanted, allowDrop));
        }
        List<SchemaChange> ordered = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            ordered.addAll(phases.getOrDefault(phase, List.of()));
        }
        return new MigrationPlan(ordered);
    }

    private static List<SchemaObject> persistent(Collection<? extends SchemaObject> objects) {
        return objects.stream()
            .filter((object) -> !(object instanceof Table table && table.temporary()))
            .map(SchemaObject.class::cast)
            .toList();
    }

    private static Map<String, SchemaObject> byName(Collection<? extends SchemaObject> objects, String side) {
        Map<String, SchemaObject> byName = new LinkedHashMap<>();
        for (SchemaObject object : objects) {
            if (byName.putIfAbsent(object.name(), object) != null) {
                throw new IllegalArgumentException("The " + side + " schema names '" + object.name() + "' twice");
            }
        }
        return byName;
    }

    private static List<SchemaChange> compareSameKind(SchemaObject current, SchemaObject wanted, boolean allowDrop) {
        if (wanted instanceof Table table) {
            return TableDiff.compare((Table) current, table, allowDrop);
        }
        if (wanted instanceof View view) {
            return ViewDiff.compare((View) current, view);
        }
        return ViewDiff.compare((MaterializedView) current, (MaterializedView) wanted, allowDrop);
    }

    private static SchemaChange create(SchemaObject wanted) {
        ObjectRef object = ObjectRef.of(wanted);
        ChangeKind kind = switch (object.kind()) {
            case TABLE -> ChangeKind.CREATE_TABLE;
            case VIEW -> ChangeKind.CREATE_VIEW;
            case MATERIALIZED_VIEW -> ChangeKind.CREATE_MATERIALIZED_VIEW;
        };
        return new SchemaChange.Executable(kind, object, List.of("create " + object), List.of(CreateObject.of(wanted)),
                false, false);
    }

    private static SchemaChange drop(SchemaObject unwanted, boolean allowDrop) {
        ObjectRef object = ObjectRef.of(unwanted);
        if (!allowDrop) {
            return new SchemaChange.Reported(ChangeKind.UNEXPECTED_OBJECT, object,
                    List.of(object + " exists but is not in the desired schema"),
                    "drops are not allowed; set starrocks.schema.allow-drop=true (or pass allowDrop) to drop it, "
                            + "or add it to the desired schema");
        }
        ChangeKind kind = switch (object.kind()) {
            case TABLE -> ChangeKind.DROP_TABLE;
            case VIEW -> ChangeKind.DROP_VIEW;
            case MATERIALIZED_VIEW -> ChangeKind.DROP_MATERIALIZED_VIEW;
        };
        // A view holds no data; a table keeps its data in the recycle bin for a while (no FORCE).
        return new SchemaChange.Executable(kind, object, List.of("drop " + object + " (not in the desired schema)"),
                List.of(new DropObject(object.kind(), object.objectName(), false, false)), false,
                object.kind() != ObjectKind.VIEW);
    }

    private static SchemaChange replaceKind(SchemaObject current, SchemaObject wanted, boolean allowDrop) {
        ObjectRef from = ObjectRef.of(current);
        ObjectRef to = ObjectRef.of(wanted);
        List<String> details = List.of(from + " exists where a " + to.kindName() + " is desired");
        if (!allowDrop) {
            return new SchemaChange.Refused(ChangeKind.OBJECT_TYPE, to, details,
                    "an object cannot change from " + from.kindName() + " to " + to.kindName(),
                    "drop or rename the existing " + from + " (set starrocks.schema.allow-drop=true to let the plan "
                            + "drop it), then create the " + to);
        }
        return new SchemaChange.Executable(ChangeKind.OBJECT_TYPE, to, details,
                List.of(new DropObject(from.kind(), from.objectName(), false, false), CreateObject.of(wanted)),
                false, from.kind() != ObjectKind.VIEW);
    }

    private static void add(Map<Phase, List<SchemaChange>> phases, Phase phase, SchemaChange change) {
        phases.computeIfAbsent(phase, key -> new ArrayList<>()).add(change);
    }

    private static Phase createPhase(SchemaObject object) {
        return switch (ObjectRef.kindOf(object)) {
            case TABLE -> Phase.CREATE_TABLES;
            case VIEW -> Phase.VIEWS;
            case MATERIALIZED_VIEW -> Phase.MATERIALIZED_VIEWS;
        };
    }

    private static Phase alterPhase(SchemaObject object) {
        return switch (ObjectRef.kindOf(object)) {
            case TABLE -> Phase.ALTER_TABLES;
            case VIEW -> Phase.VIEWS;
            case MATERIALIZED_VIEW -> Phase.MATERIALIZED_VIEWS;
        };
    }

    private static Phase dropPhase(SchemaObject object) {
        return switch (ObjectRef.kindOf(object)) {
            case TABLE -> Phase.DROP_TABLES;
            case VIEW -> Phase.DROP_VIEWS;
            case MATERIALIZED_VIEW -> Phase.DROP_MATERIALIZED_VIEWS;
        };
    }

    /**
     * The safe order: tables exist and have their new columns before the views and materialized views that read
     * them are created or changed; readers are dropped before the tables they read.
     */
    private enum Phase {
        CREATE_TABLES, ALTER_TABLES, VIEWS, MATERIALIZED_VIEWS, DROP_MATERIALIZED_VIEWS, DROP_VIEWS, DROP_TABLES
    }

}
