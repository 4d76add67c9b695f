package io.github.srboot.flyway;

import java.sql.SQLException;

import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DropObject;
import io.github.srboot.ddl.ObjectKind;
import io.github.srboot.ddl.ObjectName;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A StarRocks table as Flyway sees it (the schema history table, and the tables {@code clean} drops). It cannot be
 * locked: see {@link StarRocksConnection}.
 */
public class StarRocksTable extends Table<StarRocksDatabase, StarRocksSchema> {

    StarRocksTable(JdbcTemplate jdbcTemplate, StarRocksDatabase database, StarRocksSchema schema, String name) {
        super(jdbcTemplate, database, schema, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return this.jdbcTemplate.queryForInt("SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", this.schema.getName(), this.name) > 0;
    }

    @Override
    protected void doLock() {
        // StarRocks has no row or table locks; StarRocksConnection warns that one migrator runs at a time.
    }

    @Override
    protected void doDrop() throws SQLException {
        this.jdbcTemplate.execute(Ddl.render(
                new DropObject(ObjectKind.TABLE, ObjectName.of(this.schema.getName(), this.name), false, false)));
    }

}
