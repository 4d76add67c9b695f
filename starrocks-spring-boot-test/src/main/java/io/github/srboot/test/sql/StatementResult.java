package io.github.srboot.test.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What a statement answers: an OK packet with affected rows, or a text result set.
 */
sealed interface StatementResult {

    static StatementResult ok(long affectedRows) {
        return new Ok(affectedRows);
    }

    /** A result set whose columns are all of MySQL type STRING, as the FE sends SHOW results. */
    static Rows rows(List<String> columns, List<List<String>> rows) {
        return new Rows(columns, java.util.Collections.nCopies(columns.size(), MysqlProtocol.TYPE_STRING), rows);
    }

    /** A result set with a MySQL column type per column ({@code PrimitiveType.toMysqlType}). */
    static Rows rows(List<String> columns, List<Integer> types, List<List<String>> rows) {
        return new Rows(columns, types, rows);
    }

    /** An OK packet. */
    record Ok(long affectedRows) implements StatementResult {
    }

    /** A result set; cells are text, {@code null} for SQL NULL. */
    record Rows(List<String> columns, List<Integer> types, List<List<String>> rows) implements StatementResult {

        public Rows {
            columns = List.copyOf(columns);
            types = List.copyOf(types);
            if (types.size() != columns.size()) {
                throw new IllegalArgumentException(columns.size() + " columns but " + types.size() + " types");
            }
            List<List<String>> copy = new ArrayList<>();
            for (List<String> row : rows) {
                copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = java.util.Collections.unmodifiableList(copy);
        }

    }

}
