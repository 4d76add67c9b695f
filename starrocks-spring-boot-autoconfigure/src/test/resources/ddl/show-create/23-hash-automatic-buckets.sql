CREATE TABLE `page_views` (
  `view_id` bigint(20) NOT NULL COMMENT "",
  `user_id` bigint(20) NOT NULL COMMENT "",
  `url` varchar(2048) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`view_id`)
DISTRIBUTED BY HASH(`view_id`, `user_id`)
PROPERTIES (
"replication_num" = "1",
"bucket_size" = "4294967296",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
