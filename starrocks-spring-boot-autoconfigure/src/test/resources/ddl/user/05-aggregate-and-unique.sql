CREATE TABLE IF NOT EXISTS `daily_stats` (
    `dt` DATE NOT NULL COMMENT "day",
    `site` VARCHAR(64) NOT NULL,
    `pv` BIGINT SUM DEFAULT "0",
    `uv` BITMAP BITMAP_UNION,
    `hll_users` HLL HLL_UNION,
    `last_seen` DATETIME REPLACE_IF_NOT_NULL,
    `max_depth` INT MAX,
    INDEX idx_site (site) USING BITMAP COMMENT 'site filter'
) ENGINE = OLAP
AGGREGATE KEY(`dt`, `site`)
DISTRIBUTED BY HASH(`site`) BUCKETS 4
PROPERTIES (
    "replication_num" = "1",
    "storage_medium" = "SSD"
);

CREATE TABLE latest_prices (
    sku VARCHAR(32) NOT NULL,
    price DECIMAL64(10, 2),
    tags ARRAY<STRING>,
    attrs MAP<STRING, INT>,
    dims STRUCT<w DOUBLE, h DOUBLE>,
    doc JSON,
    INDEX idx_tags (sku) USING NGRAMBF ("gram_num" = "4", "bloom_filter_fpp" = "0.05")
)
UNIQUE KEY(sku)
DISTRIBUTED BY HASH(sku) BUCKETS 2
ORDER BY (sku);
