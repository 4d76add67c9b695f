package io.github.srboot.test.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.test.streamload.DdlTables;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.TableContents;

/**
 * The embedded StarRocks' catalogue: databases and tables live in the Stream Load stub (so a table created over SQL
 * is loadable over Stream Load and its loaded rows are readable over SQL); this class adds the DDL model each object
 * was created from (for {@code SHOW CREATE} and {@code information_schema}) and the views and materialized views,
 * which hold no rows.
 */
final class Catalog {

    private final StreamLoadStubServer stub;

    /** When each object was created over SQL, and its id, by lower-case "database.name". */
    private final Map<String, Created> created = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicLong nextId = new java.util.concurrent.atomic.AtomicLong(10000);

    /** The model of each object created over SQL, by lower-case database, then lower-case name. */
    private final Map<String, Map<String, SchemaObject>> models = new ConcurrentHashMap<>();

    /** The FE configuration items {@code ADMIN SET FRONTEND CONFIG} changes. */
    private final FrontendConfig config = new FrontendConfig();

    Catalog(StreamLoadStubServer stub) {
        this.stub = stub;
    }

    FrontendConfig config() {
        return this.config;
    }

    StreamLoadStubServer stub() {
        return this.stub;
    }

    boolean hasDatabase(String database) {
        return this.stub.hasDatabase(database);
    }

    List<String> databases() {
        return this.stub.databases();
    }

    /** @return false when the database existed */
    boolean createDatabase(String database) {
        return this.stub.createDatabase(database);
    }

    /** @return false when there was no such database */
    boolean dropDatabase(String database) {
        this.models.remove(key(database));
        return this.stub.dropDatabase(database);
    }

    /**
     * Adds a table (its rows live in the stub) or a view / materialized view (model only).
     * @throws IllegalArgumentException for a table the stub cannot hold (see {@link DdlTables#from})
     */
    synchronized void create(String database, SchemaObject object) {
        if (!this.stub.hasDatabase(database)) {
            this.models.remove(key(database));
        }
        if (object instanceof Table table) {
            this.stub.createTable(DdlTables.from(database, table));
        }
        this.models.computeIfAbsent(key(database), (db) -> new ConcurrentHashMap<>()).put(key(object.name()), object);
        this.created.put(key(database) + "." + key(object.name()), new Created(java.time.LocalDateTime.now()
            .withNano(0), this.nextId.incrementAndGet()));
    }

    /** When an object was created over SQL and its id ({@code TABLE_ID}), if it was. */
    Optional<Created> created(String database, String name) {
        return Optional.ofNullable(this.created.get(key(database) + "." + key(name)));
    }

    /** Creation time (second precision) and id of an object. */
    record Created(java.time.LocalDateTime time, long id) {
    }

    /** Keeps the new model of an object altered over SQL (its rows, if any, stay in the stub). */
    synchronized void replaceModel(String database, SchemaObject object) {
        this.models.computeIfAbsent(key(database), (db) -> new ConcurrentHashMap<>()).put(key(object.name()), object);
    }

    /**
     * Renames a table created over SQL: its model and creation record move to the new name, its rows (in the stub)
     * too.
     */
    synchronized void renameTable(String database, Table table, String newName) {
        Table renamed = new Table(newName, table.columns(), table.indexes(), table.engine(), table.keys(),
                table.comment(), table.partition(), table.distribution(), table.orderBy(), table.properties(),
                table.temporary(), table.rollups());
        this.stub.renameTable(database, table.name(), DdlTables.from(database, renamed));
        Map<String, SchemaObject> byName = this.models.get(key(database));
        byName.remove(key(table.name()));
        byName.put(key(newName), renamed);
        Created created = this.created.remove(key(database) + "." + key(table.name()));
        if (created != null) {
            this.created.put(key(database) + "." + key(newName), created);
        }
    }

    /** @return false when there was no such object */
    synchronized boolean drop(String database, String name) {
        Map<String, SchemaObject> byName = this.models.get(key(database));
        boolean model = byName != null && byName.remove(key(name)) != null;
        boolean table = this.stub.dropTable(database, name);
        return model || table;
    }

    /** Whether a table, view or materialized view of this name exists in the database. */
    boolean exists(String database, String name) {
        return model(database, name).isPresent() || contents(database, name).isPresent();
    }

    /**
     * The model an object was created from over SQL, if it was and it still exists: a database or table dropped
     * through the stub's API takes its models with it.
     */
    Optional<SchemaObject> model(String database, String name) {
        Map<String, SchemaObject> byName = this.models.get(key(database));
        SchemaObject model = (byName != null) ? byName.get(key(name)) : null;
        if (model == null || !this.stub.hasDatabase(database)
                || (model instanceof Table && this.stub.findTableContents(database, name).isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(model);
    }

    /** The rows of a table (created over SQL or declared on the stub), if it is one. */
    Optional<TableContents> contents(String database, String name) {
        return this.stub.findTableContents(database, name);
    }

    /** The names of every table, view and materialized view of a database, sorted. */
    List<String> objectNames(String database) {
        List<String> names = new ArrayList<>();
        Map<String, SchemaObject> byName = this.models.get(key(database));
        if (byName != null) {
            byName.values().stream().filter((object) -> model(database, object.name()).isPresent())
                .forEach((object) -> names.add(object.name()));
        }
        for (TableContents contents : this.stub.tables()) {
            if (contents.table().database().equalsIgnoreCase(database)
                    && names.stream().noneMatch((n) -> n.equalsIgnoreCase(contents.table().name()))) {
                names.add(contents.table().name());
            }
        }
        names.sort(null);
        return names;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

}
