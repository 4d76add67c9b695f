package io.github.srboot.streamload.cdc;

import java.util.Optional;

import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.StarRocksTemplate;

/**
 * The DDL the CDC path needs: read a table, create it, add a column. {@link #of(StarRocksTemplate)} runs it on
 * StarRocks (statements rendered by the {@code ddl} printer).
 */
public interface CdcSchema {

    /** The table as it is now, or empty when it does not exist. */
    Optional<Table> describe(String database, String table);

    /** Creates the table ({@code CREATE TABLE IF NOT EXISTS}). */
    void create(String database, Table table);

    /** Adds a column ({@code ALTER TABLE ... ADD COLUMN}) and returns once the schema change job has finished. */
    void addColumn(String database, String table, Column column);

    /** Runs the DDL through a {@link StarRocksTemplate} (JDBC). */
    static CdcSchema of(StarRocksTemplate template) {
        return new JdbcCdcSchema(template);
    }

}
