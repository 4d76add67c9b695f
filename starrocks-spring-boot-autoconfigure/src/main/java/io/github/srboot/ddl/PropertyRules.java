package io.github.srboot.ddl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of table properties that StarRocks checks when a table is created (FE {@code PropertyAnalyzer}),
 * refused with the FE's words. Only the properties below are checked; any other is left to the server.
 */
final class PropertyRules {

    /**
     * The compression names a table takes (FE {@code CompressionUtils.getCompressTypeByName}: LZ4, LZ4_FRAME, ZLIB,
     * ZSTD, SNAPPY, without regard to case).
     */
    private static final Set<String> COMPRESSIONS = Set.of("LZ4", "LZ4_FRAME", "ZLIB", "ZSTD", "SNAPPY");

    /**
     * {@code zstd(level)}: only digits inside, blanks around them allowed ({@code zstd (  1  )} is accepted, recorded:
     * StarRocks' {@code test/sql/test_compression_level/R/test_zstd_level}); {@code zstd(-1)} and {@code zstd((10))}
     * are unknown types.
     */
    private static final Pattern ZSTD_LEVEL = Pattern.compile("zstd\\s*\\(\\s*(\\d+)\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private PropertyRules() {
    }

    static void check(String table, KeysType model, Map<String, String> properties) {
        String compression = properties.get("compression");
        if (compression != null) {
            checkCompression(table, compression);
        }
        String bucketSize = properties.get("bucket_size");
        if (bucketSize != null) {
            checkBucketSize(table, bucketSize);
        }
        String expireSeconds = properties.get("primary_index_cache_expire_sec");
        if (expireSeconds != null) {
            checkNonNegativeInteger(table, "primary_index_cache_expire_sec", expireSeconds);
        }
        String forbiddenRanges = properties.get("base_compaction_forbidden_time_ranges");
        if (forbiddenRanges != null) {
            checkBaseCompactionForbiddenTimeRanges(table, model, forbiddenRanges);
        }
    }

    /**
     * Recorded: StarRocks' {@code test/sql/test_compression_level/R/test_zstd_level} steps 1-11: {@code zstd(0)} and
     * {@code zstd(23)} have
     * an invalid level (1 to 22), {@code zstd(-1)}, {@code lz4(3)}, {@code zstd(10)(1)} are unknown types.
     */
    private static void checkCompression(String table, String compression) {
        Matcher level = ZSTD_LEVEL.matcher(compression);
        if (level.matches()) {
            String digits = level.group(1);
            int value = (digits.length() > 2) ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (value < 1 || value > 22) {
                throw new DdlValidationException(table, "the property compression = " + DdlPrinter.string(compression)
                        + " has a zstd level outside 1 to 22", "Invalid level for zstd compression type");
            }
            return;
        }
        if (!COMPRESSIONS.contains(compression.toUpperCase(Locale.ROOT))) {
            throw new DdlValidationException(table, "the property compression = " + DdlPrinter.string(compression)
                    + " is none of LZ4, LZ4_FRAME, ZLIB, ZSTD, zstd(1..22), SNAPPY",
                    "unknown compression type: " + compression);
        }
    }

    /**
     * Recorded: StarRocks' {@code test/sql/test_automatic_bucket/R/test_automatic_partition} step 2
     * ({@code "bucket_size" = "-1"}).
     */
    private static void checkBucketSize(String table, String bucketSize) {
        if (bucketSize.strip().startsWith("-")) {
            throw new DdlValidationException(table, "the property bucket_size = " + DdlPrinter.string(bucketSize)
                    + " is negative", "Illegal bucket size: " + bucketSize);
        }
    }

    /**
     * Recorded: StarRocks' {@code test/sql/test_primary_index_cache_expire/R/test_primary_index_cache_expire} steps
     * 14-15 ({@code "-1"}: "must not be less than 0",
     * {@code "asd"}: "must be integer").
     */
    private static void checkNonNegativeInteger(String table, String property, String value) {
        long number;
        try {
            number = Long.parseLong(value);
        }
        catch (NumberFormatException ex) {
            throw new DdlValidationException(table, "the property " + property + " = " + DdlPrinter.string(value)
                    + " is not an integer", "Property " + property + " must be integer: " + value);
        }
        if (number < 0) {
            throw new DdlValidationException(table, "the property " + property + " = " + DdlPrinter.string(value)
                    + " is negative", "Property " + property + " must not be less than 0");
        }
    }

    /**
     * Recorded: StarRocks' {@code test/sql/test_compaction_cron/R/test_compaction_cron} step 1 (not on a PRIMARY KEY
     * table) and
     * {@code CASE_084} steps 1-2 (the minute field of the crontab must be {@code *}). The full crontab check
     * ({@code CASE_084} step 3) is the server's.
     */
    private static void checkBaseCompactionForbiddenTimeRanges(String table, KeysType model, String value) {
        String property = "base_compaction_forbidden_time_ranges";
        if (model == KeysType.PRIMARY) {
            throw new DdlValidationException(table, "the property " + property + " is not for PRIMARY KEY tables",
                    "Property " + property + " not support primary keys table or cloud native table");
        }
        String[] fields = value.strip().split("\\s+");
        if (!value.isBlank() && !fields[0].equals("*")) {
            throw new DdlValidationException(table, "the property " + property + " = " + DdlPrinter.string(value)
                    + " must have '*' as its minute field", "Invalid crontab format. The minute field must be '*'.");
        }
    }

}
