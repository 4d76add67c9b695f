CREATE TABLE `lake_events` (
  `event_time` datetime NOT NULL COMMENT "",
  `user_id` bigint(20) NOT NULL COMMENT "",
  `event` varchar(64) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`event_time`, `user_id`)
PARTITION BY date_trunc('hour', `event_time`)
DISTRIBUTED BY RANDOM
PROPERTIES (
"replication_num" = "1",
"datacache.enable" = "true",
"storage_volume" = "builtin_storage_volume",
"enable_async_write_back" = "false",
"enable_persistent_index" = "true",
"persistent_index_type" = "CLOUD_NATIVE",
"compression" = "LZ4"
);
