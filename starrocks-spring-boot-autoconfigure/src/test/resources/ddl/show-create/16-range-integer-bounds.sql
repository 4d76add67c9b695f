CREATE TABLE `shards` (
  `shard_key` int(11) NOT NULL COMMENT "",
  `value` varchar(64) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`shard_key`)
PARTITION BY RANGE(`shard_key`)
(PARTITION p_neg VALUES [("-2147483648"), ("0")),
PARTITION p0 VALUES [("0"), ("1000")),
PARTITION p1 VALUES [("1000"), ("2000")))
DISTRIBUTED BY HASH(`shard_key`) BUCKETS 2 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
