CREATE TABLE `clicks` (
  `click_id` bigint(20) NULL COMMENT "",
  `url` varchar(1024) NULL COMMENT "",
  `clicked_at` datetime NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`click_id`, `url`)
DISTRIBUTED BY RANDOM
PROPERTIES (
"bucket_size" = "4294967296",
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
