CREATE TABLE `dyn_events` (
  `dt` date NOT NULL COMMENT "",
  `event_id` bigint(20) NOT NULL COMMENT "",
  `payload` json NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`dt`, `event_id`)
PARTITION BY RANGE(`dt`)
(PARTITION p20241120 VALUES [("2024-11-20"), ("2024-11-21")),
PARTITION p20241121 VALUES [("2024-11-21"), ("2024-11-22")),
PARTITION p20241122 VALUES [("2024-11-22"), ("2024-11-23")),
PARTITION p20241123 VALUES [("2024-11-23"), ("2024-11-24")))
DISTRIBUTED BY HASH(`event_id`) BUCKETS 4 
PROPERTIES (
"compression" = "LZ4",
"dynamic_partition.buckets" = "4",
"dynamic_partition.enable" = "true",
"dynamic_partition.end" = "3",
"dynamic_partition.history_partition_num" = "0",
"dynamic_partition.prefix" = "p",
"dynamic_partition.start" = "-3",
"dynamic_partition.time_unit" = "DAY",
"dynamic_partition.time_zone" = "Asia/Shanghai",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
