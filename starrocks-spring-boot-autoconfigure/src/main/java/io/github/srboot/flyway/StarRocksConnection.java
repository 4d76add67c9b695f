package io.github.srboot.flyway;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.database.base.Connection;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.database.base.Table;

/**
 * Flyway's connection to StarRocks. It sets no session variable (StarRocks lacks MySQL's
 * {@code foreign_key_checks} and {@code sql_safe_updates}) and takes no lock: StarRocks has no {@code GET_LOCK} and
 * no {@code SELECT ... FOR UPDATE}, so only one migrator may run against a database at a time. That is logged as a
 * warning once per JVM.
 */
public class StarRocksConnection extends Connection<StarRocksDatabase> {

    private static final Log logger = LogFactory.getLog(StarRocksConnection.class);

    static final String NO_LOCK_WARNING = "StarRocks has no lock Flyway can take (no GET_LOCK, no SELECT ... FOR "
            + "UPDATE): the schema history table is not locked, so run one migrator at a time against a database";

    /** Whether this JVM has warned already: one warning, however many Flyway runs and connections. */
    private static final AtomicBoolean warned = new AtomicBoolean();

    StarRocksConnection(StarRocksDatabase database, java.sql.Connection connection) {
        super(database, connection);
    }

    /**
     * Logs {@link #NO_LOCK_WARNING} the first time {@code warned} is found false.
     */
    static void warnOnce(AtomicBoolean warned, Log logger) {
        if (warned.compareAndSet(false, true)) {
            logger.warn(NO_LOCK_WARNING);
        }
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
     * Runs the callable without a lock (see the class comment), warning once.
     */
    @Override
    @SuppressWarnings("rawtypes") // Flyway's signature
    public <T> T lock(Table table, Callable<T> callable) {
        warnOnce(warned, logger);
        try {
            return callable.call();
        }
        catch (RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new FlywayException(ex);
        }
    }

}
