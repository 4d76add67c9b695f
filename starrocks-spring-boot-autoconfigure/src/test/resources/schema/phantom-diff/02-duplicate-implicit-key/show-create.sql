CREATE TABLE `logs` (
  `ts` datetime NULL COMMENT "",
  `level` varchar(10) NULL COMMENT "",
  `message` varchar(65533) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`ts`, `level`)
DISTRIBUTED BY HASH(`ts`) BUCKETS 4 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
