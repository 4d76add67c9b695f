package io.github.srboot.flyway;

import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.flywaydb.core.internal.database.base.Connection;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.database.base.Table;

/**
 * Flyway's connection to StarRocks. It sets no session variable (StarRocks lacks MySQL's
 * {@code foreign_key_checks} and {@code sql_safe_updates}), and locks with {@link MigrationLock} (StarRocks has no
 * {@code GET_LOCK} and no {@code SELECT ... FOR UPDATE}): of several migrators started at once against one database,
 * one applies each migration and the others wait, then find it applied.
 */
public class StarRocksConnection extends Connection<StarRocksDatabase> {

    /** The lock of each history table this connection has locked, by schema and table. */
    private final Map<String, MigrationLock> locks = new HashMap<>();

    StarRocksConnection(StarRocksDatabase database, java.sql.Connection connection) {
        super(database, connection);
    }

    /**
     * The current database, or {@code null} without one: StarRocks answers {@code DATABASE()} with an empty string
     * then, which Flyway would take for a schema named "".
     */
    @Override
    protected String getCurrentSchemaNameOrSearchPath() throws SQLException {
        String database = this.jdbcTemplate.queryForString("SELECT DATABASE()");
        return (database == null || database.isEmpty()) ? null : database;
    }

    @Override
    protected void doChangeCurrentSchemaOrSearchPathTo(String schema) throws SQLException {
        // StarRocks cannot leave a database once one is selected: without a name, stay where we are.
        if (schema != null && !schema.isEmpty()) {
            this.jdbcTemplate.getConnection().setCatalog(schema);
        }
    }

    @Override
    protected Schema<?, ?> doGetCurrentSchema() throws SQLException {
        String name = getCurrentSchemaNameOrSearchPath();
        return (name != null) ? getSchema(name) : null;
    }

    @Override
    public Schema<?, ?> getSchema(String name) {
        return new StarRocksSchema(this.jdbcTemplate, this.database, name);
    }

    /**
     * Runs the callable holding the {@link MigrationLock} of the history table {@code table}.
     */
    @Override
    @SuppressWarnings("rawtypes") // Flyway's signature
    public <T> T lock(Table table, Callable<T> callable) {
        String schema = table.getSchema().getName();
        MigrationLock lock = this.locks.computeIfAbsent(schema + "." + table.getName(),
                (key) -> new MigrationLock(this.jdbcTemplate.getConnection(), schema, table.getName(),
                        this.database.settings(), Clock.systemUTC()));
        return lock.call(callable);
    }

}
