CREATE TABLE `users` (
  `user_id` bigint(20) NOT NULL COMMENT "",
  `city` varchar(64) NULL COMMENT "",
  `gender` char(1) NULL COMMENT "",
  `age` smallint(6) NULL COMMENT "",
  INDEX idx_city (`city`) USING BITMAP COMMENT 'city lookups',
  INDEX idx_gender (`gender`) USING BITMAP
) ENGINE=OLAP 
DUPLICATE KEY(`user_id`)
DISTRIBUTED BY HASH(`user_id`) BUCKETS 6 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
