CREATE TABLE `site_access` (
  `event_day` datetime NOT NULL COMMENT "",
  `site_id` int(11) NOT NULL COMMENT "",
  `pv` bigint(20) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`event_day`, `site_id`)
PARTITION BY date_trunc('day', `event_day`)
DISTRIBUTED BY HASH(`event_day`, `site_id`)
PROPERTIES (
"replication_num" = "1",
"partition_live_number" = "30",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"bucket_size" = "4294967296",
"compression" = "LZ4"
);
