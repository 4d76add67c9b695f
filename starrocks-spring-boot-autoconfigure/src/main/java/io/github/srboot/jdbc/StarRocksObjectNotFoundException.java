package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.lang.Nullable;

/**
 * A statement named a database, table, view, column or partition that StarRocks does not know.
 *
 * <p>A {@link BadSqlGrammarException}, as Spring's own translation makes of it (StarRocks reports it with an SQL
 * state of class 42, or under the generic 1064), with the StarRocks detail ({@link StarRocksError}).
 */
public final class StarRocksObjectNotFoundException extends BadSqlGrammarException implements StarRocksError {

    private final StarRocksErrorDetail detail;

    public StarRocksObjectNotFoundException(String task, @Nullable String sql, SQLException cause) {
        this(task, StarRocksErrorDetail.of(sql, cause), cause);
    }

    private StarRocksObjectNotFoundException(String task, StarRocksErrorDetail detail, SQLException cause) {
        super(detail.describe(task, "Check the name and the database, or use the IF EXISTS form", false), detail.sql(), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
