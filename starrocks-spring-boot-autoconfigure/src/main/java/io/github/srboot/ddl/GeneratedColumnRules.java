package io.github.srboot.ddl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules StarRocks applies to the generated columns ({@code c type AS expr}) of a table, in the order FE
 * {@code CreateTableAnalyzer} applies them; each refusal carries the FE's words.
 */
final class GeneratedColumnRules {

    /**
     * The aggregate functions of StarRocks ({@code FunctionSet}) that a generated column must not call
     * (FE {@code CreateTableAnalyzer}: "Generated Column don't support aggregation function"). The names the model
     * knows; an aggregate missing here is left to the server.
     */
    private static final Set<String> AGGREGATE_FUNCTIONS = Set.of("sum", "count", "avg", "min", "max", "any_value",
            "array_agg", "array_agg_distinct", "group_concat", "string_agg", "bitmap_union", "bitmap_union_count",
            "bitmap_union_int", "bitmap_agg", "bitmap_intersect", "hll_union", "hll_union_agg", "hll_raw_agg", "ndv",
            "approx_count_distinct", "percentile_union", "percentile_approx", "percentile_cont", "percentile_disc",
            "stddev", "stddev_pop", "stddev_samp", "std", "variance", "var_pop", "var_samp", "variance_pop",
            "variance_samp", "covar_pop", "covar_samp", "corr", "min_by", "max_by", "multi_distinct_count",
            "multi_distinct_sum", "retention", "window_funnel", "count_if", "bool_or", "bool_and", "approx_top_k",
            "histogram");

    private GeneratedColumnRules() {
    }

    static void check(String table, List<Column> columns, KeysType model, List<String> keyColumns) {
        if (columns.stream().noneMatch(Column::isGenerated)) {
            return;
        }
        if (model == KeysType.AGGREGATE) {
            Column generated = columns.stream().filter(Column::isGenerated).findFirst().orElseThrow();
            throw new DdlValidationException(table, "generated column " + Names.display(generated.name())
                    + " is not allowed in an AGGREGATE KEY table", "Generated Column does not support AGG table");
        }
        // The FE looks columns up by their exact name here (a HashMap of Column.getName()), after its expression
        // analyzer has resolved them without regard to case: a reference in another case is "does not exist"
        // (recorded: StarRocks' test/sql/test_dict_mapping_function/R/test_dict_mapping_function step 4).
        Map<String, Column> byExactName = new HashMap<>();
        for (Column column : columns) {
            byExactName.put(column.name(), column);
        }
        for (Column column : columns) {
            if (column.isGenerated() && keyColumns.stream().anyMatch((key) -> Names.fold(key)
                .equals(Names.fold(column.name())))) {
                // Recorded with the name since 4.x: StarRocks'
                // test/sql/test_materialized_column/R/test_materialized_column step 11.
                throw new DdlValidationException(table, "generated column " + Names.display(column.name())
                        + " cannot be a key column", "Generated Column " + column.name() + " can not be KEY");
            }
        }
        boolean generatedSeen = false;
        for (Column column : columns) {
            if (!column.isGenerated()) {
                if (generatedSeen) {
                    // Recorded: StarRocks' test/sql/test_materialized_column/R/test_materialized_column step 10.
                    throw new DdlValidationException(table, "generated columns must come after all ordinary "
                            + "columns, but column " + Names.display(column.name()) + " follows one",
                            "All generated columns must be defined after ordinary columns");
                }
                continue;
            }
            generatedSeen = true;
            checkExpression(table, column, columns, byExactName);
        }
    }

    private static void checkExpression(String table, Column column, List<Column> columns,
            Map<String, Column> byExactName) {
        String subject = "generated column " + Names.display(column.name());
        ExpressionReferences references = ExpressionReferences.of(column.generatedAs(),
                (name) -> columns.stream().anyMatch((candidate) -> Names.fold(candidate.name()).equals(Names.fold(name))));
        for (String function : references.functions()) {
            if (AGGREGATE_FUNCTIONS.contains(function)) {
                // Recorded: StarRocks' test/sql/test_materialized_column/R/test_materialized_column step 9.
                throw new DdlValidationException(table, subject + " calls the aggregate function " + function,
                        "Generated Column don't support aggregation function");
            }
        }
        for (String reference : references.columns()) {
            Column referenced = byExactName.get(reference);
            if (referenced == null) {
                boolean existsInOtherCase = columns.stream()
                    .anyMatch((candidate) -> Names.fold(candidate.name()).equals(Names.fold(reference)));
                if (existsInOtherCase) {
                    throw new DdlValidationException(table, subject + " refers to " + Names.display(reference)
                            + ", which StarRocks looks up by its exact name here and does not find",
                            "column:" + reference + " does not exist");
                }
                if (!references.hasLambda()) {
                    // The expression analyzer refuses an unknown name before this rule; its words are not recorded.
                    throw new DdlValidationException(table, subject + " refers to " + Names.display(reference)
                            + ", which is not a column of the table");
                }
                continue;
            }
            if (referenced.isGenerated()) {
                // Recorded: StarRocks' test/sql/test_materialized_column/R/test_materialized_column step 8.
                throw new DdlValidationException(table, subject + " refers to the generated column "
                        + Names.display(reference), "Expression can not refers to other generated columns");
            }
            if (referenced.autoIncrement()) {
                // Recorded: StarRocks' test/sql/test_materialized_column/R/test_materialized_column step 7.
                throw new DdlValidationException(table, subject + " refers to the AUTO_INCREMENT column "
                        + Names.display(reference), "Expression can not refers to AUTO_INCREMENT columns");
            }
        }
    }

}
