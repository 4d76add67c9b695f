CREATE TABLE `visits` (
  `dt` date NOT NULL COMMENT "",
  `city` varchar(32) NOT NULL COMMENT "",
  `visits` bigint(20) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`dt`, `city`)
PARTITION BY LIST(`dt`,`city`)(
  PARTITION p1 VALUES IN (('2024-04-01', 'Beijing'), ('2024-04-01', 'Shanghai')),
  PARTITION p2 VALUES IN (('2024-04-02', 'Beijing'))
)
DISTRIBUTED BY HASH(`city`) BUCKETS 2 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
