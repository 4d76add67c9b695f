package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.lang.Nullable;

/**
 * StarRocks refused a statement for a state that passes: another operation (backup, restore) in progress on the
 * table, too many versions, or too many running transactions. A {@link TransientDataAccessException} with the
 * StarRocks detail ({@link StarRocksError}); retry after a pause.
 */
public final class StarRocksBusyException extends TransientDataAccessException implements StarRocksError {

    private final StarRocksErrorDetail detail;

    public StarRocksBusyException(String task, @Nullable String sql, SQLException cause) {
        this(task, StarRocksErrorDetail.of(sql, cause), cause);
    }

    private StarRocksBusyException(String task, StarRocksErrorDetail detail, SQLException cause) {
        super(detail.describe(task, "Retry once the operation named by the server has ended", true), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
