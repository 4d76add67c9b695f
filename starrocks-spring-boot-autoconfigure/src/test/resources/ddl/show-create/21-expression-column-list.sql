CREATE TABLE `orders_by_region` (
  `dt` date NOT NULL COMMENT "",
  `region` varchar(16) NOT NULL COMMENT "",
  `order_id` bigint(20) NOT NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`dt`, `region`)
PARTITION BY (`dt`,`region`)
DISTRIBUTED BY HASH(`order_id`) BUCKETS 4 
PROPERTIES (
"replication_num" = "1",
"partition_retention_condition" = "dt >= current_date() - interval 3 month",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
