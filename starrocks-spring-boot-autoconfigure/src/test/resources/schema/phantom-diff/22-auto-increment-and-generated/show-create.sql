CREATE TABLE `line_items` (
  `item_id` bigint(20) NOT NULL COMMENT "",
  `seq` bigint(20) NOT NULL AUTO_INCREMENT COMMENT "",
  `price` decimal(10, 2) NOT NULL COMMENT "",
  `quantity` int(11) NOT NULL COMMENT "",
  `total` decimal(20, 2) NULL AS `price` * `quantity` COMMENT ""
) ENGINE=OLAP 
PRIMARY KEY(`item_id`)
DISTRIBUTED BY HASH(`item_id`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"enable_persistent_index" = "true",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
