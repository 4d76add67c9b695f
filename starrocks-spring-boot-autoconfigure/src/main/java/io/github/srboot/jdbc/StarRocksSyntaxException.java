package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.lang.Nullable;

/**
 * StarRocks could not parse the statement (its message names the line and column).
 */
public final class StarRocksSyntaxException extends StarRocksException {

    public StarRocksSyntaxException(String task, @Nullable String sql, SQLException cause) {
        super(task, sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage(), null, cause);
    }

}
