package io.github.srboot.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.srboot.jdbc.StarRocksError;
import io.github.srboot.jdbc.StarRocksReflectionException;
import io.github.srboot.schema.ChangeKind;
import io.github.srboot.schema.MigrationPlan;
import io.github.srboot.schema.StarRocksSchemaDiff;

import org.springframework.lang.Nullable;

/**
 * {@link StarRocksSchemaDiff#plan()} reused for a short time, so that the {@code starrocksschema} endpoint, the
 * {@code starrocks} endpoint's drift summary and the {@code starrocks.schema.drift} gauge do not reflect the whole
 * database on every call. A failed plan is kept for the same time, with what could not be read.
 */
public final class CachedSchemaPlan {

    private final StarRocksSchemaDiff diff;

    private final Duration ttl;

    private final Clock clock;

    @Nullable
    private Result last;

    /**
     * Creates the cache.
     * @param ttl how long a result is reused; zero computes a plan on every call
     */
    public CachedSchemaPlan(StarRocksSchemaDiff diff, Duration ttl) {
        this(diff, ttl, Clock.systemUTC());
    }

    CachedSchemaPlan(StarRocksSchemaDiff diff, Duration ttl, Clock clock) {
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be zero or positive, got " + ttl);
        }
        this.diff = diff;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The database compared.
     */
    public String getDatabase() {
        return this.diff.getDatabase();
    }

    /**
     * The cached result, or a new plan when it is older than the TTL. Callers arriving while a plan is computed
     * wait for it rather than start another.
     */
    public synchronized Result get() {
        Instant now = this.clock.instant();
        if (this.last != null && now.isBefore(this.last.computedAt().plus(this.ttl))) {
            return this.last;
        }
        this.last = compute();
        return this.last;
    }

    private Result compute() {
        try {
            MigrationPlan plan = this.diff.plan();
            // Objects whose definition cannot be read are in the plan, reported and left alone.
            List<UnreadableObject> unreadable = plan.changes().stream()
                .filter((change) -> change.kind() == ChangeKind.UNREADABLE_OBJECT)
                .map((change) -> new UnreadableObject(null, change.object() + ": " + String.join("; ", change.details())))
                .toList();
            return new Result(plan, unreadable, null, this.clock.instant());
        }
        catch (StarRocksReflectionException ex) {
            // Reflection of the whole catalog failed (not one object's definition): the failing statement is named.
            return new Result(null, List.of(new UnreadableObject(ex.getSql(), ex.getMessage())), null,
                    this.clock.instant());
        }
        catch (RuntimeException ex) {
            String detail = StarRocksError.find(ex).map((error) -> error.serverMessage()).orElse(null);
            return new Result(null, List.of(), (detail != null) ? detail : ex.getMessage(), this.clock.instant());
        }
    }

    /**
     * One attempt to plan.
     *
     * @param plan the plan, or {@code null} when planning failed
     * @param unreadable the objects reflection could not read: those the plan reports as
     * {@code UNREADABLE_OBJECT} (the others were compared), or the statement that stopped reflection altogether
     * @param error why planning failed otherwise (connection, privileges, desired schema), or {@code null}
     * @param computedAt when the attempt was made
     */
    public record Result(@Nullable MigrationPlan plan, List<UnreadableObject> unreadable, @Nullable String error,
            Instant computedAt) {

        public Result {
            unreadable = List.copyOf(unreadable);
        }

    }

    /**
     * An object the database has but reflection could not read into the model.
     *
     * @param statement the statement whose answer could not be read (e.g. its {@code SHOW CREATE}), naming the
     * object, or {@code null}
     * @param problem what was wrong
     */
    public record UnreadableObject(@Nullable String statement, String problem) {
    }

}
