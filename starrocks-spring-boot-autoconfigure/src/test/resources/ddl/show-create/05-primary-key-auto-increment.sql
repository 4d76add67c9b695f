CREATE TABLE `orders` (
  `order_id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT "",
  `customer_id` bigint(20) NOT NULL COMMENT "",
  `amount` decimal(18, 2) NULL COMMENT "order total",
  `status` varchar(16) NOT NULL DEFAULT "NEW" COMMENT "",
  `created_at` datetime NULL DEFAULT CURRENT_TIMESTAMP COMMENT ""
) ENGINE=OLAP 
PRIMARY KEY(`order_id`)
DISTRIBUTED BY HASH(`order_id`) BUCKETS 8 
ORDER BY(`customer_id`)
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
