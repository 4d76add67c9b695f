CREATE TABLE `monthly_metrics` (
  `dt` date NOT NULL COMMENT "",
  `metric` varchar(64) NOT NULL COMMENT "",
  `value` double SUM NULL DEFAULT "0" COMMENT ""
) ENGINE=OLAP 
AGGREGATE KEY(`dt`, `metric`)
PARTITION BY RANGE(`dt`)
(PARTITION p202401 VALUES [("2024-01-01"), ("2024-02-01")),
PARTITION p202402 VALUES [("2024-02-01"), ("2024-03-01")),
PARTITION p202403 VALUES [("2024-03-01"), ("2024-04-01")))
DISTRIBUTED BY HASH(`metric`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
