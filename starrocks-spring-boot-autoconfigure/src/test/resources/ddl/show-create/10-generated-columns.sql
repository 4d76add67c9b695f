CREATE TABLE `line_items` (
  `id` bigint(20) NOT NULL COMMENT "",
  `price` decimal(10, 2) NULL COMMENT "",
  `qty` int(11) NULL COMMENT "",
  `payload` json NULL COMMENT "",
  `total` decimal(21, 2) NULL AS `price` * cast(`qty` AS DECIMAL(10,0)) COMMENT "",
  `buyer` varchar(65533) NULL AS get_json_string(`payload`, '$.buyer.name') COMMENT "buyer name"
) ENGINE=OLAP 
PRIMARY KEY(`id`)
DISTRIBUTED BY HASH(`id`) BUCKETS 2 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
