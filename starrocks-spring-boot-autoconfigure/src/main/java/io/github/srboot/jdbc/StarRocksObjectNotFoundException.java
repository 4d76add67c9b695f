package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.lang.Nullable;

/**
 * A statement named a database, table, view, column or partition that StarRocks does not know.
 */
public final class StarRocksObjectNotFoundException extends StarRocksException {

    public StarRocksObjectNotFoundException(String task, @Nullable String sql, SQLException cause) {
        super(task, sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage(),
                "Check the name and the database, or use the IF EXISTS form", cause);
    }

}
