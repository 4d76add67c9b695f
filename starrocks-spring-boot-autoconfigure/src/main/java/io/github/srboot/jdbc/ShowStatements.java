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
     * The newest job of a kind on a table: {@code SHOW ALTER TABLE COLUMN FROM `db` WHERE TableName = "t" ORDER BY
     * CreateTime DESC LIMIT 1}; without a database the connection's current one is used.
     */
    static String showNewestAlterJob(AlterJobType type, @Nullable String database, String table) {
        return "SHOW ALTER TABLE " + type.name()
                + ((database != null) ? " FROM " + Ddl.quoteIdentifier(database) : "") + " WHERE TableName = "
                + Ddl.quoteString(table) + " ORDER BY CreateTime DESC LIMIT 1";
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
