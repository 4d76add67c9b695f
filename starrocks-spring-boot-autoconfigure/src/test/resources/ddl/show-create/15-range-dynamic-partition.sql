CREATE TABLE `clicks` (
  `click_day` date NOT NULL COMMENT "",
  `ad_id` bigint(20) NOT NULL COMMENT "",
  `clicks` bigint(20) SUM NULL DEFAULT "0" COMMENT ""
) ENGINE=OLAP 
AGGREGATE KEY(`click_day`, `ad_id`)
PARTITION BY RANGE(`click_day`)
(PARTITION p20240301 VALUES [("2024-03-01"), ("2024-03-02")),
PARTITION p20240302 VALUES [("2024-03-02"), ("2024-03-03")))
DISTRIBUTED BY HASH(`ad_id`) BUCKETS 8 
PROPERTIES (
"replication_num" = "1",
"dynamic_partition.enable" = "true",
"dynamic_partition.time_unit" = "DAY",
"dynamic_partition.time_zone" = "Asia/Shanghai",
"dynamic_partition.start" = "-7",
"dynamic_partition.end" = "3",
"dynamic_partition.prefix" = "p",
"dynamic_partition.buckets" = "8",
"dynamic_partition.history_partition_num" = "0",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"compression" = "LZ4"
);
