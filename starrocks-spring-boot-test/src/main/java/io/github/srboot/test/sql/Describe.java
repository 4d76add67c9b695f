package io.github.srboot.test.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.srboot.ddl.AggregationType;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DefaultValue;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;

/**
 * The column and index listings of a table created over SQL: {@code DESC | DESCRIBE [db.]t} ({@code DescribeStmt},
 * rows of {@code proc/IndexSchemaProcNode}: {@code Field, Type, Null, Key, Default, Extra}, the type in lower case
 * without display width, {@code Null} YES / NO, {@code Key} true / false, no default as SQL NULL, {@code Extra} the
 * aggregation of an AGGREGATE table's value column and {@code BLOOM_FILTER} for a bloom-filter column; recorded:
 * sql/sqltests CASE_069, CASE_059, CASE_143 of the sql corpus) and {@code SHOW INDEX}. Views, materialized views and
 * system tables are refused as not implemented.
 */
final class Describe {

    private Describe() {
    }

    static StatementResult describe(Session session, Catalog catalog, Tokens tokens) {
        if (!tokens.accept("DESC")) {
            tokens.expect("DESCRIBE");
        }
        SqlFrontend.QualifiedName name = SqlFrontend.QualifiedName.parse(tokens, session);
        tokens.requireEnd();
        Table table = table(catalog, name, tokens);
        ShowCreate.Layout layout = ShowCreate.layout(table);
        List<String> bloomFilter = Arrays.stream(table.properties().getOrDefault("bloom_filter_columns", "")
            .split(",")).map(String::strip).filter((c) -> !c.isEmpty()).toList();
        List<List<String>> rows = new ArrayList<>();
        for (Column column : table.columns()) {
            boolean key = layout.keyColumns().stream().anyMatch(column.name()::equalsIgnoreCase);
            boolean nullable = (column.nullable() != null) ? column.nullable()
                    : !(key && layout.keysType() == KeysType.PRIMARY);
            List<String> extra = new ArrayList<>();
            AggregationType aggregation = column.aggregation();
            if (aggregation != null && layout.keysType() == KeysType.AGGREGATE) {
                extra.add(aggregation.name());
            }
            if (bloomFilter.stream().anyMatch(column.name()::equalsIgnoreCase)) {
                extra.add("BLOOM_FILTER");
            }
            rows.add(Arrays.asList(column.name(), type(column), nullable ? "YES" : "NO", String.valueOf(key),
                    defaultValue(column.defaultValue()), String.join(",", extra)));
        }
        return StatementResult.rows(List.of("Field", "Type", "Null", "Key", "Default", "Extra"), rows);
    }

    /**
     * {@code SHOW INDEX | INDEXES | KEYS FROM [db.]t [FROM db]} of a table created over SQL
     * ({@code ShowIndexStmt}): one row per index, {@code Table} as {@code db.t}, {@code Key_name}, the columns
     * joined by commas in {@code Column_name}, {@code Index_type} the type with its properties, {@code Comment}; the
     * other MySQL columns empty (recorded: sql/sqltests CASE_058, CASE_187).
     */
    static StatementResult showIndexes(Session session, Catalog catalog, Tokens tokens) {
        if (!tokens.accept("INDEX") && !tokens.accept("INDEXES")) {
            tokens.expect("KEYS");
        }
        if (!tokens.accept("FROM")) {
            tokens.expect("IN");
        }
        SqlFrontend.QualifiedName name = SqlFrontend.QualifiedName.parse(tokens, session);
        if (tokens.accept("FROM") || tokens.accept("IN")) {
            name = new SqlFrontend.QualifiedName(tokens.identifier(), name.name());
        }
        tokens.requireEnd();
        Table table = table(catalog, name, tokens);
        List<List<String>> rows = new ArrayList<>();
        for (io.github.srboot.ddl.IndexDef index : table.indexes()) {
            rows.add(Arrays.asList(name.database() + "." + table.name(), "", index.name(), "",
                    String.join(",", index.columns()), "", "", "", "", "", ShowCreate.indexType(index),
                    (index.comment() != null) ? index.comment() : ""));
        }
        return StatementResult.rows(List.of("Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name",
                "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type", "Comment"), rows);
    }

    /** The table created over SQL that the statement names; a view or a stub-declared table is not implemented. */
    private static Table table(Catalog catalog, SqlFrontend.QualifiedName name, Tokens tokens) {
        if (!catalog.hasDatabase(name.database())) {
            throw SqlError.unknownDatabaseInAnalysis(name.database());
        }
        Optional<SchemaObject> model = catalog.model(name.database(), name.name());
        if (model.isEmpty() || !(model.get() instanceof Table table)) {
            if (catalog.exists(name.database(), name.name())) {
                throw tokens.unsupported();
            }
            throw SqlError.unknownTable(name.display());
        }
        return table;
    }

    /**
     * The type as DESC prints it: SHOW CREATE's spelling without the integer display widths and without the blank
     * in {@code decimal(p,s)} (CASE_059: {@code decimal(32,2)}, {@code bigint}).
     */
    private static String type(Column column) {
        return ShowCreate.columnType(column.type()).replaceAll("(tinyint|smallint|int|bigint|largeint)\\(\\d+\\)", "$1")
            .replace(", ", ",").toLowerCase(Locale.ROOT);
    }

    /** The default's text, {@code CURRENT_TIMESTAMP} for that function, null when there is none. */
    private static String defaultValue(DefaultValue value) {
        if (value instanceof DefaultValue.Literal literal) {
            return literal.value();
        }
        if (value instanceof DefaultValue.CurrentTimestamp) {
            return "CURRENT_TIMESTAMP";
        }
        if (value instanceof DefaultValue.Expression expression) {
            return expression.expression();
        }
        return null;
    }

}
