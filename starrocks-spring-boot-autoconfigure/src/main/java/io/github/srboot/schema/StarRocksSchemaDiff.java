package io.github.srboot.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.github.srboot.ddl.AlterMaterializedView;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.AlterView;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.DdlStatement;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.jdbc.ReflectedSchema;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.jdbc.UnreadableObject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The schema diff of one database: reflects it through {@link StarRocksTemplate}, compares it with the desired
 * schema ({@code db/schema/*.sql} files and {@link SchemaObject} beans) and plans, applies or writes the changes as
 * the next Flyway migration.
 */
public class StarRocksSchemaDiff {

    private static final Log logger = LogFactory.getLog(StarRocksSchemaDiff.class);

    private final Target target;

    private final String database;

    private final Supplier<List<SchemaObject>> desiredSchema;

    private final boolean allowDrop;

    /** Lower-case names of the tables another tool owns, left out of every plan. */
    private final Set<String> unmanagedTables;

    /**
     * Creates the diff of a database.
     * @param template reflects the database and runs the statements
     * @param database the database to compare; may be null, then planning fails with an explanation
     * @param desiredSchema supplies the desired objects (read on every plan)
     * @param allowDrop whether objects, columns and partitions that are not desired are dropped
     */
    public StarRocksSchemaDiff(StarRocksTemplate template, String database, Supplier<List<SchemaObject>> desiredSchema,
            boolean allowDrop) {
        this(template, database, desiredSchema, allowDrop, Set.of());
    }

    /**
     * Creates the diff of a database in which some tables belong to another tool.
     * @param template reflects the database and runs the statements
     * @param database the database to compare; may be null, then planning fails with an explanation
     * @param desiredSchema supplies the desired objects (read on every plan)
     * @param allowDrop whether objects, columns and partitions that are not desired are dropped
     * @param unmanagedTables tables the diff never compares, reports or drops unless they are desired, such as
     * Flyway's schema history table and its lock table
     */
    public StarRocksSchemaDiff(StarRocksTemplate template, String database, Supplier<List<SchemaObject>> desiredSchema,
            boolean allowDrop, Collection<String> unmanagedTables) {
        this(new TemplateTarget(template), database, desiredSchema, allowDrop, unmanagedTables);
    }

    StarRocksSchemaDiff(Target target, String database, Supplier<List<SchemaObject>> desiredSchema,
            boolean allowDrop) {
        this(target, database, desiredSchema, allowDrop, Set.of());
    }

    StarRocksSchemaDiff(Target target, String database, Supplier<List<SchemaObject>> desiredSchema,
            boolean allowDrop, Collection<String> unmanagedTables) {
        this.target = target;
        this.database = database;
        this.desiredSchema = desiredSchema;
        this.allowDrop = allowDrop;
        Set<String> names = new HashSet<>();
        unmanagedTables.forEach((name) -> names.add(name.toLowerCase(Locale.ROOT)));
        this.unmanagedTables = Set.copyOf(names);
    }

    /**
     * The database compared.
     * @return the database name, or null when none is configured
     */
    public String getDatabase() {
        return this.database;
    }

    private String requireDatabase() {
        if (this.database == null || this.database.isBlank()) {
            throw new IllegalStateException("The StarRocks schema diff needs a database to compare: set "
                    + "starrocks.database (or provide it through StarRocksConnectionDetails)");
        }
        return this.database;
    }

    /**
     * The tables another tool owns, which the plans leave out unless the desired schema declares them.
     * @return their names, in lower case
     */
    public Set<String> getUnmanagedTables() {
        return this.unmanagedTables;
    }

    /**
     * Whether the plans drop objects, columns and partitions that are not desired.
     * @return true when drops are planned rather than reported
     */
    public boolean isAllowDrop() {
        return this.allowDrop;
    }

    /**
     * The desired schema, read from its sources now.
     * @return the desired objects
     */
    public List<SchemaObject> desired() {
        return this.desiredSchema.get();
    }

    /**
     * The actual schema, reflected from the database now.
     * @return every table, view and materialized view of the database whose definition could be read
     */
    public List<SchemaObject> actual() {
        return reflect().objects();
    }

    /**
     * The actual schema, reflected from the database now, with the objects whose definition could not be read.
     * @return the objects read and those that could not be
     */
    public ReflectedSchema reflect() {
        return this.target.reflect(requireDatabase());
    }

    /**
     * Compares the database with the desired schema. An object whose definition cannot be read is reported as
     * {@link ChangeKind#UNREADABLE_OBJECT} (first in the plan) and left alone; the other objects are compared.
     * @return the plan, empty when there is no drift
     */
    public MigrationPlan plan() {
        List<SchemaObject> desired = desired();
        return plan(withoutUnmanaged(reflect(), desired), desired, this.allowDrop);
    }

    /**
     * The reflected schema without the unmanaged tables the desired schema does not name: they are another tool's,
     * so they are neither drift nor dropped.
     */
    private ReflectedSchema withoutUnmanaged(ReflectedSchema actual, List<SchemaObject> desired) {
        if (this.unmanagedTables.isEmpty()) {
            return actual;
        }
        Set<String> desiredNames = new HashSet<>();
        desired.forEach((object) -> desiredNames.add(object.name().toLowerCase(Locale.ROOT)));
        return new ReflectedSchema(
                actual.objects().stream().filter((object) -> managed(object.name(), desiredNames)).toList(),
                actual.unreadable().stream().filter((object) -> managed(object.name(), desiredNames)).toList());
    }

    private boolean managed(String name, Set<String> desiredNames) {
        String key = name.toLowerCase(Locale.ROOT);
        return !this.unmanagedTables.contains(key) || desiredNames.contains(key);
    }

    static MigrationPlan plan(ReflectedSchema actual, List<SchemaObject> desired, boolean allowDrop) {
        Set<String> unreadable = new HashSet<>();
        List<SchemaChange> changes = new ArrayList<>();
        for (UnreadableObject object : actual.unreadable()) {
            unreadable.add(object.name());
            changes.add(new SchemaChange.Reported(ChangeKind.UNREADABLE_OBJECT, new ObjectRef(object.kind(),
                    object.name()), List.of(object.reason()), "its definition cannot be read into the ddl model, "
                            + "so it is neither compared nor changed; compare it with the desired schema by hand"));
        }
        List<SchemaObject> comparable = desired.stream().filter((object) -> !unreadable.contains(object.name()))
            .toList();
        changes.addAll(SchemaDiff.compare(actual.objects(), comparable, allowDrop).changes());
        return new MigrationPlan(changes);
    }

    /**
     * Runs the executable changes of a plan in order, qualified with the database. After a change flagged
     * asynchronous, its {@code ALTER TABLE} waits for the jobs it started, so the next change on the table does
     * not collide with a running schema change. Refused and reported changes are logged and skipped. StarRocks DDL
     * is not transactional: the first failure stops here with the server's error, and the changes before it stay
     * applied (plan again to see what is left).
     * @param plan the plan, normally from {@link #plan()}
     * @return the changes that were applied, in order
     */
    public List<SchemaChange> apply(MigrationPlan plan) {
        String qualifier = requireDatabase();
        List<SchemaChange> applied = new ArrayList<>();
        for (SchemaChange change : plan.changes()) {
            if (!(change instanceof SchemaChange.Executable)) {
                logger.warn("Not applied: " + PlanText.headline(change) + " " + String.join("; ", PlanText.body(change)));
                continue;
            }
            for (DdlStatement statement : change.statements()) {
                DdlStatement qualified = qualify(statement, qualifier);
                if (change.asynchronous() && qualified instanceof AlterTable alter) {
                    this.target.alterAndWait(alter);
                }
                else {
                    this.target.execute(qualified);
                }
            }
            if (logger.isInfoEnabled()) {
                logger.info("Applied " + PlanText.headline(change) + ": " + String.join("; ", change.details()));
            }
            applied.add(change);
        }
        return applied;
    }

    /**
     * Plans and writes the plan as the next Flyway migration {@code V<next>__<description>.sql}.
     * @param directory the migration directory, e.g. {@code src/main/resources/db/migration}
     * @param description the file name's description
     * @return the file written, or empty when there is nothing to run
     */
    public Optional<Path> writeMigration(Path directory, String description) {
        return FlywayMigrationWriter.write(plan(), directory, description);
    }

    /**
     * The statement with the database named in it, so that it runs against the compared database whatever the
     * connection's current one is.
     */
    static DdlStatement qualify(DdlStatement statement, String database) {
        if (statement instanceof CreateObject create) {
            return new CreateObject(database, create.object(), create.ifNotExists(), create.orReplace());
        }
        if (statement instanceof AlterTable alter) {
            return new AlterTable(ObjectName.of(database, alter.table().name()), alter.clauses());
        }
        if (statement instanceof AlterView alter) {
            return new AlterView(ObjectName.of(database, alter.view().name()), alter.columns(), alter.query());
        }
        if (statement instanceof AlterMaterializedView alter) {
            return new AlterMaterializedView(ObjectName.of(database, alter.view().name()), alter.action());
        }
        if (statement instanceof DropObject drop) {
            return new DropObject(drop.kind(), ObjectName.of(database, drop.name().name()), drop.ifExists(),
                    drop.force());
        }
        throw new IllegalArgumentException("The schema diff does not plan " + statement.getClass().getSimpleName());
    }

    /**
     * What the diff needs from a database connection; {@link StarRocksTemplate} in production.
     */
    interface Target {

        ReflectedSchema reflect(String database);

        void execute(DdlStatement statement);

        void alterAndWait(AlterTable alter);

    }

    private record TemplateTarget(StarRocksTemplate template) implements Target {

        @Override
        public ReflectedSchema reflect(String database) {
            return this.template.reflect(database);
        }

        @Override
        public void execute(DdlStatement statement) {
            this.template.execute(statement);
        }

        @Override
        public void alterAndWait(AlterTable alter) {
            this.template.alterAndWait(alter);
        }

    }

}
