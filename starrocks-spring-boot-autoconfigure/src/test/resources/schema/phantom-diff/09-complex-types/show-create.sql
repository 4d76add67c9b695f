CREATE TABLE `profiles` (
  `id` bigint(20) NOT NULL COMMENT "",
  `tags` array<varchar(65533)> NULL COMMENT "",
  `scores` map<varchar(20),int(11)> NULL COMMENT "",
  `address` struct<street varchar(100), zip int(11)> NULL COMMENT "",
  `history` array<struct<at datetime, amount decimal(10, 2)>> NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`id`)
DISTRIBUTED BY HASH(`id`) BUCKETS 1 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
