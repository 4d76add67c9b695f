CREATE TABLE `sales_by_city` (
  `id` bigint(20) NOT NULL COMMENT "",
  `city` varchar(32) NOT NULL COMMENT "",
  `amount` decimal(12, 2) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`id`, `city`)
PARTITION BY LIST(`city`)(
  PARTITION p_north VALUES IN ("Beijing", "Harbin"),
  PARTITION p_south VALUES IN ("Guangzhou", "Shenzhen")
)
DISTRIBUTED BY HASH(`id`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
