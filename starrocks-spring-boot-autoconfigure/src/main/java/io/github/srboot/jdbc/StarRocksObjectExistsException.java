package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.lang.Nullable;

/**
 * StarRocks refused to create a database, table, view, column, partition or other object that already exists.
 */
public final class StarRocksObjectExistsException extends StarRocksException {

    public StarRocksObjectExistsException(String task, @Nullable String sql, SQLException cause) {
        super(task, sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage(),
                "Use the IF NOT EXISTS form, or drop the existing object first", cause);
    }

}
