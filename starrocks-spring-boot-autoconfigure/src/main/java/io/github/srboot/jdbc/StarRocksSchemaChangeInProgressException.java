package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.lang.Nullable;

/**
 * StarRocks refused a statement because an asynchronous ALTER job (schema change, rollup or materialized view
 * build) is still running on the table: one such job per table at a time.
 *
 * <p>{@link StarRocksTemplate} retries such statements itself after waiting for the running job; callers of a plain
 * {@code JdbcTemplate} see this exception and can wait with {@link StarRocksTemplate#awaitAlterJobs}.
 */
public final class StarRocksSchemaChangeInProgressException extends StarRocksException {

    public StarRocksSchemaChangeInProgressException(String task, @Nullable String sql, SQLException cause) {
        super(task, sql, cause.getErrorCode(), cause.getSQLState(), cause.getMessage(),
                "Wait for the running ALTER job (SHOW ALTER TABLE COLUMN) to finish and retry", cause);
    }

}
