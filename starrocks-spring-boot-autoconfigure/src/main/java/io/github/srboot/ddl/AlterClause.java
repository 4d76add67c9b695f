package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;

/**
 * One clause of {@code ALTER TABLE}. Several clauses render comma-separated in one statement; StarRocks refuses to mix
 * column, partition and rollup operations in one statement, which is the caller's (the schema diff's) concern.
 */
public sealed interface AlterClause {

    /**
     * {@code ADD COLUMN col [FIRST | AFTER c]}.
     *
     * @param column the column
     * @param position the position, or null for the end
     */
    record AddColumn(Column column, ColumnPosition position) implements AlterClause {

        /**
         * Checks the clause.
         */
        public AddColumn {
            require(column, "ADD COLUMN needs a column");
        }

    }

    /**
     * {@code DROP COLUMN c}.
     *
     * @param column the column name
     */
    record DropColumn(String column) implements AlterClause {

        /**
         * Checks the clause.
         */
        public DropColumn {
            Names.require("DROP COLUMN", column);
        }

    }

    /**
     * {@code MODIFY COLUMN col [FIRST | AFTER c]}.
     *
     * @param column the new definition
     * @param position the position, or null to keep it
     */
    record ModifyColumn(Column column, ColumnPosition position) implements AlterClause {

        /**
         * Checks the clause.
         */
        public ModifyColumn {
            require(column, "MODIFY COLUMN needs a column");
        }

    }

    /**
     * {@code RENAME COLUMN old TO new}.
     *
     * @param from the current name
     * @param to the new name
     */
    record RenameColumn(String from, String to) implements AlterClause {

        /**
         * Checks the clause.
         */
        public RenameColumn {
            Names.require("RENAME COLUMN", from);
            Names.require("RENAME COLUMN", to);
        }

    }

    /**
     * {@code COMMENT = ".."}: the table comment.
     *
     * @param comment the new comment (empty clears it)
     */
    record SetComment(String comment) implements AlterClause {

        /**
         * Checks the clause.
         */
        public SetComment {
            require(comment, "COMMENT = needs a comment (use \"\" to clear it)");
        }

    }

    /**
     * {@code SET ("k" = "v", ...)}. StarRocks mostly accepts one property per statement.
     *
     * @param properties the properties in order, at least one
     */
    record SetProperties(Map<String, String> properties) implements AlterClause {

        /**
         * Checks the clause.
         */
        public SetProperties {
            properties = Lists.nonEmptyProperties("SET", properties);
        }

    }

    /**
     * {@code DISTRIBUTED BY ...}: changes the distribution (an asynchronous OPTIMIZE job).
     *
     * @param distribution the new distribution
     */
    record ModifyDistribution(DistributionDesc distribution) implements AlterClause {

        /**
         * Checks the clause.
         */
        public ModifyDistribution {
            require(distribution, "DISTRIBUTED BY needs a distribution");
        }

    }

    /**
     * {@code ORDER BY (cols)}: changes the sort key.
     *
     * @param columns the new sort key, at least one column
     */
    record ModifyOrderBy(List<String> columns) implements AlterClause {

        /**
         * Checks the clause.
         */
        public ModifyOrderBy {
            columns = Lists.names("ORDER BY column", columns);
            if (columns.isEmpty()) {
                throw new DdlValidationException("ORDER BY", "needs at least one column");
            }
        }

    }

    /**
     * {@code ADD PARTITION [IF NOT EXISTS] p VALUES ...}, or {@code ADD PARTITIONS START .. END .. EVERY ..} for a batch.
     *
     * @param partition the partition
     * @param ifNotExists whether {@code IF NOT EXISTS} is written (not for batches)
     */
    record AddPartition(PartitionDefinition partition, boolean ifNotExists) implements AlterClause {

        /**
         * Checks the clause.
         */
        public AddPartition {
            require(partition, "ADD PARTITION needs a partition");
            if (ifNotExists && partition instanceof RangePartition.Batch) {
                throw new DdlValidationException("ADD PARTITIONS", "IF NOT EXISTS is not allowed for a batch");
            }
        }

    }

    /**
     * {@code DROP PARTITION [IF EXISTS] p [FORCE]}.
     *
     * @param name the partition name
     * @param ifExists whether {@code IF EXISTS} is written
     * @param force whether {@code FORCE} is written (skips the recycle bin)
     */
    record DropPartition(String name, boolean ifExists, boolean force) implements AlterClause {

        /**
         * Checks the clause.
         */
        public DropPartition {
            Names.require("DROP PARTITION", name);
        }

    }

    /**
     * {@code ADD INDEX i (cols) USING type ...}.
     *
     * @param index the index
     */
    record AddIndex(IndexDef index) implements AlterClause {

        /**
         * Checks the clause.
         */
        public AddIndex {
            require(index, "ADD INDEX needs an index");
        }

    }

    /**
     * {@code DROP INDEX i}.
     *
     * @param name the index name
     */
    record DropIndex(String name) implements AlterClause {

        /**
         * Checks the clause.
         */
        public DropIndex {
            Names.require("DROP INDEX", name);
        }

    }

    /**
     * {@code RENAME new_name}: renames the table.
     *
     * @param newName the new table name
     */
    record RenameTable(String newName) implements AlterClause {

        /**
         * Checks the clause.
         */
        public RenameTable {
            Names.require("RENAME", newName);
        }

    }

    /**
     * {@code SWAP WITH other}: atomically exchanges two tables.
     *
     * @param other the other table
     */
    record SwapWith(String other) implements AlterClause {

        /**
         * Checks the clause.
         */
        public SwapWith {
            Names.require("SWAP WITH", other);
        }

    }

    private static void require(Object value, String rule) {
        if (value == null) {
            throw new DdlValidationException("ALTER TABLE", rule);
        }
    }

}
