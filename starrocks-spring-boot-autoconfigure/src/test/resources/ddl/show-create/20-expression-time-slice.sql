CREATE TABLE `sensor_readings` (
  `ts` datetime NOT NULL COMMENT "",
  `sensor_id` bigint(20) NOT NULL COMMENT "",
  `reading` double NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`ts`, `sensor_id`)
PARTITION BY time_slice(`ts`, INTERVAL 6 hour, floor)
DISTRIBUTED BY RANDOM
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
