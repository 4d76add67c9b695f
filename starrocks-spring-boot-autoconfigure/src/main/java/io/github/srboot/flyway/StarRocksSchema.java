package io.github.srboot.flyway;

import java.sql.SQLException;
import java.util.List;

import io.github.srboot.ddl.CreateDatabase;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropDatabase;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.jdbc.StarRocksTemplate;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A StarRocks database as a Flyway schema. {@code clean} drops its materialized views, then its views, then its
 * tables (readers before what they read), each statement rendered by the ddl printer.
 */
public class StarRocksSchema extends Schema<StarRocksDatabase, StarRocksTable> {

    StarRocksSchema(JdbcTemplate jdbcTemplate, StarRocksDatabase database, String name) {
        super(jdbcTemplate, database, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return this.jdbcTemplate.queryForInt(
                "SELECT COUNT(*) FROM information_schema.schemata WHERE SCHEMA_NAME = ?", this.name) > 0;
    }

    /**
     * Whether Flyway may start managing this database: it holds nothing but the lock table of the history table
     * ({@link MigrationLock}, created by the first migrator to lock), or the history table exists after all. Flyway
     * asks this only when it found no history table, and several migrators started at once ask it while one of
     * them is creating the history table and applying the first migrations under the lock: the database is
     * Flyway's then, and the others find those migrations applied once they hold the lock.
     */
    @Override
    protected boolean doEmpty() throws SQLException {
        List<String> tables = this.jdbcTemplate.queryForStringList(
                "SELECT TABLE_NAME FROM information_schema.tables WHERE TABLE_SCHEMA = ?", this.name);
        String history = this.database.historyTableName();
        String lock = HistoryTable.lockTableName(history);
        return tables.contains(history) || tables.stream().allMatch((table) -> table.equals(lock));
    }

    @Override
    protected void doCreate() throws SQLException {
        this.jdbcTemplate.execute(Ddl.render(new CreateDatabase(this.name, false)));
    }

    @Override
    protected void doDrop() throws SQLException {
        this.jdbcTemplate.execute(Ddl.render(new DropDatabase(this.name, false, false)));
    }

    @Override
    protected void doClean() throws SQLException {
        StarRocksTemplate template = template();
        for (String materializedView : template.listMaterializedViews(this.name)) {
            drop(ObjectKind.MATERIALIZED_VIEW, materializedView);
        }
        for (String view : template.listViews(this.name)) {
            drop(ObjectKind.VIEW, view);
        }
        for (String table : template.listTables(this.name)) {
            drop(ObjectKind.TABLE, table);
        }
    }

    private void drop(ObjectKind kind, String object) throws SQLException {
        this.jdbcTemplate.execute(Ddl.render(new DropObject(kind, ObjectName.of(this.name, object), true, false)));
    }

    @Override
    protected StarRocksTable[] doAllTables() throws SQLException {
        List<String> tables = template().listTables(this.name);
        return tables.stream().map((table) -> new StarRocksTable(this.jdbcTemplate, this.database, this, table))
            .toArray(StarRocksTable[]::new);
    }

    @Override
    public Table<?, ?> getTable(String tableName) {
        return new StarRocksTable(this.jdbcTemplate, this.database, this, tableName);
    }

    /** Reflection through the ddl model, on Flyway's own connection (kept open). */
    private StarRocksTemplate template() {
        return new StarRocksTemplate(new SingleConnectionDataSource(this.jdbcTemplate.getConnection(), true));
    }

}
