CREATE TABLE `site_access` (
  `event_day` datetime NOT NULL COMMENT "",
  `site_id` int(11) NULL DEFAULT "10" COMMENT "",
  `city_code` varchar(100) NULL COMMENT "",
  `user_name` varchar(32) NULL DEFAULT "" COMMENT "",
  `pv` bigint(20) NULL DEFAULT "0" COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`event_day`, `site_id`, `city_code`, `user_name`)
PARTITION BY date_trunc('day', `event_day`)
DISTRIBUTED BY HASH(`event_day`, `site_id`) 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"partition_live_number" = "3",
"replicated_storage" = "true",
"replication_num" = "1"
);
