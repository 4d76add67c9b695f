package io.github.srboot.actuate;

import java.util.List;

import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaChange;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code starrocksschema} endpoint: whether the database drifted from the desired schema, and the plan
 * that would bring it back (changes with their flags, and the SQL). It never changes anything.
 */
@Endpoint(id = "starrocksschema")
public class StarRocksSchemaEndpoint {

    private final StarRocksSchemaDiff diff;

    /**
     * Creates the endpoint.
     * @param diff the schema diff
     */
    public StarRocksSchemaEndpoint(StarRocksSchemaDiff diff) {
        this.diff = diff;
    }

    /**
     * Compares the database with the desired schema now.
     * @return the drift report
     */
    @ReadOperation
    public SchemaDriftDescriptor drift() {
        MigrationPlan plan = this.diff.plan();
        return new SchemaDriftDescriptor(this.diff.getDatabase(), !plan.isEmpty(),
                plan.changes().stream().map(ChangeDescriptor::of).toList(), plan.statements());
    }

    /**
     * The drift of one database.
     *
     * @param database the database compared
     * @param drift whether it differs from the desired schema
     * @param changes the planned changes in order
     * @param statements the SQL of the executable changes in order
     */
    public record SchemaDriftDescriptor(String database, boolean drift, List<ChangeDescriptor> changes,
            List<String> statements) implements OperationResponseBody {
    }

    /**
     * One planned change.
     *
     * @param kind what changes
     * @param object the object, e.g. {@code table events}
     * @param details what differs
     * @param sql the statements, empty when refused or reported
     * @param asynchronous whether a StarRocks job runs
     * @param destructive whether data is dropped
     * @param refused whether StarRocks cannot do it
     * @param applicable whether the change has statements to run
     * @param reason why it is refused or not applied, or null
     * @param manualPath how to make a refused change by hand, or null
     */
    public record ChangeDescriptor(String kind, String object, List<String> details, List<String> sql,
            boolean asynchronous, boolean destructive, boolean refused, boolean applicable, String reason,
            String manualPath) {

        static ChangeDescriptor of(SchemaChange change) {
            String reason = null;
            String manualPath = null;
            if (change instanceof SchemaChange.Refused refusedChange) {
                reason = refusedChange.reason();
                manualPath = refusedChange.manualPath();
            }
            else if (change instanceof SchemaChange.Reported reported) {
                reason = reported.reason();
            }
            return new ChangeDescriptor(change.kind().name(), change.object().toString(), change.details(),
                    change.sql(), change.asynchronous(), change.destructive(), change.refused(),
                    change instanceof SchemaChange.Executable, reason, manualPath);
        }

    }

}
