package io.github.srboot.streamload.cdc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.StarRocksTemplate;

/**
 * {@link CdcSchema} over a {@link StarRocksTemplate}: reflection, {@code CREATE TABLE IF NOT EXISTS} and
 * {@code ALTER TABLE ... ADD COLUMN} waiting for the job, all rendered by the {@code ddl} printer.
 */
final class JdbcCdcSchema implements CdcSchema {

    private final StarRocksTemplate template;

    JdbcCdcSchema(StarRocksTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
    }

    @Override
    public Optional<Table> describe(String database, String table) {
        return this.template.describe(database, table)
            .map((object) -> {
                if (object instanceof Table found) {
                    return found;
                }
                throw new IllegalStateException("'" + database + "." + table + "' is a " + object.getClass()
                    .getSimpleName() + ", not a table: changes cannot be loaded into it.");
            });
    }

    @Override
    public void create(String database, Table table) {
        this.template.createIfNotExists(database, table);
    }

    @Override
    public void addColumn(String database, String table, Column column) {
        this.template.alterAndWait(
                new AlterTable(new ObjectName(database, table), List.of(new AlterClause.AddColumn(column, null))));
    }

}
