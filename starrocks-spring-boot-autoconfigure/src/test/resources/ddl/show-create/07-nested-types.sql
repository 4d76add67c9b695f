CREATE TABLE `nested` (
  `id` bigint(20) NOT NULL COMMENT "",
  `tags` array<varchar(32)> NULL COMMENT "",
  `scores` array<int(11)> NULL COMMENT "",
  `matrix` array<array<double>> NULL COMMENT "",
  `attrs` map<varchar(20),int(11)> NULL COMMENT "",
  `point` struct<x double, y double> NULL COMMENT "",
  `person` struct<name varchar(65533), age tinyint(4), emails array<varchar(128)>> NULL COMMENT "",
  `deep` map<int(11),struct<a array<map<varchar(10),decimal(10, 2)>>, b boolean>> NULL COMMENT "",
  `events` array<struct<ts datetime, kind varchar(16)>> NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`id`)
DISTRIBUTED BY HASH(`id`) BUCKETS 4 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
