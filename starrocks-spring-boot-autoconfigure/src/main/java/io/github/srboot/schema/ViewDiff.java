package io.github.srboot.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.srboot.ddl.AlterMaterializedView;
import io.github.srboot.ddl.AlterView;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.IndexDef;
import io.github.srboot.ddl.Interval;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.MaterializedViewAction;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.RefreshScheme;
import io.github.srboot.ddl.View;
import io.github.srboot.ddl.ViewColumn;
import io.github.srboot.ddl.ViewSecurity;

/**
 * Compares views and materialized views. A view changes in place ({@code ALTER VIEW}, or {@code CREATE OR REPLACE
 * VIEW} when its comment or security changes); a materialized view changes its refresh scheme and properties in
 * place and is dropped and created again for anything else StarRocks cannot alter.
 */
final class ViewDiff {

    private ViewDiff() {
    }

    /**
     * The change that turns one view into the other.
     * @param actual the view as it is
     * @param desired the view as desired
     * @return the changes, empty when the views are equal
     */
    static List<SchemaChange> compare(View actual, View desired) {
        ObjectRef object = ObjectRef.of(desired);
        List<String> details = new ArrayList<>();
        boolean queryChanged = !SqlNormalizer.sameQuery(actual.query(), desired.query());
        if (queryChanged) {
            details.add("query changed");
        }
        boolean columnsChanged = !desired.columns().isEmpty() && !sameColumns(actual.columns(), desired.columns());
        if (columnsChanged) {
            details.add("columns " + names(actual.columns()) + " -> " + names(desired.columns()));
        }
        boolean commentChanged = !Normal.comment(actual.comment()).equals(Normal.comment(desired.comment()));
        if (commentChanged) {
            details.add("comment '" + Normal.comment(actual.comment()) + "' -> '" + Normal.comment(desired.comment())
                    + "'");
        }
        boolean securityChanged = security(actual) != security(desired);
        if (securityChanged) {
            details.add("security " + security(actual) + " -> " + security(desired));
        }
        if (details.isEmpty()) {
            return List.of();
        }
        // ALTER VIEW only carries the column list and the query; comment and security need the whole definition.
        var statement = (commentChanged || securityChanged)
                ? new CreateObject(null, desired, false, true)
                : new AlterView(object.objectName(), desired.columns(), desired.query());
        return List.of(new SchemaChange.Executable(ChangeKind.VIEW_DEFINITION, object, details, List.of(statement),
                false, false));
    }

    /**
     * The changes that turn one materialized view into the other.
     * @param actual the materialized view as it is
     * @param desired the materialized view as desired
     * @return the changes, empty when equal
     */
    static List<SchemaChange> compare(MaterializedView actual, MaterializedView desired, boolean allowDrop) {
        ObjectRef object = ObjectRef.of(desired);
        List<String> rebuild = new ArrayList<>();
        if (!SqlNormalizer.sameQuery(actual.query(), desired.query())) {
            rebuild.add("query changed");
        }
        if (!Normal.partitionScheme(actual.partition()).equals(Normal.partitionScheme(desired.partition()))) {
            rebuild.add("partitioning " + Normal.partitionScheme(actual.partition()) + " -> "
                    + Normal.partitionScheme(desired.partition()));
        }
        if (desired.distribution() != null && actual.distribution() != null) {
            boolean buckets = Normal.buckets(desired.distribution()) != null;
            String from = Normal.distribution(actual.distribution(), buckets);
            String to = Normal.distribution(desired.distribution(), buckets);
            if (!from.equals(to)) {
                rebuild.add("distribution " + from + " -> " + to);
            }
        }
        if (!desired.orderBy().isEmpty() && !Normal.sameNames(actual.orderBy(), desired.orderBy())) {
            rebuild.add("sort key " + actual.orderBy() + " -> " + desired.orderBy());
        }
        // Servers print the column list of a materialized view without comments (older ones not at all): names only.
        if (!desired.columns().isEmpty() && !actual.columns().isEmpty()
                && !Normal.sameNames(names(actual.columns()), names(desired.columns()))) {
            rebuild.add("columns " + names(actual.columns()) + " -> " + names(desired.columns()));
        }
        if (!rebuild.isEmpty()) {
            if (!allowDrop) {
                return List.of(new SchemaChange.Reported(ChangeKind.MATERIALIZED_VIEW_RECREATE, object, rebuild,
                        "StarRocks cannot alter these, and dropping the materialized view (its data is rebuilt by the "
                                + "next refresh) is not allowed; set starrocks.schema.allow-drop=true (or pass "
                                + "allowDrop) to drop and create it, or drop it by hand"));
            }
            rebuild.add("StarRocks cannot alter these: the materialized view is dropped and created again, and its "
                    + "data is rebuilt by the next refresh");
            return List.of(new SchemaChange.Executable(ChangeKind.MATERIALIZED_VIEW_RECREATE, object, rebuild,
                    List.of(new DropObject(ObjectKind.MATERIALIZED_VIEW, object.objectName(), false, false),
                            CreateObject.of(desired)),
                    false, true));
        }
        List<SchemaChange> changes = new ArrayList<>();
        refresh(actual, desired, object, changes);
        properties(actual, desired, object, changes);
        indexes(actual, desired, object, changes);
        if (!Normal.materializedViewComment(actual.comment())
            .equals(Normal.materializedViewComment(desired.comment()))) {
            changes.add(new SchemaChange.Refused(ChangeKind.MATERIALIZED_VIEW_COMMENT, object,
                    List.of("comment '" + Normal.comment(actual.comment()) + "' -> '"
                            + Normal.comment(desired.comment()) + "'"),
                    "StarRocks cannot alter the comment of a materialized view",
                    "drop the materialized view and create it again with the new comment (its data is rebuilt "
                            + "by the next refresh)"));
        }
        return changes;
    }

    /**
     * Indexes of a materialized view ({@code CREATE INDEX i ON mv (c) USING BITMAP}): compared like a table's (GIN
     * defaults added), reported with the statement to run, which the model has no form for.
     */
    private static void indexes(MaterializedView actual, MaterializedView desired, ObjectRef object,
            List<SchemaChange> changes) {
        Map<String, IndexDef> existing = new LinkedHashMap<>();
        actual.indexes().forEach((index) -> existing.put(Normal.fold(index.name()), index));
        for (IndexDef wanted : desired.indexes()) {
            IndexDef current = existing.remove(Normal.fold(wanted.name()));
            if (current == null || !TableDiff.sameIndex(current, wanted)) {
                changes.add(new SchemaChange.Refused(ChangeKind.ADD_INDEX, object,
                        List.of(((current == null) ? "add " : "replace ") + wanted.type() + " index " + wanted.name()),
                        "the plan has no statement for an index of a materialized view",
                        ((current == null) ? "" : "run DROP INDEX " + Ddl.quoteIdentifier(wanted.name()) + " ON "
                                + Ddl.quoteIdentifier(object.name()) + ", then ") + "run CREATE INDEX "
                                + Ddl.quoteIdentifier(wanted.name()) + " ON " + Ddl.quoteIdentifier(object.name())
                                + " (" + String.join(", ", wanted.columns().stream().map(Ddl::quoteIdentifier).toList())
                                + ") USING " + wanted.type()));
            }
        }
        for (IndexDef unwanted : existing.values()) {
            changes.add(new SchemaChange.Refused(ChangeKind.DROP_INDEX, object,
                    List.of("drop index " + unwanted.name()),
                    "the plan has no statement for an index of a materialized view",
                    "run DROP INDEX " + Ddl.quoteIdentifier(unwanted.name()) + " ON "
                            + Ddl.quoteIdentifier(object.name())));
        }
    }

    private static void refresh(MaterializedView actual, MaterializedView desired, ObjectRef object,
            List<SchemaChange> changes) {
        RefreshScheme wanted = desired.refresh();
        if (wanted == null) {
            return; // not declared: whatever the server chose is accepted
        }
        RefreshScheme current = actual.refresh();
        // IMMEDIATE / DEFERRED only decides the first refresh after CREATE, so it is not compared. START is only
        // compared when declared: the server fills in the creation time.
        boolean same = current != null && current.type() == wanted.type()
                && sameInterval(current.every(), wanted.every())
                && (wanted.start() == null || Objects.equals(Normal.refreshStart(current.start()),
                        Normal.refreshStart(wanted.start())));
        if (same) {
            return;
        }
        RefreshScheme alterable = new RefreshScheme(null, wanted.type(), wanted.start(), wanted.every());
        changes.add(new SchemaChange.Executable(ChangeKind.MATERIALIZED_VIEW_REFRESH, object,
                List.of("refresh " + describe(current) + " -> " + describe(alterable)),
                List.of(new AlterMaterializedView(object.objectName(), new MaterializedViewAction.Refresh(alterable))),
                false, false));
    }

    private static boolean sameInterval(Interval first, Interval second) {
        if (first == null || second == null) {
            return first == second;
        }
        return first.amount() == second.amount() && first.unit() == second.unit();
    }

    private static String describe(RefreshScheme scheme) {
        if (scheme == null) {
            return "none";
        }
        return scheme.type() + (scheme.start() != null ? " START " + scheme.start() : "")
                + (scheme.every() != null ? " EVERY " + scheme.every().amount() + " " + scheme.every().unit() : "");
    }

    private static void properties(MaterializedView actual, MaterializedView desired, ObjectRef object,
            List<SchemaChange> changes) {
        Map<String, String> existing = Normal.properties(actual.properties());
        desired.properties().forEach((key, value) -> {
            String current = existing.get(key.toLowerCase(Locale.ROOT));
            if (!PropertyRules.sameValue(key, current, value)) {
                changes.add(new SchemaChange.Executable(ChangeKind.MATERIALIZED_VIEW_PROPERTY, object,
                        List.of("property " + key + ": " + (current != null ? "'" + current + "'" : "unset") + " -> '"
                                + value + "'"),
                        List.of(new AlterMaterializedView(object.objectName(),
                                new MaterializedViewAction.SetProperties(Map.of(key, value)))),
                        false, false));
            }
        });
    }

    private static ViewSecurity security(View view) {
        return (view.security() != null) ? view.security() : ViewSecurity.NONE;
    }

    private static boolean sameColumns(List<ViewColumn> actual, List<ViewColumn> desired) {
        if (actual.size() != desired.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!Normal.fold(actual.get(i).name()).equals(Normal.fold(desired.get(i).name()))
                    || !Normal.comment(actual.get(i).comment()).equals(Normal.comment(desired.get(i).comment()))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(List<ViewColumn> columns) {
        return columns.stream().map(ViewColumn::name).toList();
    }

}
