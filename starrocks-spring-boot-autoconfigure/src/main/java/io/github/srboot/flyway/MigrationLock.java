package io.github.srboot.flyway;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.Table;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.FlywayException;

import org.springframework.lang.Nullable;

import static io.github.srboot.ddl.ColumnOption.notNull;

/**
 * The lock Flyway takes around its work on StarRocks, which has no {@code GET_LOCK} and no {@code SELECT ... FOR
 * UPDATE}. It is built on what StarRocks guarantees: a load label can be used once per database (the FE refuses a
 * label that a transaction of the database, not aborted, already has). Every change of the lock is a row of a small
 * PRIMARY KEY table ({@code <history table>_lock}) inserted with
 * {@code INSERT ... WITH LABEL flyway_<table>_<table id>_<generation>}, so of several migrators claiming the same
 * next generation exactly one succeeds; the others are refused with "Label [...] has already been used" and wait.
 * The table's id ({@code information_schema.tables_config.TABLE_ID}) is part of the label because labels outlive
 * the table: a lock table dropped (by {@code clean}) and created again starts again at generation 1 under new
 * labels.
 *
 * <p>A row holds its generation, its owner, whether it claims or releases the lock, and when the claim expires.
 * A migrator takes the lock when the newest row is a release, or a claim that has expired (its owner crashed or
 * hung), by inserting the next generation; it gives the lock back by inserting the generation after that as a
 * release. A claim expires {@link StarRocksFlywayExtension#getLockTimeToLiveMillis()} after it was made, by the clock of
 * the migrator that made it: that time must exceed the longest single migration, and the clocks of the migrators
 * must agree well within it.
 *
 * <p>Labels live as long as StarRocks keeps finished transactions ({@code label_keep_max_second}, three days by
 * default, fewer once a database holds more than {@code label_keep_max_num}); a generation is only ever claimed
 * after the row of the one before it is visible, so a label StarRocks has forgotten is never claimed again.
 */
final class MigrationLock {

    private static final Log logger = LogFactory.getLog(MigrationLock.class);

    static final String HELD = "HELD";

    static final String RELEASED = "RELEASED";

    private final Connection connection;

    private final String database;

    private final String table;

    private final String owner;

    private final Duration timeToLive;

    private final Duration pollInterval;

    private final Clock clock;

    @Nullable
    private final Integer replicationNum;

    /** How often this lock is held now, by nested calls of one migrator. */
    private int depth;

    /** The generation this migrator holds, while it holds the lock. */
    private long heldGeneration;

    /** The lock table's id, read when the lock is first taken. */
    @Nullable
    private String tableId;

    MigrationLock(Connection connection, String database, String historyTable, StarRocksFlywayExtension settings,
            Clock clock) {
        this.connection = connection;
        this.database = database;
        this.table = HistoryTable.lockTableName(historyTable);
        this.owner = ownerName();
        this.timeToLive = Duration.ofMillis(settings.getLockTimeToLiveMillis());
        this.pollInterval = Duration.ofMillis(settings.getLockPollIntervalMillis());
        this.replicationNum = settings.getHistoryReplicationNum();
        this.clock = clock;
    }

    /**
     * The lock table: the generation as PRIMARY KEY, so a generation has one row; one bucket, as it stays tiny.
     */
    static Table definition(String name, @Nullable Integer replicationNum) {
        Table.Builder table = Table.builder(name)
            .column("generation", DataType.BIGINT, notNull())
            .column("owner", DataType.varchar(200), notNull())
            .column("state", DataType.varchar(16), notNull())
            .column("expires_at", DataType.BIGINT, notNull())
            .primaryKey("generation")
            .distributedByHash(1, "generation");
        if (replicationNum != null) {
            table.property("replication_num", replicationNum.toString());
        }
        return table.build();
    }

    /**
     * Runs {@code work} holding the lock; a nested call by the same migrator runs at once.
     */
    <T> T call(Callable<T> work) {
        if (this.depth == 0) {
            this.heldGeneration = acquire();
        }
        this.depth++;
        try {
            return work.call();
        }
        catch (RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new FlywayException(ex);
        }
        finally {
            this.depth--;
            if (this.depth == 0) {
                release(this.heldGeneration);
            }
        }
    }

    /**
     * Claims the next generation once the newest row is a release or an expired claim.
     * @return the generation claimed
     */
    long acquire() {
        createTableIfMissing();
        this.tableId = tableId();
        String waitingFor = null;
        while (true) {
            Row newest = newest();
            long now = this.clock.millis();
            if (newest == null || newest.state().equals(RELEASED) || newest.expiresAt() <= now) {
                if (newest != null && newest.state().equals(HELD)) {
                    logger.warn("Taking over the Flyway lock on `" + this.database + "`.`" + this.table
                            + "`: the claim of " + newest.owner() + " expired (its migrator stopped without "
                            + "releasing it)");
                }
                long next = (newest != null) ? newest.generation() + 1 : 1;
                if (insert(next, HELD, now + this.timeToLive.toMillis())) {
                    logger.debug("Flyway lock taken: generation " + next + " by " + this.owner);
                    return next;
                }
            }
            else if (!newest.owner().equals(waitingFor)) {
                waitingFor = newest.owner();
                logger.info("Waiting for the Flyway lock on `" + this.database + "`.`" + this.table + "`, held by "
                        + newest.owner() + " (its claim expires in "
                        + Duration.ofMillis(newest.expiresAt() - now).toSeconds() + " s)");
            }
            pause();
        }
    }

    /**
     * Gives the lock back by inserting the next generation as a release; when another migrator has taken the lock
     * over meanwhile (this claim had expired), says so.
     */
    void release(long generation) {
        if (!insert(generation + 1, RELEASED, this.clock.millis())) {
            logger.warn("The Flyway lock on `" + this.database + "`.`" + this.table + "` was taken over while "
                    + this.owner + " held it: its claim expired (" + this.timeToLive + ") before the work ended; "
                    + "raise the lock's time to live above the longest migration");
        }
    }

    private String tableId() {
        String sql = "SELECT TABLE_ID FROM information_schema.tables_config WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
        try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
            statement.setString(1, this.database);
            statement.setString(2, this.table);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || result.getString(1) == null) {
                    throw new FlywayException("Cannot read the id of the Flyway lock table `" + this.database + "`.`"
                            + this.table + "` from information_schema.tables_config");
                }
                return result.getString(1);
            }
        }
        catch (SQLException ex) {
            throw new FlywayException("Cannot read the Flyway lock table's id: " + sql + ": " + ex.getMessage(), ex);
        }
    }

    private void createTableIfMissing() {
        run(Ddl.render(new CreateObject(this.database, definition(this.table, this.replicationNum), true, false)));
    }

    @Nullable
    private Row newest() {
        String sql = "SELECT `generation`, `owner`, `state`, `expires_at` FROM " + qualifiedTable()
                + " ORDER BY `generation` DESC LIMIT 1";
        try (Statement statement = this.connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? new Row(result.getLong(1), result.getString(2), result.getString(3),
                    result.getLong(4)) : null;
        }
        catch (SQLException ex) {
            throw new FlywayException("Cannot read the Flyway lock: " + sql + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Inserts one generation under its label.
     * @return whether this insert used the label; {@code false} when another migrator used it first
     */
    private boolean insert(long generation, String state, long expiresAt) {
        String label = label(generation);
        String sql = "INSERT INTO " + qualifiedTable() + " WITH LABEL " + Ddl.quoteIdentifier(label)
                + " (`generation`, `owner`, `state`, `expires_at`) VALUES (?, ?, ?, ?)";
        try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
            statement.setLong(1, generation);
            statement.setString(2, this.owner);
            statement.setString(3, state);
            statement.setLong(4, expiresAt);
            statement.executeUpdate();
            return true;
        }
        catch (SQLException ex) {
            if (isLabelUsed(ex)) {
                return false;
            }
            throw new FlywayException("Cannot write the Flyway lock: " + sql + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The label of a generation: unique per database among all of its loads, so it names the lock table and its
     * id; only letters, digits and {@code _}, which StarRocks accepts in labels.
     */
    String label(long generation) {
        // Labels have at most 128 characters: the table's part is cut to leave room for the id and generation.
        String name = this.table.replaceAll("[^0-9A-Za-z_]", "_");
        return "flyway_" + name.substring(0, Math.min(name.length(), 64)) + "_" + this.tableId + "_" + generation;
    }

    /**
     * StarRocks' refusal of a label some transaction of the database already used ({@code LabelAlreadyUsedException}:
     * "Label [l] has already been used.").
     */
    static boolean isLabelUsed(SQLException ex) {
        String message = ex.getMessage();
        return message != null && message.contains("Label [") && message.contains("has already been used");
    }

    private String qualifiedTable() {
        return Ddl.quoteIdentifier(this.database) + "." + Ddl.quoteIdentifier(this.table);
    }

    private void run(String sql) {
        try (Statement statement = this.connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new FlywayException("Cannot create the Flyway lock table: " + sql + ": " + ex.getMessage(), ex);
        }
    }

    private void pause() {
        try {
            Thread.sleep(this.pollInterval.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new FlywayException("Interrupted while waiting for the Flyway lock on `" + this.database + "`.`"
                    + this.table + "`");
        }
    }

    /** Who holds a claim: this JVM ({@code pid@host}) and a random part, so two migrators of one JVM differ. */
    private static String ownerName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        String owner = name + "/" + UUID.randomUUID().toString().substring(0, 8);
        return (owner.length() > 200) ? owner.substring(owner.length() - 200) : owner;
    }

    /** One row of the lock table. */
    record Row(long generation, String owner, String state, long expiresAt) {
    }

}
