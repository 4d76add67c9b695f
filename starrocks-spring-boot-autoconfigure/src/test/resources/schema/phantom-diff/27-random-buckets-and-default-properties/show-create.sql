CREATE TABLE `raw_events` (
  `received_at` datetime NOT NULL COMMENT "",
  `payload` varchar(65533) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`received_at`)
DISTRIBUTED BY RANDOM BUCKETS 8 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
