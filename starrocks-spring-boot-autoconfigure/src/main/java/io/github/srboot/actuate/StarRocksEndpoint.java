package io.github.srboot.actuate;

import java.time.Instant;
import java.util.List;

import io.github.srboot.schema.MigrationPlan;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;

/**
 * The read-only {@code starrocks} endpoint: the server version, each FE and the backends with their state (from
 * the same cached probe round as health), the configured database, and a summary of the schema drift (from the
 * cached plan, when a schema diff exists). Shows no credentials and no statements.
 */
@Endpoint(id = "starrocks")
public class StarRocksEndpoint {

    private final StarRocksClusterProbe probe;

    @Nullable
    private final String database;

    @Nullable
    private final CachedSchemaPlan plans;

    /**
     * Creates the endpoint.
     * @param database the configured database, or {@code null}
     * @param plans the cached schema plan, or {@code null} when there is no schema diff
     */
    public StarRocksEndpoint(StarRocksClusterProbe probe, @Nullable String database, @Nullable CachedSchemaPlan plans) {
        this.probe = probe;
        this.database = database;
        this.plans = plans;
    }

    /**
     * The cluster as last probed.
     * @return the description
     */
    @ReadOperation
    public ClusterDescriptor cluster() {
        ClusterState state = this.probe.state();
        String version = (state.jdbc() != null) ? state.jdbc().version() : null;
        return new ClusterDescriptor(version, this.database, state.jdbc(), state.frontends(), state.backends(),
                (this.plans != null) ? DriftSummary.of(this.plans.get()) : null);
    }

    /**
     * The cluster.
     *
     * @param version the server version ({@code @@version_comment}), or {@code null} when JDBC is absent or down
     * @param database the configured database ({@code starrocks.database}), or {@code null}
     * @param jdbc the JDBC probe, or {@code null} when there is no StarRocks DataSource
     * @param frontends each configured FE with its state
     * @param backends the backends with where their counts come from
     * @param drift the schema drift summary, or {@code null} when there is no schema diff
     */
    public record ClusterDescriptor(@Nullable String version, @Nullable String database,
            @Nullable ClusterState.Jdbc jdbc, List<ClusterState.Frontend> frontends, ClusterState.Backends backends,
            @Nullable DriftSummary drift) implements OperationResponseBody {
    }

    /**
     * The schema drift in numbers; details on the {@code starrocksschema} endpoint.
     *
     * @param drift whether the database differs from the desired schema, or {@code null} when no plan could be made
     * @param pendingChanges changes in the plan
     * @param refusedChanges changes StarRocks cannot apply
     * @param destructiveChanges changes that drop data
     * @param unreadable objects reflection could not read
     * @param error why no plan could be made otherwise, or {@code null}
     * @param computedAt when the plan was made
     */
    public record DriftSummary(@Nullable Boolean drift, int pendingChanges, int refusedChanges,
            int destructiveChanges, List<CachedSchemaPlan.UnreadableObject> unreadable, @Nullable String error,
            Instant computedAt) {

        static DriftSummary of(CachedSchemaPlan.Result result) {
            MigrationPlan plan = result.plan();
            if (plan == null) {
                return new DriftSummary(null, 0, 0, 0, result.unreadable(), result.error(), result.computedAt());
            }
            return new DriftSummary(!plan.isEmpty(), plan.changes().size(), plan.refused().size(),
                    plan.destructive().size(), result.unreadable(), null, result.computedAt());
        }

    }

}
