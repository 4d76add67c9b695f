CREATE TABLE `prices` (
  `sku` varchar(32) NOT NULL COMMENT "",
  `price` decimal64(10, 2) NOT NULL COMMENT "",
  `rate` decimal32(9, 3) NULL COMMENT "",
  `total` decimal128(38, 10) NULL COMMENT "",
  `history` array<decimal64(12, 4)> NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`sku`)
DISTRIBUTED BY HASH(`sku`) BUCKETS 3 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"storage_format" = "DEFAULT",
"enable_persistent_index" = "false",
"compression" = "LZ4"
);
