package io.github.srboot.schema;

import java.util.List;

/**
 * The changes that turn the actual schema into the desired one, in a safe order: tables are created before the
 * views and materialized views that read them, the changes of one table follow each other so that no two
 * schema-change jobs collide, and drops come last (materialized views and views before tables).
 *
 * @param changes the changes in order, possibly empty
 */
public record MigrationPlan(List<SchemaChange> changes) {

    /**
     * Copies the list.
     */
    public MigrationPlan {
        changes = List.copyOf(changes);
    }

    /**
     * Whether actual and desired schema agree: no change, nothing refused, nothing reported.
     * @return true when there is no difference at all
     */
    public boolean isEmpty() {
        return this.changes.isEmpty();
    }

    /**
     * The SQL of every executable change, in order, without trailing semicolons.
     * @return the statements
     */
    public List<String> statements() {
        return this.changes.stream().flatMap(change -> change.sql().stream()).toList();
    }

    /**
     * The changes StarRocks cannot make.
     * @return the refused changes, in plan order
     */
    public List<SchemaChange> refused() {
        return this.changes.stream().filter(SchemaChange::refused).toList();
    }

    /**
     * The changes that drop data.
     * @return the destructive changes, in plan order
     */
    public List<SchemaChange> destructive() {
        return this.changes.stream().filter(SchemaChange::destructive).toList();
    }

    /**
     * The changes reported without statements (e.g. unexpected objects while drops are not allowed).
     * @return the reported changes, in plan order
     */
    public List<SchemaChange> reported() {
        return this.changes.stream().filter(SchemaChange.Reported.class::isInstance).toList();
    }

    /**
     * A report a person reads: one block per change with its flags, details, SQL or reason.
     * @return the plan as text
     */
    @Override
    public String toString() {
        if (this.changes.isEmpty()) {
            return "MigrationPlan: no changes";
        }
        StringBuilder text = new StringBuilder("MigrationPlan: ").append(this.changes.size())
                .append(this.changes.size() == 1 ? " change" : " changes");
        int number = 1;
        for (SchemaChange change : this.changes) {
            text.append(System.lineSeparator()).append(number++).append(". ").append(PlanText.headline(change));
            for (String line : PlanText.body(change)) {
                // Multi-line statements keep the block's indentation on every line.
                text.append(System.lineSeparator()).append("   ")
                        .append(line.replaceAll("\\R", System.lineSeparator() + "   "));
            }
        }
        return text.toString();
    }

}
