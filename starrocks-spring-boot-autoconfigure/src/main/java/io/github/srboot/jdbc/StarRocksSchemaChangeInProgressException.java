package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.lang.Nullable;

/**
 * StarRocks refused a statement because an asynchronous ALTER job (schema change, rollup or materialized view
 * build) is still running on the table: one such job per table at a time. A {@link TransientDataAccessException}
 * (the same statement may succeed once the job ends) with the StarRocks detail ({@link StarRocksError}).
 *
 * <p>{@link StarRocksTemplate} retries such statements itself after waiting for the running job; callers of a plain
 * {@code JdbcTemplate} see this exception and can wait with {@link StarRocksTemplate#awaitAlterJobs}.
 */
public final class StarRocksSchemaChangeInProgressException extends TransientDataAccessException
        implements StarRocksError {

    private final StarRocksErrorDetail detail;

    public StarRocksSchemaChangeInProgressException(String task, @Nullable String sql, SQLException cause) {
        this(task, StarRocksErrorDetail.of(sql, cause), cause);
    }

    private StarRocksSchemaChangeInProgressException(String task, StarRocksErrorDetail detail, SQLException cause) {
        super(detail.describe(task, "Wait for the running ALTER job (SHOW ALTER TABLE COLUMN) to finish and retry",
                true), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
