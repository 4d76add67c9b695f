CREATE TABLE `monthly` (
  `dt` date NOT NULL COMMENT "",
  `k` int(11) NOT NULL COMMENT "",
  `v` bigint(20) SUM NULL COMMENT ""
) ENGINE=OLAP 
AGGREGATE KEY(`dt`, `k`)
PARTITION BY RANGE(date_trunc('month', `dt`))
DISTRIBUTED BY HASH(`k`) BUCKETS 4 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"storage_format" = "DEFAULT",
"enable_persistent_index" = "false",
"compression" = "LZ4"
);
