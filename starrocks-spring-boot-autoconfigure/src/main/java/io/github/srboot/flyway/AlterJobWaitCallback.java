package io.github.srboot.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.github.srboot.jdbc.AlterJob;
import io.github.srboot.jdbc.AlterJobPolling;
import io.github.srboot.jdbc.AlterJobType;
import io.github.srboot.jdbc.StarRocksTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.lang.Nullable;

/**
 * Makes Flyway wait for StarRocks' asynchronous ALTER jobs: after each migration statement that starts one
 * ({@link AlterStatements}), waits through {@link StarRocksTemplate} on Flyway's own connection until the job has
 * finished, so the next statement on the table does not meet "a schema change operation is in progress". A
 * cancelled job fails the migration with the server's message; a job still running at the timeout fails it with
 * the job's state. Statements on other databases than StarRocks are left alone.
 */
public final class AlterJobWaitCallback implements FlywayEventHandler {

    private static final Log logger = LogFactory.getLog(AlterJobWaitCallback.class);

    private final AlterJobPolling polling;

    /** The newest jobs on the table of the statement running now, read just before it. */
    @Nullable
    private Pending pending;

    @Nullable
    private Connection checkedConnection;

    private boolean checkedIsStarRocks;

    /**
     * Creates the callback.
     * @param polling how often to poll {@code SHOW ALTER TABLE} and how long to wait for one job
     */
    public AlterJobWaitCallback(AlterJobPolling polling) {
        this.polling = polling;
    }

    @Override
    public boolean supports(Event event) {
        return event == Event.BEFORE_EACH_MIGRATE_STATEMENT || event == Event.AFTER_EACH_MIGRATE_STATEMENT;
    }

    @Override
    public String name() {
        return "StarRocksAlterJobWait";
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        if (context.getStatement() == null || context.getConnection() == null) {
            return;
        }
        String sql = context.getStatement().getSql();
        Optional<AsyncAlter> classified = AlterStatements.classify(sql);
        if (classified.isEmpty() || !isStarRocks(context.getConnection())) {
            return;
        }
        AsyncAlter alter = classified.get();
        try {
            Connection connection = context.getConnection();
            String database = (alter.table().database() != null) ? alter.table().database() : connection.getCatalog();
            if (database == null || database.isEmpty()) {
                throw new FlywayException("Cannot wait for the ALTER job of '" + sql + "': the connection has no current "
                        + "database; qualify the table or set spring.flyway.default-schema");
            }
            StarRocksTemplate template = template(connection);
            String table = alter.table().name();
            if (event == Event.BEFORE_EACH_MIGRATE_STATEMENT) {
                Map<AlterJobType, AlterJob> earlier = new EnumMap<>(AlterJobType.class);
                for (AlterJobType type : alter.jobs()) {
                    template.newestAlterJob(type, database, table).ifPresent((job) -> earlier.put(type, job));
                }
                this.pending = new Pending(sql, earlier);
                return;
            }
            Map<AlterJobType, AlterJob> earlier = (this.pending != null && this.pending.sql().equals(sql))
                    ? this.pending.earlier() : Map.of();
            this.pending = null;
            for (AlterJobType type : alter.jobs()) {
                template.awaitAlterJob(type, database, table, this.polling.timeout(), earlier.get(type))
                    .ifPresent((job) -> logger.info("StarRocks " + type + " job " + job.jobId() + " on `" + database
                            + "`.`" + table + "` finished"));
            }
        }
        catch (SQLException ex) {
            throw new FlywayException("Cannot read the current database to wait for the ALTER job of: " + sql, ex);
        }
    }

    private StarRocksTemplate template(Connection connection) {
        return new StarRocksTemplate(new SingleConnectionDataSource(connection, true), this.polling);
    }

    private boolean isStarRocks(Connection connection) {
        if (connection != this.checkedConnection) {
            this.checkedIsStarRocks = StarRocksServer.isStarRocks(connection);
            this.checkedConnection = connection;
        }
        return this.checkedIsStarRocks;
    }

    private record Pending(String sql, Map<AlterJobType, AlterJob> earlier) {
    }

}
