CREATE TABLE `customers` (
  `customer_id` bigint(20) NOT NULL COMMENT "surrogate key",
  `name` varchar(128) NULL COMMENT "full name",
  `country` char(2) NULL COMMENT "ISO 3166 code",
  `vip` boolean NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`customer_id`)
COMMENT "one row per customer"
DISTRIBUTED BY HASH(`customer_id`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
