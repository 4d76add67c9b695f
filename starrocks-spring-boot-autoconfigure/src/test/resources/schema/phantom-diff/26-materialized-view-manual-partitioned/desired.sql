-- A partitioned MV refreshed by hand, created without an initial refresh.
CREATE MATERIALIZED VIEW IF NOT EXISTS mv_daily_orders
COMMENT 'orders per day'
PARTITION BY order_day
DISTRIBUTED BY HASH(order_day) BUCKETS 2
REFRESH DEFERRED MANUAL
PROPERTIES ("replication_num" = "1", "partition_refresh_number" = "1")
AS SELECT date_trunc('day', created_at) AS order_day, count(*) AS orders
FROM orders GROUP BY date_trunc('day', created_at)
