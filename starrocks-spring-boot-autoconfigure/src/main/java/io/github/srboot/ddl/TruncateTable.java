package io.github.srboot.ddl;

import java.util.List;

/**
 * {@code TRUNCATE TABLE [db.]t [PARTITION (p1, ...)]}.
 *
 * @param table the table
 * @param partitions the partitions to empty, empty for the whole table
 */
public record TruncateTable(ObjectName table, List<String> partitions) implements DdlStatement {

    /**
     * Checks the statement.
     */
    public TruncateTable {
        if (table == null) {
            throw new DdlValidationException("TRUNCATE TABLE", "the table must not be null");
        }
        partitions = Lists.names("TRUNCATE TABLE partition", partitions);
    }

}
