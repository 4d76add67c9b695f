CREATE MATERIALIZED VIEW `mv_daily_orders` (`order_day`, `orders`)
COMMENT "orders per day"
PARTITION BY (`order_day`)
DISTRIBUTED BY HASH(`order_day`) BUCKETS 2 
REFRESH DEFERRED MANUAL
PROPERTIES (
"partition_refresh_number" = "1",
"replicated_storage" = "true",
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS SELECT date_trunc('day', `created_at`) AS `order_day`, count(*) AS `orders` FROM `orders` GROUP BY date_trunc('day', `created_at`);
