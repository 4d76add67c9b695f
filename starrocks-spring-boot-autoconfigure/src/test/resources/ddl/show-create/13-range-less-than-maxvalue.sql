CREATE TABLE `sales` (
  `sale_date` date NOT NULL COMMENT "",
  `store_id` int(11) NOT NULL COMMENT "",
  `amount` decimal(12, 2) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`sale_date`, `store_id`)
PARTITION BY RANGE(`sale_date`)
(PARTITION p_old VALUES [("0000-01-01"), ("2024-01-01")),
PARTITION p2024 VALUES [("2024-01-01"), ("2025-01-01")),
PARTITION p_future VALUES [("2025-01-01"), (MAXVALUE)))
DISTRIBUTED BY HASH(`store_id`) BUCKETS 8 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
