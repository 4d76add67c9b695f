package io.github.srboot.jdbc;

import java.sql.SQLException;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.lang.Nullable;

/**
 * StarRocks cannot apply this ALTER in place (for example changing key, distribution or partition columns, or nullable to NOT NULL).
 *
 * <p>A {@link BadSqlGrammarException}, as Spring's own translation makes of it (StarRocks reports it with an SQL
 * state of class 42, or under the generic 1064), with the StarRocks detail ({@link StarRocksError}).
 */
public final class StarRocksUnsupportedAlterException extends BadSqlGrammarException implements StarRocksError {

    private final StarRocksErrorDetail detail;

    public StarRocksUnsupportedAlterException(String task, @Nullable String sql, SQLException cause) {
        this(task, StarRocksErrorDetail.of(sql, cause), cause);
    }

    private StarRocksUnsupportedAlterException(String task, StarRocksErrorDetail detail, SQLException cause) {
        super(detail.describe(task, "StarRocks cannot change this in place: create a new table with the desired definition, copy the data (INSERT INTO ... SELECT) and swap the tables (ALTER TABLE ... SWAP WITH ...)", false), detail.sql(), cause);
        this.detail = detail;
    }

    @Override
    public StarRocksErrorDetail getDetail() {
        return this.detail;
    }

}
