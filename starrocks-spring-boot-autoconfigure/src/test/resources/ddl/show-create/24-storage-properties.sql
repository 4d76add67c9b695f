CREATE TABLE `archive` (
  `id` bigint(20) NOT NULL COMMENT "",
  `k1` varchar(64) NULL COMMENT "",
  `k2` varchar(64) NULL COMMENT "",
  `body` varchar(65533) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`id`)
DISTRIBUTED BY HASH(`id`) BUCKETS 10 
PROPERTIES (
"replication_num" = "1",
"bloom_filter_columns" = "k1, k2",
"colocate_with" = "archive_group",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"write_quorum" = "ALL",
"storage_medium" = "SSD",
"storage_cooldown_ttl" = "1 month",
"compression" = "ZSTD(3)"
);
