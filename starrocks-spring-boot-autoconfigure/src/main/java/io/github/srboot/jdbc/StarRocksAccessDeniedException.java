package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.lang.Nullable;

/**
 * The user lacks a privilege for the statement, or the credentials were refused.
 */
public final class StarRocksAccessDeniedException extends StarRocksException {

    public StarRocksAccessDeniedException(String task, @Nullable String sql, SQLException cause) {
        super(task, sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage(),
                "Grant the privilege named by the server to the JDBC user, or activate its role", cause);
    }

}
