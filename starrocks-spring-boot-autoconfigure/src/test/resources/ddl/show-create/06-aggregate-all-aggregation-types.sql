CREATE TABLE `metrics` (
  `dt` date NOT NULL COMMENT "",
  `host` varchar(64) NOT NULL COMMENT "",
  `requests` bigint(20) SUM NULL DEFAULT "0" COMMENT "",
  `max_latency` int(11) MAX NULL COMMENT "",
  `min_latency` int(11) MIN NULL COMMENT "",
  `last_status` varchar(16) REPLACE NULL COMMENT "",
  `last_agent` varchar(256) REPLACE_IF_NOT_NULL NULL COMMENT "",
  `visitors_hll` hll HLL_UNION NOT NULL COMMENT "",
  `visitors_bitmap` bitmap BITMAP_UNION NOT NULL COMMENT "",
  `latency_pct` percentile PERCENTILE_UNION NOT NULL COMMENT ""
) ENGINE=OLAP 
AGGREGATE KEY(`dt`, `host`)
DISTRIBUTED BY HASH(`host`) BUCKETS 2 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"compression" = "LZ4"
);
