package io.github.srboot.schema;

import java.util.List;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DdlStatement;

/**
 * One difference between the actual and the desired schema, with the statements that remove it or the reason
 * they cannot. Three shapes: {@link Executable} (statements to run), {@link Refused} (StarRocks cannot do it;
 * comes with the manual path) and {@link Reported} (a difference deliberately not acted on, e.g. an unexpected
 * object while drops are not allowed).
 */
public sealed interface SchemaChange permits SchemaChange.Executable, SchemaChange.Refused, SchemaChange.Reported {

    /**
     * What is changed.
     * @return the kind
     */
    ChangeKind kind();

    /**
     * The object changed.
     * @return the object reference
     */
    ObjectRef object();

    /**
     * What differs, one line per difference, readable by a person (e.g. {@code "column price: type DECIMAL(10, 2)
     * -> DECIMAL(12, 2)"}).
     * @return the lines, never empty
     */
    List<String> details();

    /**
     * The statements to run, in order; empty for refused and reported changes.
     * @return the statements
     */
    default List<DdlStatement> statements() {
        return List.of();
    }

    /**
     * The SQL of {@link #statements()}, rendered by the ddl printer, without trailing semicolons.
     * @return the SQL texts
     */
    default List<String> sql() {
        return statements().stream().map(Ddl::render).toList();
    }

    /**
     * Whether StarRocks runs (part of) this change as an asynchronous job that must finish before the next
     * schema change on the same table.
     * @return true for jobs to wait for
     */
    default boolean asynchronous() {
        return false;
    }

    /**
     * Whether this change drops data.
     * @return true when data is lost
     */
    default boolean destructive() {
        return false;
    }

    /**
     * Whether StarRocks cannot make this change.
     * @return true for {@link Refused}
     */
    default boolean refused() {
        return false;
    }

    /**
     * A change carried out by running statements.
     *
     * @param kind what is changed
     * @param object the object changed
     * @param details what differs, one line each
     * @param statements the statements, at least one
     * @param asynchronous whether a job must be waited for
     * @param destructive whether data is dropped
     */
    record Executable(ChangeKind kind, ObjectRef object, List<String> details, List<DdlStatement> statements,
            boolean asynchronous, boolean destructive) implements SchemaChange {

        /**
         * Copies the lists and checks there is something to run.
         */
        public Executable {
            details = List.copyOf(details);
            statements = List.copyOf(statements);
            requireDetails(kind, object, details);
            if (statements.isEmpty()) {
                throw new IllegalArgumentException("An executable change needs a statement: " + kind + " " + object);
            }
        }

    }

    /**
     * A change StarRocks cannot make, with the reason and the way to make it by hand.
     *
     * @param kind what would be changed
     * @param object the object
     * @param details what differs, one line each
     * @param reason why StarRocks refuses it
     * @param manualPath how to reach the desired schema by hand
     */
    record Refused(ChangeKind kind, ObjectRef object, List<String> details, String reason, String manualPath)
            implements SchemaChange {

        /**
         * Copies the lists and checks the explanation is present.
         */
        public Refused {
            details = List.copyOf(details);
            requireDetails(kind, object, details);
            if (reason == null || reason.isBlank() || manualPath == null || manualPath.isBlank()) {
                throw new IllegalArgumentException("A refused change needs a reason and a manual path: " + kind);
            }
        }

        @Override
        public boolean refused() {
            return true;
        }

    }

    /**
     * A difference reported without statements, because the configuration does not allow acting on it.
     *
     * @param kind what differs
     * @param object the object
     * @param details what differs, one line each
     * @param reason why nothing is done and how to change that
     */
    record Reported(ChangeKind kind, ObjectRef object, List<String> details, String reason) implements SchemaChange {

        /**
         * Copies the lists and checks the reason is present.
         */
        public Reported {
            details = List.copyOf(details);
            requireDetails(kind, object, details);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("A reported change needs a reason: " + kind);
            }
        }

    }

    private static void requireDetails(ChangeKind kind, ObjectRef object, List<String> details) {
        if (kind == null || object == null || details.isEmpty()) {
            throw new IllegalArgumentException("A schema change needs a kind, an object and at least one detail, got "
                    + kind + " " + object + " " + details);
        }
    }

}
