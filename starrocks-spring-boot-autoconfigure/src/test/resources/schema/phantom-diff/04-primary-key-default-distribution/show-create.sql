CREATE TABLE `accounts` (
  `account_id` bigint(20) NOT NULL COMMENT "",
  `balance` decimal(18, 2) NOT NULL DEFAULT "0" COMMENT ""
) ENGINE=OLAP 
PRIMARY KEY(`account_id`)
DISTRIBUTED BY HASH(`account_id`) BUCKETS 3 
PROPERTIES (
"compression" = "LZ4",
"enable_persistent_index" = "true",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
