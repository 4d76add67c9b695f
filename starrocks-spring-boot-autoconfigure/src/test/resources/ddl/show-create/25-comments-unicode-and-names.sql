CREATE TABLE `订单明细` (
  `订单号` bigint(20) NOT NULL COMMENT "订单的唯一编号",
  `select` varchar(64) NULL COMMENT "a column named like a keyword",
  `with space` int(11) NULL COMMENT "it's -- not a comment; really",
  `back``tick` int(11) NULL COMMENT "/* still text */ # also text"
) ENGINE=OLAP 
DUPLICATE KEY(`订单号`)
COMMENT "中文表注释"
DISTRIBUTED BY HASH(`订单号`) BUCKETS 1 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
