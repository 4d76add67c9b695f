CREATE MATERIALIZED VIEW `daily_sales` (`sale_date`, `store_id`, `total` COMMENT "sum of amount")
COMMENT "daily sales per store"
PARTITION BY (`sale_date`)
DISTRIBUTED BY HASH(`store_id`) BUCKETS 4 
ORDER BY (store_id,sale_date)
REFRESH ASYNC START("2024-01-01 02:00:00") EVERY(INTERVAL 1 DAY)
PROPERTIES (
"replicated_storage" = "true",
"replication_num" = "1",
"partition_refresh_number" = "3",
"storage_medium" = "HDD"
)
AS SELECT `test_db`.`sales`.`sale_date`, `test_db`.`sales`.`store_id`, sum(`test_db`.`sales`.`amount`) AS `total`
FROM `test_db`.`sales`
GROUP BY `test_db`.`sales`.`sale_date`, `test_db`.`sales`.`store_id`;
