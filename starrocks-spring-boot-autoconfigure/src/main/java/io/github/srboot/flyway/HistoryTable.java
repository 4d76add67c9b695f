package io.github.srboot.flyway;

import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.DefaultValue;
import io.github.srboot.ddl.Table;

import org.springframework.lang.Nullable;

import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.notNull;

/**
 * Flyway's schema history table as a StarRocks table: the columns Flyway reads and writes, in a PRIMARY KEY table
 * (StarRocks runs {@code UPDATE} and {@code DELETE}, which {@code repair} issues, only on PRIMARY KEY tables) hashed
 * on {@code installed_rank}.
 */
public final class HistoryTable {

    private HistoryTable() {
    }

    /**
     * The lock table of a history table, which serialises migrators (see the starter's Flyway documentation).
     * @param historyTable the history table's name
     * @return {@code <history table>_lock}
     */
    public static String lockTableName(String historyTable) {
        return historyTable + "_lock";
    }

    /**
     * The history table's model, rendered by the ddl printer like every other table.
     * @param name the table name Flyway is configured with (default {@code flyway_schema_history})
     * @param replicationNum the {@code replication_num} property, or {@code null} to keep the server's default
     * @return the table
     */
    public static Table definition(String name, @Nullable Integer replicationNum) {
        Table.Builder table = Table.builder(name)
            .column("installed_rank", DataType.INT, notNull())
            .column("version", DataType.varchar(50))
            .column("description", DataType.varchar(200), notNull())
            .column("type", DataType.varchar(20), notNull())
            .column("script", DataType.varchar(1000), notNull())
            .column("checksum", DataType.INT)
            .column("installed_by", DataType.varchar(100), notNull())
            .column("installed_on", DataType.DATETIME, notNull(), defaultValue(DefaultValue.CURRENT_TIMESTAMP))
            .column("execution_time", DataType.INT, notNull())
            .column("success", DataType.BOOLEAN, notNull())
            .primaryKey("installed_rank")
            .distributedByHash("installed_rank");
        if (replicationNum != null) {
            if (replicationNum < 1) {
                throw new IllegalArgumentException(
                        "The history table's replication_num must be at least 1, got " + replicationNum);
            }
            table.property("replication_num", replicationNum.toString());
        }
        return table.build();
    }

}
