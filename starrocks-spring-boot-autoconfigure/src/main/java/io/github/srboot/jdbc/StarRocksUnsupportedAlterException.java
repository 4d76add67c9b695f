package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.lang.Nullable;

/**
 * StarRocks cannot apply this ALTER in place (for example changing key, distribution or partition columns, or
 * nullable to NOT NULL).
 */
public final class StarRocksUnsupportedAlterException extends StarRocksException {

    public StarRocksUnsupportedAlterException(String task, @Nullable String sql, SQLException cause) {
        super(task, sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage(),
                "StarRocks cannot change this in place: create a new table with the desired definition, copy the "
                        + "data (INSERT INTO ... SELECT) and swap the tables (ALTER TABLE ... SWAP WITH ...)",
                cause);
    }

}
