package io.github.srboot.actuate;

import java.time.Instant;
import java.util.List;

import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.SchemaChange;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;

/**
 * The read-only {@code starrocksschema} endpoint: whether the database drifted from the desired schema, and the plan
 * that would bring it back (changes with their flags, and the SQL). It never changes anything; the plan is reused
 * for {@code starrocks.schema.report-cache-ttl} ({@link CachedSchemaPlan}), and objects reflection could not read
 * are named instead of failing the call.
 */
@Endpoint(id = "starrocksschema")
public class StarRocksSchemaEndpoint {

    private final CachedSchemaPlan plans;

    /**
     * Creates the endpoint.
     * @param plans the cached schema plan
     */
    public StarRocksSchemaEndpoint(CachedSchemaPlan plans) {
        this.plans = plans;
    }

    /**
     * The drift as last computed (at most the cache TTL ago).
     * @return the drift report
     */
    @ReadOperation
    public SchemaDriftDescriptor drift() {
        CachedSchemaPlan.Result result = this.plans.get();
        MigrationPlan plan = result.plan();
        if (plan == null) {
            return new SchemaDriftDescriptor(this.plans.getDatabase(), null, List.of(), List.of(),
                    result.unreadable(), result.error(), result.computedAt());
        }
        return new SchemaDriftDescriptor(this.plans.getDatabase(), !plan.isEmpty(),
                plan.changes().stream().map(ChangeDescriptor::of).toList(), plan.statements(), result.unreadable(),
                null, result.computedAt());
    }

    /**
     * The drift of one database.
     *
     * @param database the database compared
     * @param drift whether it differs from the desired schema, or {@code null} when no plan could be made
     * @param changes the planned changes in order
     * @param statements the SQL of the executable changes in order
     * @param unreadable the objects reflection could not read
     * @param error why no plan could be made otherwise, or {@code null}
     * @param computedAt when the plan was made
     */
    public record SchemaDriftDescriptor(String database, @Nullable Boolean drift, List<ChangeDescriptor> changes,
            List<String> statements, List<CachedSchemaPlan.UnreadableObject> unreadable, @Nullable String error,
            Instant computedAt) implements OperationResponseBody {
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
