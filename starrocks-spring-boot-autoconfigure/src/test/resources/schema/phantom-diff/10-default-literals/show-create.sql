CREATE TABLE `orders` (
  `order_id` bigint(20) NOT NULL COMMENT "",
  `status` varchar(16) NOT NULL DEFAULT "new" COMMENT "",
  `quantity` int(11) NOT NULL DEFAULT "1" COMMENT "",
  `discount` double NULL DEFAULT "0.0" COMMENT "",
  `trace_id` varchar(36) NULL DEFAULT (uuid()) COMMENT "",
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT "",
  `note` varchar(100) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`order_id`)
DISTRIBUTED BY HASH(`order_id`) BUCKETS 4 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
