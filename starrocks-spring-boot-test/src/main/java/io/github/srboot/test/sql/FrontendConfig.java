package io.github.srboot.test.sql;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FE configuration items the embedded StarRocks honours ({@code common/Config.java}), changed by
 * {@code ADMIN SET FRONTEND CONFIG ("name" = "value")} ({@code AdminSetConfigStmt}). Only the mutable items listed
 * here are known; another name is refused as not implemented, naming it.
 */
final class FrontendConfig {

    /** {@code Config.enable_replicated_storage_as_default_engine}: the default of {@code replicated_storage}. */
    static final String REPLICATED_STORAGE_AS_DEFAULT = "enable_replicated_storage_as_default_engine";

    /** {@code Config.default_automatic_bucket_size}: the bucket size a table made RANDOM by ALTER gets. */
    static final String AUTOMATIC_BUCKET_SIZE = "default_automatic_bucket_size";

    /** Mutable items and their defaults in {@code Config.java}. */
    private static final Map<String, String> DEFAULTS = Map.of(
            REPLICATED_STORAGE_AS_DEFAULT, "true",
            // 4 * 1024 * 1024 * 1024L
            AUTOMATIC_BUCKET_SIZE, "4294967296",
            // accepted and kept; nothing in the embedded server depends on them
            "enable_experimental_gin", "true",
            "alter_scheduler_interval_millisecond", "10000",
            "enable_fast_schema_evolution", "true",
            // the FE hands each BE a range of AUTO_INCREMENT ids of this size; with the one embedded BE the ids of
            // new rows are 1, 2, 3... whatever the size
            "auto_increment_cache_size", "100000");

    private final Map<String, String> values = new ConcurrentHashMap<>(DEFAULTS);

    /** The current value of a known item. */
    String get(String name) {
        String value = this.values.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new IllegalArgumentException("Unknown FE config item '" + name + "'");
        }
        return value;
    }

    boolean isTrue(String name) {
        return Boolean.parseBoolean(get(name));
    }

    /**
     * Sets a known item.
     * @return false when the embedded StarRocks does not know the item
     */
    boolean set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
            return false;
        }
        this.values.put(key, value);
        return true;
    }

}
