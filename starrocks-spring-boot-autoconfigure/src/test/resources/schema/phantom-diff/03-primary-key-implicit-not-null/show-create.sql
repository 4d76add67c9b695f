CREATE TABLE `users` (
  `id` bigint(20) NOT NULL COMMENT "",
  `name` varchar(64) NULL COMMENT "",
  `email` varchar(65533) NOT NULL COMMENT "",
  `created_at` datetime NULL DEFAULT CURRENT_TIMESTAMP COMMENT ""
) ENGINE=OLAP 
PRIMARY KEY(`id`)
DISTRIBUTED BY HASH(`id`) BUCKETS 8 
PROPERTIES (
"compression" = "LZ4",
"enable_persistent_index" = "true",
"fast_schema_evolution" = "true",
"persistent_index_type" = "LOCAL",
"replicated_storage" = "true",
"replication_num" = "1"
);
