CREATE TABLE `events` (
  `site_id` int(11) NOT NULL COMMENT "",
  `event_day` date NOT NULL COMMENT "",
  `user_id` bigint(20) NOT NULL COMMENT "",
  `pv` bigint(20) SUM NULL DEFAULT "0" COMMENT "page views",
  `uv` bitmap BITMAP_UNION NOT NULL COMMENT ""
) ENGINE=OLAP 
AGGREGATE KEY(`site_id`, `event_day`, `user_id`)
COMMENT "daily counters"
PARTITION BY RANGE(`event_day`)
(PARTITION p202401 VALUES [("2024-01-01"), ("2024-02-01")),
PARTITION p202402 VALUES [("2024-02-01"), ("2024-03-01")))
DISTRIBUTED BY HASH(`site_id`) BUCKETS 4 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
