CREATE TABLE `payments` (
  `paid_on` date NOT NULL COMMENT "",
  `payment_id` bigint(20) NOT NULL COMMENT "",
  `amount` decimal(12, 2) NOT NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`paid_on`, `payment_id`)
PARTITION BY RANGE(`paid_on`)
(PARTITION p2023 VALUES [("0000-01-01"), ("2024-01-01")),
PARTITION p2024h1 VALUES [("2024-01-01"), ("2024-07-01")),
PARTITION p2024h2 VALUES [("2024-07-01"), ("2025-01-01")))
DISTRIBUTED BY HASH(`payment_id`) BUCKETS 4 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
