package io.github.srboot.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.srboot.ddl.AggregationType;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DefaultValue;
import io.github.srboot.ddl.DistributionDesc;
import io.github.srboot.ddl.ExpressionPartitionDesc;
import io.github.srboot.ddl.HashDistribution;
import io.github.srboot.ddl.IndexDef;
import io.github.srboot.ddl.IndexType;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.ListPartitionDesc;
import io.github.srboot.ddl.PartitionDesc;
import io.github.srboot.ddl.RandomDistribution;
import io.github.srboot.ddl.RangePartitionDesc;

/**
 * The normal forms the diff compares, so that what the user writes and what the server prints compare equal when
 * they mean the same: folded names, effective nullability, aggregation and default, empty comments, partition and
 * distribution descriptions without spelling.
 */
final class Normal {

    private Normal() {
    }

    /**
     * The comparison form of a column or index name: StarRocks column names are case-insensitive.
     * @param name the name
     * @return the folded name
     */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Folded names.
     * @param names the names
     * @return the folded names, in order
     */
    static List<String> fold(List<String> names) {
        return names.stream().map(Normal::fold).toList();
    }

    /**
     * A comment for comparison and messages: none reads as empty (the model already keeps no empty comment).
     * @param comment the comment, may be null
     * @return the comment, never null
     */
    static String comment(String comment) {
        return (comment != null) ? comment : "";
    }

    /**
     * Whether a column accepts NULL: always for REPLACE_IF_NOT_NULL columns (the server makes them nullable
     * whatever is written), else as written, else NULL except for PRIMARY KEY columns and AUTO_INCREMENT columns,
     * which are NOT NULL.
     * @param column the column
     * @param primaryKeyColumn whether the column is a key column of a PRIMARY KEY table
     * @return the effective nullability
     */
    static boolean nullable(Column column, boolean primaryKeyColumn) {
        if (column.aggregation() == AggregationType.REPLACE_IF_NOT_NULL) {
            return true;
        }
        if (column.nullable() != null) {
            return column.nullable();
        }
        return !(primaryKeyColumn || column.autoIncrement());
    }

    /**
     * The aggregation type of a column, with the implicit REPLACE of UNIQUE KEY value columns made explicit.
     * @param column the column
     * @param model the table model
     * @param keyColumn whether the column is a key column
     * @return the aggregation, or null for none
     */
    static AggregationType aggregation(Column column, KeysType model, boolean keyColumn) {
        if (model == KeysType.AGGREGATE) {
            return column.aggregation();
        }
        // Outside AGGREGATE KEY tables the only aggregation StarRocks accepts is REPLACE, and it then stores the
        // model's own: REPLACE for UNIQUE KEY values, none for DUPLICATE and PRIMARY KEY (which SHOW CREATE does not
        // print) (FE CreateTableAnalyzer / KeysDesc.checkColumnDefs).
        return (model == KeysType.UNIQUE && !keyColumn) ? AggregationType.REPLACE : null;
    }

    /**
     * The default of a column as comparable text: none and {@code DEFAULT NULL} are the same, {@code now()} is
     * {@code CURRENT_TIMESTAMP}, expressions are normalised.
     * @param column the column
     * @return the default's normal form, or null for none
     */
    static String defaultValue(Column column) {
        DefaultValue value = column.defaultValue();
        if (value == null || value instanceof DefaultValue.Null) {
            return null;
        }
        if (value instanceof DefaultValue.Literal literal) {
            return "literal " + literal.value();
        }
        if (value instanceof DefaultValue.CurrentTimestamp) {
            return "current_timestamp";
        }
        if (value instanceof DefaultValue.Complex constant) {
            return "constant " + SqlNormalizer.normalize(constant.expression());
        }
        String expression = SqlNormalizer.normalize(((DefaultValue.Expression) value).expression());
        return expression.equals("now ( )") || expression.equals("current_timestamp ( )") ? "current_timestamp"
                : "expression " + expression;
    }

    /**
     * The generation expression of a column in normal form (the server drops the user's parentheses).
     * @param column the column
     * @return the normal form, or null for an ordinary column
     */
    static String generated(Column column) {
        return column.isGenerated() ? SqlNormalizer.normalize(column.generatedAs()) : null;
    }

    /**
     * A table comment for comparison: none, empty and {@code "OLAP"} are the same. Servers that fall back to the
     * table type's name for a table without a comment print {@code COMMENT "OLAP"} for it (shared-data clusters and
     * older FEs; corpus show-create 0014, 0052, altered 1011-1014).
     * @param comment the comment, may be null
     * @return the comment, empty for none
     */
    static String tableComment(String comment) {
        return (comment == null || comment.equals("OLAP")) ? "" : comment;
    }

    /**
     * A materialized view comment for comparison: none, empty and {@code "MATERIALIZED_VIEW"} are the same, by the
     * same fallback of the FE to the table type's name as {@link #tableComment(String)}.
     * @param comment the comment, may be null
     * @return the comment, empty for none
     */
    static String materializedViewComment(String comment) {
        return (comment == null || comment.equals("MATERIALIZED_VIEW")) ? "" : comment;
    }

    /**
     * An MV refresh START moment for comparison: a date alone means midnight, which is how the server prints it
     * ({@code START("2024-01-01")} is shown as {@code START("2024-01-01 00:00:00")}).
     * @param start the moment as written, may be null
     * @return the moment with a time of day, or null
     */
    static String refreshStart(String start) {
        if (start == null) {
            return null;
        }
        String trimmed = start.trim();
        return trimmed.matches("\\d{4}-\\d{2}-\\d{2}") ? trimmed + " 00:00:00" : trimmed;
    }

    /**
     * The properties of an index with the defaults the server adds when printing it: a GIN index always shows
     * {@code "imp_lib" = "clucene"} (its only implementation) and {@code "parser" = "none"} when none is given
     * (BE {@code inverted_index_common.h}, corpus show-create 0031, 0032, 0035, 0036). Keys fold to lower case.
     * @param index the index
     * @return the comparable properties
     */
    static Map<String, String> indexProperties(IndexDef index) {
        Map<String, String> properties = properties(index.properties());
        if (index.type() == IndexType.GIN) {
            properties.putIfAbsent("imp_lib", "clucene");
            properties.putIfAbsent("parser", "none");
            properties.replaceAll((key, value) -> value.toLowerCase(Locale.ROOT));
        }
        return new java.util.TreeMap<>(properties);
    }

    /**
     * The partitioning scheme without its partitions: kind, columns or expressions.
     * @param partition the partition clause, may be null
     * @return e.g. {@code RANGE(dt)}, {@code LIST(city)}, {@code EXPRESSION(date_trunc ( 'day' , dt ))},
     * {@code NONE}
     */
    static String partitionScheme(PartitionDesc partition) {
        if (partition == null) {
            return "NONE";
        }
        if (partition instanceof RangePartitionDesc range) {
            return "RANGE(" + ((range.expression() != null) ? SqlNormalizer.normalize(range.expression())
                    : String.join(", ", fold(range.columns()))) + ")";
        }
        if (partition instanceof ListPartitionDesc list) {
            return "LIST(" + String.join(", ", fold(list.columns())) + ")";
        }
        List<String> expressions = ((ExpressionPartitionDesc) partition).expressions();
        // (a, b) and a, b are the same list; a single expression may carry its own parentheses.
        return "EXPRESSION(" + SqlNormalizer.normalizePartitionExpression("(" + String.join(", ", expressions) + ")")
                + ")";
    }

    /**
     * The partition columns of a range or list scheme, folded.
     * @param partition the partition clause, may be null
     * @return the columns, empty for none or expression partitioning
     */
    static List<String> partitionColumns(PartitionDesc partition) {
        if (partition instanceof RangePartitionDesc range) {
            return fold(range.columns());
        }
        if (partition instanceof ListPartitionDesc list) {
            return fold(list.columns());
        }
        return List.of();
    }

    /**
     * The distribution as comparable text, ignoring the bucket count when {@code compareBuckets} is false.
     * @param distribution the distribution
     * @param compareBuckets whether the bucket count counts
     * @return e.g. {@code HASH(id) BUCKETS 8}, {@code RANDOM}
     */
    static String distribution(DistributionDesc distribution, boolean compareBuckets) {
        Integer buckets;
        String text;
        if (distribution instanceof HashDistribution hash) {
            text = "HASH(" + String.join(", ", fold(hash.columns())) + ")";
            buckets = hash.buckets();
        }
        else {
            text = "RANDOM";
            buckets = ((RandomDistribution) distribution).buckets();
        }
        return (compareBuckets && buckets != null) ? text + " BUCKETS " + buckets : text;
    }

    /**
     * The bucket count of a distribution.
     * @param distribution the distribution
     * @return the count, or null for automatic
     */
    static Integer buckets(DistributionDesc distribution) {
        return (distribution instanceof HashDistribution hash) ? hash.buckets()
                : ((RandomDistribution) distribution).buckets();
    }

    /**
     * A property map keyed by lower-case key.
     * @param properties the properties
     * @return the map, in the original order
     */
    static Map<String, String> properties(Map<String, String> properties) {
        Map<String, String> folded = new LinkedHashMap<>();
        properties.forEach((key, value) -> folded.put(key.toLowerCase(Locale.ROOT), value));
        return folded;
    }

    /**
     * Whether one name list equals another without case.
     * @param first names
     * @param second names
     * @return true when equal after folding
     */
    static boolean sameNames(List<String> first, List<String> second) {
        return fold(first).equals(fold(second));
    }

    /**
     * Whether a list of names starts with another.
     * @param names the list
     * @param prefix the candidate prefix
     * @return true when {@code prefix} is a leading part of {@code names} (case-insensitive)
     */
    static boolean isPrefix(List<String> names, List<String> prefix) {
        return prefix.size() <= names.size() && sameNames(names.subList(0, prefix.size()), prefix);
    }

}
