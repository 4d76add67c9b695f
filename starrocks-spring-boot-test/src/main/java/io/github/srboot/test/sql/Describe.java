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
 * {@code DESC | DESCRIBE [db.]t} of a table created over SQL ({@code DescribeStmt}, rows of
 * {@code proc/IndexSchemaProcNode}): {@code Field, Type, Null, Key, Default, Extra}, the type in lower case without
 * display width, {@code Null} YES / NO, {@code Key} true / false, no default as SQL NULL, {@code Extra} the
 * aggregation of an AGGREGATE table's value column and {@code BLOOM_FILTER} for a bloom-filter column (recorded:
 * sql/sqltests CASE_069, CASE_059, CASE_143 of the sql corpus). Views, materialized views and system tables are
 * refused as not implemented.
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
