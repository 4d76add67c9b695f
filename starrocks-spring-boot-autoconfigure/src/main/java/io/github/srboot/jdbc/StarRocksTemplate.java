package io.github.srboot.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.srboot.ddl.AlterMaterializedView;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.AlterView;
import io.github.srboot.ddl.CreateDatabase;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DdlStatement;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.TruncateTable;
import io.github.srboot.jdbc.SchemaReflection.CatalogObject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * The one object to inject for StarRocks DDL over JDBC: executes statements from the {@code ddl} model, reflects a
 * database back into that model, and waits for StarRocks' asynchronous ALTER jobs. Thread-safe; create it once.
 *
 * <p>Every statement is logged at DEBUG (secrets redacted); failures keep Spring's exception types and carry the
 * StarRocks detail ({@link StarRocksError}, see {@link StarRocksSqlExceptionTranslator}). A
 * statement refused because a schema change is running on its table is retried after that job ends, up to
 * {@link AlterJobPolling#timeout()}.
 *
 * <p>Spring Boot auto-configures one over the application's {@code DataSource} (polling from
 * {@code starrocks.schema.alter-poll-interval} and {@code starrocks.schema.alter-timeout}). When StarRocks is a
 * second DataSource beside the application's primary one, mark the StarRocks DataSource bean with
 * {@code @StarRocksDataSource} and the template uses that one.
 *
 * <p>With a {@linkplain #StarRocksTemplate(DataSource, AlterJobPolling, String) default database} (the
 * auto-configuration passes {@code starrocks.database}), every object a {@code ddl} statement creates, alters,
 * truncates or drops without a database qualifier is qualified with it, and so are ALTER-job waits on unqualified
 * tables. Without one they run in the connection's current database (the one in the JDBC URL). Names inside a
 * view's or materialized view's query, and statements given as text ({@link #execute(String)}), are left as
 * written: StarRocks resolves them in the connection's current database. Reflection always names its database.
 */
public final class StarRocksTemplate implements StarRocksOperations {

    private static final Log logger = LogFactory.getLog(StarRocksTemplate.class);

    private final JdbcTemplate jdbcTemplate;

    private final AlterJobWatcher alterJobs;

    @Nullable
    private final String defaultDatabase;

    private final StarRocksTemplateObserver observer;

    /**
     * A template over a StarRocks DataSource, with the default ALTER job polling.
     */
    public StarRocksTemplate(DataSource dataSource) {
        this(dataSource, AlterJobPolling.defaults());
    }

    /**
     * A template over a StarRocks DataSource.
     * @param polling how to wait for asynchronous ALTER jobs
     */
    public StarRocksTemplate(DataSource dataSource, AlterJobPolling polling) {
        this(dataSource, polling, null);
    }

    /**
     * A template over a StarRocks DataSource that qualifies unqualified object names with a default database.
     * @param polling how to wait for asynchronous ALTER jobs
     * @param defaultDatabase the database for unqualified names, or {@code null} for the connection's current one
     */
    public StarRocksTemplate(DataSource dataSource, AlterJobPolling polling, @Nullable String defaultDatabase) {
        this(dataSource, polling, defaultDatabase, StarRocksTemplateObserver.NONE);
    }

    /**
     * A template over a StarRocks DataSource with a default database and an observer of its statements and ALTER
     * job waits (metrics, tracing).
     * @param polling how to wait for asynchronous ALTER jobs
     * @param defaultDatabase the database for unqualified names, or {@code null} for the connection's current one
     * @param observer wraps every statement and ALTER-job wait
     */
    public StarRocksTemplate(DataSource dataSource, AlterJobPolling polling, @Nullable String defaultDatabase,
            StarRocksTemplateObserver observer) {
        this(createJdbcTemplate(dataSource), polling, PollTimer.system(), defaultDatabase, observer);
    }

    StarRocksTemplate(JdbcTemplate jdbcTemplate, AlterJobPolling polling, PollTimer timer) {
        this(jdbcTemplate, polling, timer, null, StarRocksTemplateObserver.NONE);
    }

    StarRocksTemplate(JdbcTemplate jdbcTemplate, AlterJobPolling polling, PollTimer timer,
            @Nullable String defaultDatabase) {
        this(jdbcTemplate, polling, timer, defaultDatabase, StarRocksTemplateObserver.NONE);
    }

    StarRocksTemplate(JdbcTemplate jdbcTemplate, AlterJobPolling polling, PollTimer timer,
            @Nullable String defaultDatabase, StarRocksTemplateObserver observer) {
        Assert.notNull(observer, "observer must not be null");
        Assert.notNull(jdbcTemplate, "jdbcTemplate must not be null");
        Assert.notNull(polling, "polling must not be null");
        Assert.isTrue(defaultDatabase == null || !defaultDatabase.isBlank(), "defaultDatabase must not be blank");
        this.jdbcTemplate = jdbcTemplate;
        this.alterJobs = new AlterJobWatcher(jdbcTemplate, polling, timer);
        this.defaultDatabase = defaultDatabase;
        this.observer = observer;
    }

    private static JdbcTemplate createJdbcTemplate(DataSource dataSource) {
        Assert.notNull(dataSource, "dataSource must not be null");
        JdbcTemplate jdbcTemplate = new JdbcTemplate(dataSource);
        jdbcTemplate.setExceptionTranslator(new StarRocksSqlExceptionTranslator());
        return jdbcTemplate;
    }

    /**
     * The {@code JdbcOperations} this template runs on; its exceptions are translated to
     * Spring exceptions carrying the {@link StarRocksError} detail as well.
     */
    public JdbcOperations getJdbcOperations() {
        return this.jdbcTemplate;
    }

    /**
     * The database unqualified names are qualified with, or {@code null} when they run in the connection's current
     * database.
     */
    @Nullable
    public String getDefaultDatabase() {
        return this.defaultDatabase;
    }

    /**
     * How this template waits for ALTER jobs.
     */
    public AlterJobPolling getAlterJobPolling() {
        return this.alterJobs.polling();
    }

    /**
     * Executes a statement as written (for statements the {@code ddl} model does not cover). A statement refused
     * because a schema change runs on the table named in the server's message is retried once that job ends.
     * @throws org.springframework.dao.DataAccessException when StarRocks refuses it
     */
    @Override
    public void execute(String sql) {
        Assert.hasText(sql, "sql must not be empty");
        run(null, null, null, sql);
    }

    /**
     * Executes a statement of the {@code ddl} model, rendered by its printer. An {@code ALTER TABLE} or
     * {@code TRUNCATE} refused because a schema change runs on its table is retried once that job ends.
     * @throws org.springframework.dao.DataAccessException when StarRocks refuses it
     */
    @Override
    public void execute(DdlStatement statement) {
        Assert.notNull(statement, "statement must not be null");
        statement = qualify(statement);
        ObjectName target = null;
        if (statement instanceof AlterTable alter) {
            target = alter.table();
        }
        else if (statement instanceof TruncateTable truncate) {
            target = truncate.table();
        }
        run((target != null) ? target.database() : null, (target != null) ? target.name() : null,
                targetOf(statement), Ddl.render(statement));
    }

    /**
     * {@code CREATE TABLE | VIEW | MATERIALIZED VIEW} in the default database, or the connection's current one.
     * @throws StarRocksObjectExistsException when it exists already
     */
    @Override
    public void create(SchemaObject object) {
        execute(CreateObject.of(object));
    }

    /**
     * {@code CREATE TABLE | VIEW | MATERIALIZED VIEW `database`.`name`}.
     * @throws StarRocksObjectExistsException when it exists already
     */
    @Override
    public void create(String database, SchemaObject object) {
        execute(new CreateObject(database, object, false, false));
    }

    /**
     * {@code CREATE ... IF NOT EXISTS} in the default database, or the connection's current one: does nothing when an object of that
     * name exists (whatever its definition).
     */
    @Override
    public void createIfNotExists(SchemaObject object) {
        execute(CreateObject.ifNotExists(object));
    }

    /**
     * {@code CREATE ... IF NOT EXISTS `database`.`name`}: does nothing when an object of that name exists
     * (whatever its definition).
     */
    @Override
    public void createIfNotExists(String database, SchemaObject object) {
        execute(new CreateObject(database, object, true, false));
    }

    /**
     * {@code DROP TABLE | VIEW | MATERIALIZED VIEW name}.
     * @throws StarRocksObjectNotFoundException when it does not exist
     */
    @Override
    public void drop(ObjectKind kind, ObjectName name) {
        execute(new DropObject(kind, name, false, false));
    }

    /**
     * {@code DROP TABLE | VIEW | MATERIALIZED VIEW IF EXISTS name}.
     */
    @Override
    public void dropIfExists(ObjectKind kind, ObjectName name) {
        execute(new DropObject(kind, name, true, false));
    }

    /**
     * {@code ALTER TABLE}; returns when the statement does, while an asynchronous job may still run (see
     * {@link #alterAndWait(AlterTable)}). Retried while another schema change blocks the table.
     * @throws StarRocksUnsupportedAlterException when StarRocks cannot apply the change in place
     */
    @Override
    public void alter(AlterTable alter) {
        execute(alter);
    }

    /**
     * {@code ALTER VIEW}.
     */
    @Override
    public void alter(AlterView alter) {
        execute(alter);
    }

    /**
     * {@code ALTER MATERIALIZED VIEW} (refresh scheme, properties, rename, activate, swap).
     */
    @Override
    public void alter(AlterMaterializedView alter) {
        execute(alter);
    }

    /**
     * Applies an {@code ALTER TABLE} and waits until the asynchronous jobs it started ({@code COLUMN},
     * {@code OPTIMIZE}, {@code ROLLUP}) have finished, for at most {@link AlterJobPolling#timeout()}. Jobs that
     * existed before the statement are not waited for. An unqualified table is looked up in the default database,
     * or the connection's current one.
     * @return the jobs the statement started, as they ended (empty for synchronous changes)
     * @throws StarRocksAlterJobCancelledException when a job was cancelled (carries its {@code Msg})
     * @throws StarRocksAlterJobTimeoutException when a job still runs at the timeout
     */
    @Override
    public List<AlterJob> alterAndWait(AlterTable alter) {
        Assert.notNull(alter, "alter must not be null");
        alter = (AlterTable) qualify(alter);
        String table = alter.table().name();
        String database = (alter.table().database() != null) ? alter.table().database() : currentDatabase();
        Map<AlterJobType, AlterJob> earlier = this.alterJobs.newestJobs(database, table);
        execute(alter);
        return this.observer.alterJobWait(new StarRocksTemplateObserver.AlterJobWait(database, table),
                () -> this.alterJobs.await(database, table, this.alterJobs.polling().timeout(), earlier, true));
    }

    /**
     * Whether a database exists (in the current catalog).
     */
    @Override
    public boolean databaseExists(String database) {
        Assert.hasText(database, "database must not be empty");
        Integer count = this.jdbcTemplate.queryForObject(CatalogQueries.COUNT_SCHEMATA, Integer.class, database);
        return count != null && count > 0;
    }

    /**
     * {@code CREATE DATABASE}.
     * @throws StarRocksObjectExistsException when it exists already
     */
    @Override
    public void createDatabase(String database) {
        execute(new CreateDatabase(database, false));
    }

    /**
     * {@code CREATE DATABASE IF NOT EXISTS}.
     */
    @Override
    public void createDatabaseIfNotExists(String database) {
        execute(new CreateDatabase(database, true));
    }

    /**
     * The tables of a database (materialized views excluded), sorted by name. Two bulk queries.
     */
    @Override
    public List<String> listTables(String database) {
        return list(database, ObjectKind.TABLE);
    }

    /**
     * The logical views of a database, sorted by name. Two bulk queries.
     */
    @Override
    public List<String> listViews(String database) {
        return list(database, ObjectKind.VIEW);
    }

    /**
     * The asynchronous materialized views of a database, sorted by name; synchronous ones and rollups are not
     * among them ({@link #listSynchronousMaterializedViews(String)}). Two bulk queries.
     */
    @Override
    public List<String> listMaterializedViews(String database) {
        return list(database, ObjectKind.MATERIALIZED_VIEW);
    }

    /**
     * The synchronous materialized views and rollups of a database's tables, sorted by name: indexes of their
     * base tables, which {@code information_schema.materialized_views} lists beside the asynchronous ones. One
     * bulk query (none where that table does not exist, as in external catalogs).
     */
    @Override
    public List<SynchronousMaterializedView> listSynchronousMaterializedViews(String database) {
        Assert.hasText(database, "database must not be empty");
        List<Map<String, Object>> rows = queryOptional(CatalogQueries.MATERIALIZED_VIEWS, database);
        return SchemaReflection.synchronousMaterializedViews(
                CatalogRows.forDatabase(database, List.of(), List.of(), null, rows));
    }

    /**
     * Reads one table, view or materialized view into the {@code ddl} model: four bulk {@code information_schema}
     * queries filtered by name, plus its {@code SHOW CREATE}.
     * @return the object, or empty when the database has no object of that name
     * @throws StarRocksReflectionException when what the server reports cannot be read into the model
     */
    @Override
    public Optional<SchemaObject> describe(String database, String name) {
        Assert.hasText(database, "database must not be empty");
        Assert.hasText(name, "name must not be empty");
        CatalogRows rows = readCatalog(database, name);
        List<CatalogObject> objects = SchemaReflection.objects(rows);
        return objects.stream()
            .filter((object) -> object.name().equals(name))
            .findFirst()
            .map((object) -> read(database, object, rows));
    }

    /**
     * Reads every table, view and materialized view of a database into the {@code ddl} model, sorted by name.
     * Costs {@code 4 + T + M + V} queries: four bulk {@code information_schema} queries ({@code tables},
     * {@code columns}, {@code tables_config}, {@code materialized_views}), then one
     * {@code SHOW CREATE} per table ({@code T}) and per materialized view ({@code M}) for what exists nowhere else
     * (distribution, partitions, indexes, refresh scheme), and per view ({@code V}) because StarRocks answers
     * {@code views.SECURITY_TYPE} with {@code ""}, so {@code SECURITY INVOKER} is only visible in
     * {@code SHOW CREATE VIEW}. Synchronous materialized views and rollups are indexes of their tables, not objects
     * of their own: they are not read here ({@link #listSynchronousMaterializedViews(String)}).
     * @throws StarRocksReflectionException when what the server reports cannot be read into the model
     */
    @Override
    public List<SchemaObject> describeAll(String database) {
        Assert.hasText(database, "database must not be empty");
        CatalogRows rows = readCatalog(database, null);
        List<SchemaObject> described = new ArrayList<>();
        for (CatalogObject object : SchemaReflection.objects(rows)) {
            described.add(read(database, object, rows));
        }
        return described;
    }

    /**
     * Reads every table, view and materialized view of a database like {@link #describeAll(String)}, but an object
     * whose definition cannot be read into the model (syntax newer than the parser, for instance) does not stop the
     * others: it is listed as unreadable with the reason, and logged.
     * @return the objects read and the objects that could not be
     */
    @Override
    public ReflectedSchema reflect(String database) {
        Assert.hasText(database, "database must not be empty");
        CatalogRows rows = readCatalog(database, null);
        List<SchemaObject> described = new ArrayList<>();
        List<UnreadableObject> unreadable = new ArrayList<>();
        for (CatalogObject object : SchemaReflection.objects(rows)) {
            try {
                described.add(read(database, object, rows));
            }
            catch (StarRocksReflectionException ex) {
                logger.warn("StarRocks " + object.kind() + " `" + database + "`.`" + object.name() + "` cannot be read "
                        + "into the ddl model and is left out: " + ex.getMessage());
                unreadable.add(new UnreadableObject(object.name(), object.kind(), ex.getMessage()));
            }
        }
        return new ReflectedSchema(described, unreadable);
    }

    /**
     * Waits until the newest {@code COLUMN}, {@code OPTIMIZE} and {@code ROLLUP} jobs on a table have ended,
     * polling every {@link AlterJobPolling#pollInterval()}.
     * @return the jobs that ended (at most one per kind; empty when the table never had an ALTER job)
     * @throws StarRocksAlterJobCancelledException when the newest job was cancelled (carries its {@code Msg})
     * @throws StarRocksAlterJobTimeoutException when a job still runs after {@code timeout} (carries its last
     * state and progress)
     */
    @Override
    public List<AlterJob> awaitAlterJobs(String database, String table, Duration timeout) {
        Assert.hasText(database, "database must not be empty");
        Assert.hasText(table, "table must not be empty");
        Assert.isTrue(timeout != null && !timeout.isNegative(), "timeout must be zero or positive");
        return this.observer.alterJobWait(new StarRocksTemplateObserver.AlterJobWait(database, table),
                () -> this.alterJobs.await(database, table, timeout, Map.of(), true));
    }

    /**
     * {@link #awaitAlterJobs(String, String, Duration)} with {@link AlterJobPolling#timeout()}.
     */
    @Override
    public List<AlterJob> awaitAlterJobs(String database, String table) {
        return awaitAlterJobs(database, table, this.alterJobs.polling().timeout());
    }

    /**
     * The newest job of one kind on a table ({@code SHOW ALTER TABLE COLUMN | OPTIMIZE | ROLLUP}), whatever its
     * state; read it before a statement to tell the job that statement starts from earlier ones.
     * @return the job, or empty when the table never had one of that kind
     */
    @Override
    public Optional<AlterJob> newestAlterJob(AlterJobType type, String database, String table) {
        Assert.notNull(type, "type must not be null");
        Assert.hasText(database, "database must not be empty");
        Assert.hasText(table, "table must not be empty");
        return this.alterJobs.newestJob(type, database, table);
    }

    /**
     * Waits until the newest job of one kind on a table has ended, unless it is {@code earlier} (read before the
     * statement that may have started a job: the same job means that statement started none), polling every
     * {@link AlterJobPolling#pollInterval()}.
     * @param earlier the newest job of that kind before the statement, or {@code null} when there was none
     * @return the job that ended, or empty when no new job of that kind exists
     * @throws StarRocksAlterJobCancelledException when the job was cancelled (carries its {@code Msg})
     * @throws StarRocksAlterJobTimeoutException when the job still runs after {@code timeout} (carries its last
     * state and progress)
     */
    @Override
    public Optional<AlterJob> awaitAlterJob(AlterJobType type, String database, String table, Duration timeout,
            @Nullable AlterJob earlier) {
        Assert.notNull(type, "type must not be null");
        Assert.hasText(database, "database must not be empty");
        Assert.hasText(table, "table must not be empty");
        Assert.isTrue(timeout != null && !timeout.isNegative(), "timeout must be zero or positive");
        return this.alterJobs.awaitOne(type, database, table, timeout, earlier);
    }

    private List<String> list(String database, ObjectKind kind) {
        Assert.hasText(database, "database must not be empty");
        CatalogRows rows = CatalogRows.forDatabase(database,
                this.jdbcTemplate.queryForList(CatalogQueries.TABLES, database), List.of(), null,
                queryOptional(CatalogQueries.MATERIALIZED_VIEWS, database));
        return SchemaReflection.objects(rows)
            .stream()
            .filter((object) -> object.kind() == kind)
            .map(CatalogObject::name)
            .toList();
    }

    private CatalogRows readCatalog(String database, @Nullable String name) {
        Object[] arguments = (name != null) ? new Object[] { database, name } : new Object[] { database };
        return CatalogRows.forDatabase(database,
                this.jdbcTemplate.queryForList(CatalogQueries.tables(name != null), arguments),
                this.jdbcTemplate.queryForList(CatalogQueries.columns(name != null), arguments),
                queryOptional(CatalogQueries.tablesConfig(name != null), arguments),
                queryOptional(CatalogQueries.materializedViews(name != null), arguments));
    }

    /**
     * A query on a StarRocks-only {@code information_schema} table, which external catalogs do not have.
     */
    @Nullable
    private List<Map<String, Object>> queryOptional(String sql, Object... arguments) {
        try {
            return this.jdbcTemplate.queryForList(sql, arguments);
        }
        catch (StarRocksObjectNotFoundException ex) {
            logger.debug("Not available here (external catalog?), read without it: " + sql);
            return null;
        }
    }

    private SchemaObject read(String database, CatalogObject object, CatalogRows rows) {
        return switch (object.kind()) {
            case VIEW -> {
                String sql = ShowStatements.showCreateView(database, object.name());
                yield SchemaReflection.view(object.name(), showCreate(sql), sql, rows);
            }
            case TABLE -> {
                String sql = ShowStatements.showCreateTable(database, object.name());
                yield SchemaReflection.table(object.name(), showCreate(sql), sql, rows);
            }
            case MATERIALIZED_VIEW -> {
                String sql = ShowStatements.showCreateMaterializedView(database, object.name());
                yield SchemaReflection.materializedView(object.name(), showCreate(sql), sql, rows);
            }
        };
    }

    /**
     * The DDL text of a {@code SHOW CREATE} answer: its second column ({@code Create Table}, {@code Create View},
     * {@code Create Materialized View}, depending on object and version).
     */
    private String showCreate(String sql) {
        List<String> texts = this.jdbcTemplate.query(sql, (resultSet, rowNumber) -> resultSet.getString(2));
        String text = DataAccessUtils.singleResult(texts);
        if (text == null) {
            throw new StarRocksReflectionException("SHOW CREATE returned no definition", sql, null);
        }
        return text;
    }

    /**
     * The statement with the default database on the object it targets, when that has no database.
     */
    private DdlStatement qualify(DdlStatement statement) {
        if (this.defaultDatabase == null) {
            return statement;
        }
        if (statement instanceof CreateObject create && create.database() == null) {
            return new CreateObject(this.defaultDatabase, create.object(), create.ifNotExists(), create.orReplace());
        }
        if (statement instanceof AlterTable alter && alter.table().database() == null) {
            return new AlterTable(qualify(alter.table()), alter.clauses());
        }
        if (statement instanceof AlterView alter && alter.view().database() == null) {
            return new AlterView(qualify(alter.view()), alter.columns(), alter.query());
        }
        if (statement instanceof AlterMaterializedView alter && alter.view().database() == null) {
            return new AlterMaterializedView(qualify(alter.view()), alter.action());
        }
        if (statement instanceof TruncateTable truncate && truncate.table().database() == null) {
            return new TruncateTable(qualify(truncate.table()), truncate.partitions());
        }
        if (statement instanceof DropObject drop && drop.name().database() == null) {
            return new DropObject(drop.kind(), qualify(drop.name()), drop.ifExists(), drop.force());
        }
        return statement;
    }

    private ObjectName qualify(ObjectName name) {
        return ObjectName.of(this.defaultDatabase, name.name());
    }

    @Nullable
    private String currentDatabase() {
        String database = this.jdbcTemplate.queryForObject(CatalogQueries.CURRENT_DATABASE, String.class);
        if (database == null || database.isEmpty()) {
            throw new IllegalStateException("The connection has no current database: qualify the table with its "
                    + "database (ObjectName.of(database, table)) or set one in the JDBC URL");
        }
        return database;
    }

    /**
     * Runs one statement: logs it, retries it while a schema change blocks it, all inside the observer.
     * @param database the database of the table to wait for when a schema change blocks it
     * @param table the table to wait for, or {@code null} to take it from the server's refusal
     * @param target the object the statement is about (for the observer), or {@code null}
     */
    private void run(@Nullable String database, @Nullable String table, @Nullable ObjectName target, String sql) {
        if (logger.isDebugEnabled()) {
            logger.debug("Executing StarRocks statement: " + SqlRedaction.redact(sql));
        }
        RedactedStatement statement = new RedactedStatement(sql);
        this.observer.statement(
                StarRocksTemplateObserver.Statement.of((target != null) ? target.database() : null,
                        (target != null) ? target.name() : null, sql),
                () -> this.alterJobs.runRetryingWhileSchemaChangeRuns(database, table,
                        () -> this.jdbcTemplate.execute(statement)));
    }

    @Nullable
    private static ObjectName targetOf(DdlStatement statement) {
        if (statement instanceof CreateObject create) {
            return new ObjectName(create.database(), create.object().name());
        }
        if (statement instanceof AlterTable alter) {
            return alter.table();
        }
        if (statement instanceof AlterView alter) {
            return alter.view();
        }
        if (statement instanceof AlterMaterializedView alter) {
            return alter.view();
        }
        if (statement instanceof TruncateTable truncate) {
            return truncate.table();
        }
        if (statement instanceof DropObject drop) {
            return drop.name();
        }
        return null;
    }

    /**
     * Runs one statement through {@code JdbcTemplate} without handing it the text: {@code JdbcTemplate} would log
     * it verbatim at DEBUG, while exceptions and logs must only see it with its secrets masked.
     */
    private record RedactedStatement(String sql) implements StatementCallback<Void>, SqlProvider {

        @Override
        public Void doInStatement(Statement statement) throws SQLException {
            statement.execute(this.sql);
            return null;
        }

        @Override
        public String getSql() {
            return SqlRedaction.redact(this.sql);
        }

        @Override
        public String toString() {
            return "RedactedStatement[" + getSql() + "]";
        }

    }

}
