CREATE TABLE `page_views` (
  `view_id` bigint(20) NOT NULL COMMENT "",
  `user_id` bigint(20) NOT NULL COMMENT "",
  `viewed_at` datetime NOT NULL COMMENT "",
  `path` varchar(512) NULL COMMENT ""
) ENGINE=OLAP 
PRIMARY KEY(`view_id`)
DISTRIBUTED BY HASH(`view_id`) BUCKETS 4 
ORDER BY(`user_id`, `viewed_at`)
PROPERTIES (
"compression" = "LZ4",
"enable_persistent_index" = "true",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
