CREATE TABLE `invoices` (
  `invoice_id` bigint(20) NOT NULL COMMENT "",
  `amount` decimal64(15, 2) NOT NULL COMMENT "",
  `tax` decimal32(7, 2) NULL COMMENT "",
  `total` decimal128(27, 9) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`invoice_id`)
DISTRIBUTED BY HASH(`invoice_id`) BUCKETS 2 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"storage_format" = "DEFAULT",
"enable_persistent_index" = "false",
"compression" = "LZ4"
);
