CREATE OR REPLACE VIEW IF NOT EXISTS recent_orders
COMMENT 'orders of the last week'
SECURITY INVOKER
AS SELECT * FROM orders WHERE order_day >= date_sub(current_date(), 7);

create view v_plain as select 1 as one;

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_daily (order_day, total COMMENT 'sum of amounts')
COMMENT 'daily totals'
PARTITION BY order_day
DISTRIBUTED BY HASH(order_day) BUCKETS 4
ORDER BY (order_day)
REFRESH IMMEDIATE ASYNC START ('2024-01-01 00:00:00') EVERY (INTERVAL 1 DAY)
PROPERTIES ("replication_num" = "1", "partition_refresh_number" = "2")
AS
SELECT order_day, sum(amount) AS total
FROM orders
GROUP BY order_day;

create materialized view mv_manual
refresh deferred manual
as select customer_id, count(*) as c from orders group by customer_id;

CREATE MATERIALIZED VIEW mv_async_every
DISTRIBUTED BY RANDOM
REFRESH ASYNC EVERY(INTERVAL 30 MINUTE)
AS SELECT 1 AS x;

CREATE MATERIALIZED VIEW mv_plain AS SELECT 'a;b' AS s
