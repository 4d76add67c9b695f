package io.github.srboot.jdbc;

import io.github.srboot.ddl.Ddl;

import org.springframework.lang.Nullable;

/**
 * The {@code SHOW} statements the template runs. StarRocks takes no bind parameters in {@code SHOW}, so names are
 * quoted here by the ddl printer's quoting helpers ({@link Ddl#quoteIdentifier}, {@link Ddl#quoteString}).
 */
final class ShowStatements {

    private ShowStatements() {
    }

    /**
     * The statement listing the jobs of a kind that may include a table's newest one. {@code COLUMN} and
     * {@code OPTIMIZE} honour a filter: {@code SHOW ALTER TABLE COLUMN FROM `db` WHERE TableName = "t" ORDER BY
     * JobId DESC LIMIT 1}. {@code ROLLUP} ignores WHERE, ORDER BY and LIMIT (the FE filters only the schema-change
     * and optimize lists), so it is asked plainly, {@code SHOW ALTER TABLE ROLLUP FROM `db`}, and answers every
     * rollup and synchronous materialized view job of the database; {@link AlterJobWatcher#newestOn} picks the table's
     * newest from whatever comes back. Without a database the connection's current one is used. Jobs are ordered
     * by {@code JobId}, which grows with every job, not by {@code CreateTime}, which has one-second resolution.
     */
    static String showAlterJobs(AlterJobType type, @Nullable String database, String table) {
        String from = "SHOW ALTER TABLE " + type.name()
                + ((database != null) ? " FROM " + Ddl.quoteIdentifier(database) : "");
        if (type == AlterJobType.ROLLUP) {
            return from;
        }
        return from + " WHERE TableName = " + Ddl.quoteString(table) + " ORDER BY JobId DESC LIMIT 1";
    }

    /**
     * {@code SHOW CREATE TABLE `db`.`t`}.
     */
    static String showCreateTable(String database, String table) {
        return "SHOW CREATE TABLE " + Ddl.quoteIdentifier(database) + "." + Ddl.quoteIdentifier(table);
    }

    /**
     * {@code SHOW CREATE VIEW `db`.`v`}.
     */
    static String showCreateView(String database, String view) {
        return "SHOW CREATE VIEW " + Ddl.quoteIdentifier(database) + "." + Ddl.quoteIdentifier(view);
    }

    /**
     * {@code SHOW CREATE MATERIALIZED VIEW `db`.`mv`}.
     */
    static String showCreateMaterializedView(String database, String name) {
        return "SHOW CREATE MATERIALIZED VIEW " + Ddl.quoteIdentifier(database) + "." + Ddl.quoteIdentifier(name);
    }

}
