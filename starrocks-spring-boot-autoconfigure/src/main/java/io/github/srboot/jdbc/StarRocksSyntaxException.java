package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.lang.Nullable;

/**
 * StarRocks could not parse the statement (its message names the line and column).
 *
 * <p>A {@link BadSqlGrammarException}, as Spring's own translation makes of it (StarRocks reports it with an SQL
 * state of class 42, or under the generic 1064), with the StarRocks detail ({@link StarRocksError}).
 */
public final class StarRocksSyntaxException extends BadSqlGrammarException implements StarRocksError {

    private final StarRocksErrorDetail detail;

    public StarRocksSyntaxException(String task, @Nullable String sql, SQLException cause) {
        this(task, StarRocksErrorDetail.of(sql, cause), cause);
    }

    private StarRocksSyntaxException(String task, StarRocksErrorDetail detail, SQLException cause) {
        super(detail.describe(task, null, false), detail.sql(), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
