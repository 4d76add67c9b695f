CREATE TABLE `tenant_events` (
  `tenant_id` int(11) NOT NULL COMMENT "",
  `event_date` date NOT NULL COMMENT "",
  `payload` varchar(65533) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`tenant_id`, `event_date`)
PARTITION BY RANGE(`tenant_id`, `event_date`)
(PARTITION p1_jan VALUES [("1", "2024-01-01"), ("1", "2024-02-01")),
PARTITION p1_feb VALUES [("1", "2024-02-01"), ("1", "2024-03-01")),
PARTITION p2_all VALUES [("2", "0000-01-01"), ("3", "0000-01-01")))
DISTRIBUTED BY HASH(`tenant_id`) BUCKETS 4 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"compression" = "LZ4"
);
