CREATE TABLE `products` (
  `product_id` int(11) NOT NULL COMMENT "",
  `sku` varchar(32) NOT NULL COMMENT "",
  `title` varchar(256) NULL COMMENT "",
  `price` decimal(10, 2) NULL COMMENT ""
) ENGINE=OLAP 
UNIQUE KEY(`product_id`, `sku`)
DISTRIBUTED BY HASH(`product_id`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
