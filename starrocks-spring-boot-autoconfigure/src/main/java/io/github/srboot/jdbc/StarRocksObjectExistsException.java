package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.lang.Nullable;

/**
 * StarRocks refused to create a database, table, view, column, partition or other object that already exists.
 *
 * <p>A {@link BadSqlGrammarException}, as Spring's own translation makes of it (StarRocks reports it with an SQL
 * state of class 42, or under the generic 1064), with the StarRocks detail ({@link StarRocksError}).
 */
public final class StarRocksObjectExistsException extends BadSqlGrammarException implements StarRocksError {

    private final StarRocksErrorDetail detail;

    public StarRocksObjectExistsException(String task, @Nullable String sql, SQLException cause) {
        this(task, StarRocksErrorDetail.of(sql, cause), cause);
    }

    private StarRocksObjectExistsException(String task, StarRocksErrorDetail detail, SQLException cause) {
        super(detail.describe(task, "Use the IF NOT EXISTS form, or drop the existing object first", false), detail.sql(), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
