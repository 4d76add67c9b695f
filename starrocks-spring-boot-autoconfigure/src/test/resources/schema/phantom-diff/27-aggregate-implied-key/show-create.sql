CREATE TABLE `hourly_hits` (
  `hour` datetime NOT NULL COMMENT "",
  `page` varchar(256) NOT NULL COMMENT "",
  `hits` bigint(20) SUM NULL DEFAULT "0" COMMENT "",
  `last_seen` datetime MAX NULL COMMENT ""
) ENGINE=OLAP 
AGGREGATE KEY(`hour`, `page`)
DISTRIBUTED BY HASH(`page`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
