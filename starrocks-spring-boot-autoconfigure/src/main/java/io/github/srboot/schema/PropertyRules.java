package io.github.srboot.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.srboot.ddl.IndexType;
import io.github.srboot.ddl.KeysType;
import io.github.srboot.ddl.Table;

/**
 * What StarRocks does with table and materialized-view properties, as data: which cannot change after
 * {@code CREATE}, whose values the server prints in another case or spacing, and which change runs a job.
 *
 * <p>Only properties the user declared are ever compared: the server adds its own ({@code compression},
 * {@code replicated_storage}, {@code fast_schema_evolution}, {@code bucket_size}, {@code storage_medium},
 * {@code dynamic_partition.history_partition_num}...) and those are never a difference.
 */
final class PropertyRules {

    /**
     * Properties StarRocks only accepts in {@code CREATE TABLE}: {@code ALTER TABLE ... SET} answers "Unknown
     * properties" or "Can't change storage type" for them (FE 3.x AlterTableClauseAnalyzer).
     */
    private static final Set<String> IMMUTABLE = Set.of("fast_schema_evolution", "compression", "storage_format",
            "storage_type", "tablet_type");

    /** Properties whose values the server prints upper case (SSD, LZ4, ZSTD, DAY) or as a boolean in any case. */
    private static final Set<String> CASE_INSENSITIVE_VALUES = Set.of("compression", "storage_medium",
            "replicated_storage", "enable_persistent_index", "in_memory", "fast_schema_evolution",
            "dynamic_partition.enable", "dynamic_partition.time_unit", "persistent_index_type", "write_quorum",
            "enable_async_write_back", "storage_type", "partition_refresh_strategy", "auto_refresh_partitions_limit",
            "query_rewrite_consistency", "force_external_table_query_rewrite", "session.enable_spill");

    /** Properties holding a comma-separated list of column names, printed by the server with ", ". */
    private static final Set<String> COLUMN_LISTS = Set.of("bloom_filter_columns");

    /**
     * Server defaults of properties that some versions leave out of {@code SHOW CREATE} while they hold their
     * default: a declared default value and an absent property are the same. Defaults that changed between
     * versions (e.g. {@code enable_persistent_index}, {@code fast_schema_evolution}) are not listed.
     */
    private static final Map<String, String> DEFAULTS = Map.of("in_memory", "false", "storage_medium", "hdd",
            "compression", "lz4", "write_quorum", "majority", "replicated_storage", "true");

    /** Properties whose change is a schema-change job rather than a metadata update. */
    private static final Set<String> ASYNCHRONOUS = Set.of("bloom_filter_columns");

    private PropertyRules() {
    }

    /**
     * Whether StarRocks refuses to change the property after {@code CREATE}.
     * @param key the property key
     * @return true when the property is fixed at creation
     */
    static boolean immutable(String key) {
        return IMMUTABLE.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether changing the property starts an asynchronous job.
     * @param key the property key
     * @return true for a job
     */
    static boolean asynchronous(String key) {
        return ASYNCHRONOUS.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether two values of the same property mean the same.
     * @param key the property key
     * @param actual the server's value, may be null when the server does not print the property
     * @param desired the declared value
     * @return true when equal after normalisation
     */
    static boolean sameValue(String key, String actual, String desired) {
        if (actual == null && desired != null) {
            String serverDefault = DEFAULTS.get(key.toLowerCase(Locale.ROOT));
            return serverDefault != null && normalize(key, desired).equals(serverDefault);
        }
        if (actual == null || desired == null) {
            return actual == desired;
        }
        return normalize(key, actual).equals(normalize(key, desired));
    }

    /**
     * The value the server keeps for a declared property of a table: the declared one, except where the server
     * forces another. A table with a GIN index gets {@code replicated_storage} {@code false} whatever is declared
     * (full-text indexes need it off; corpus show-create 0031, 0032, 0035 declare true and print false).
     * @param key the property key, lower case
     * @param value the declared value
     * @param table the desired table
     * @return the value the server keeps
     */
    static String keptValue(String key, String value, Table table) {
        if (key.equals("replicated_storage")
                && table.indexes().stream().anyMatch((index) -> index.type() == IndexType.GIN)) {
            return "false";
        }
        return value;
    }

    /**
     * Whether the server leaves a declared property out of {@code SHOW CREATE} for this table, so that its absence
     * is no difference: current servers print {@code enable_persistent_index} only for PRIMARY KEY tables, the only
     * model with a persistent primary index (corpus show-create 0035, 0036 declare it on DUPLICATE KEY tables and do
     * not get it back). {@code storage_format} is not printed at all since every table is stored in format V2
     * (recordings since 2024-03; corpus show-create altered 1010, 1019, 1056 declare "DEFAULT" and do not get it back).
     * @param key the property key, lower case
     * @param table the desired table
     * @return true when an absent value means nothing
     */
    static boolean notPrinted(String key, Table table) {
        return (key.equals("enable_persistent_index") && table.keysType() != KeysType.PRIMARY)
                || key.equals("storage_format");
    }

    private static String normalize(String key, String value) {
        String lowerKey = key.toLowerCase(Locale.ROOT);
        String trimmed = value.trim();
        if (lowerKey.equals("compression")) {
            // zstd( 3 ), zstd (  1  ) and ZSTD(3): the server prints the codec upper case and the level without spaces.
            return trimmed.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        }
        if (COLUMN_LISTS.contains(lowerKey)) {
            return Arrays.stream(trimmed.split(","))
                    .map(name -> name.trim().replace("`", "").toLowerCase(Locale.ROOT))
                    .filter(name -> !name.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new))
                    .toString();
        }
        if (CASE_INSENSITIVE_VALUES.contains(lowerKey)) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        return trimmed;
    }

}
