package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.lang.Nullable;

/**
 * The user lacks a privilege for the statement, or the credentials were refused: a
 * {@link PermissionDeniedDataAccessException} with the StarRocks detail ({@link StarRocksError}).
 */
public final class StarRocksAccessDeniedException extends PermissionDeniedDataAccessException
        implements StarRocksError {

    private final StarRocksErrorDetail detail;

    public StarRocksAccessDeniedException(String task, @Nullable String sql, SQLException cause) {
        this(task, StarRocksErrorDetail.of(sql, cause), cause);
    }

    private StarRocksAccessDeniedException(String task, StarRocksErrorDetail detail, SQLException cause) {
        super(detail.describe(task, "Grant the privilege named by the server to the JDBC user, or activate its role",
                true), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
