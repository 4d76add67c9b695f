CREATE TABLE `customers` (
  `customer_id` bigint(20) NOT NULL COMMENT "",
  `region` varchar(32) NOT NULL COMMENT "",
  `name` varchar(128) NULL COMMENT "",
  `updated_at` datetime NULL COMMENT ""
) ENGINE=OLAP 
UNIQUE KEY(`customer_id`, `region`)
DISTRIBUTED BY HASH(`customer_id`) BUCKETS 8 
ORDER BY(`region`, `customer_id`)
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
