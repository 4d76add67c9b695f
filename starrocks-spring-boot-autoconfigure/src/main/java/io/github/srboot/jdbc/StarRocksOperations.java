package io.github.srboot.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.srboot.ddl.AlterMaterializedView;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.AlterView;
import io.github.srboot.ddl.DdlStatement;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.SchemaObject;

import org.springframework.lang.Nullable;

/**
 * The DDL, reflection and ALTER-job operations of {@link StarRocksTemplate}, as an interface that application code
 * can depend on and tests can mock; the template's documentation of each method applies.
 */
public interface StarRocksOperations {

    /** Executes a statement as written (for statements the {@code ddl} model does not cover). */
    void execute(String sql);

    /** Executes a statement of the {@code ddl} model, rendered by its printer. */
    void execute(DdlStatement statement);

    /** {@code CREATE TABLE | VIEW | MATERIALIZED VIEW} in the default database, or the connection's current one. */
    void create(SchemaObject object);

    /** {@code CREATE TABLE | VIEW | MATERIALIZED VIEW} in {@code database}. */
    void create(String database, SchemaObject object);

    /** {@code CREATE ... IF NOT EXISTS} in the default database, or the connection's current one. */
    void createIfNotExists(SchemaObject object);

    /** {@code CREATE ... IF NOT EXISTS} in {@code database}. */
    void createIfNotExists(String database, SchemaObject object);

    /** {@code DROP TABLE | VIEW | MATERIALIZED VIEW}. */
    void drop(ObjectKind kind, ObjectName name);

    /** {@code DROP TABLE | VIEW | MATERIALIZED VIEW IF EXISTS}. */
    void dropIfExists(ObjectKind kind, ObjectName name);

    /** {@code ALTER TABLE}; returns when the statement does, while an asynchronous job may still run. */
    void alter(AlterTable alter);

    /** {@code ALTER VIEW}. */
    void alter(AlterView alter);

    /** {@code ALTER MATERIALIZED VIEW}. */
    void alter(AlterMaterializedView alter);

    /** Applies an {@code ALTER TABLE} and waits until the asynchronous jobs it started have finished. */
    List<AlterJob> alterAndWait(AlterTable alter);

    /** Whether a database exists (in the current catalog). */
    boolean databaseExists(String database);

    /** {@code CREATE DATABASE}. */
    void createDatabase(String database);

    /** {@code CREATE DATABASE IF NOT EXISTS}. */
    void createDatabaseIfNotExists(String database);

    /** The tables of a database (materialized views excluded), sorted by name. */
    List<String> listTables(String database);

    /** The logical views of a database, sorted by name. */
    List<String> listViews(String database);

    /** The asynchronous materialized views of a database, sorted by name. */
    List<String> listMaterializedViews(String database);

    /** The synchronous materialized views and rollups of a database's tables, sorted by name. */
    List<SynchronousMaterializedView> listSynchronousMaterializedViews(String database);

    /** Reads one table, view or materialized view into the {@code ddl} model. */
    Optional<SchemaObject> describe(String database, String name);

    /** Reads every table, view and materialized view of a database into the {@code ddl} model. */
    List<SchemaObject> describeAll(String database);

    /** Reads a database like {@link #describeAll(String)}, keeping what cannot be read as unreadable objects. */
    ReflectedSchema reflect(String database);

    /** Waits until the newest {@code COLUMN}, {@code OPTIMIZE} and {@code ROLLUP} jobs on a table have ended. */
    List<AlterJob> awaitAlterJobs(String database, String table, Duration timeout);

    /** {@link #awaitAlterJobs(String, String, Duration)} with the template's ALTER-job timeout. */
    List<AlterJob> awaitAlterJobs(String database, String table);

    /** The newest job of one kind on a table, whatever its state. */
    Optional<AlterJob> newestAlterJob(AlterJobType type, String database, String table);

    /** Waits until the newest job of one kind on a table has ended, unless it is {@code earlier}. */
    Optional<AlterJob> awaitAlterJob(AlterJobType type, String database, String table, Duration timeout,
            @Nullable AlterJob earlier);

}
