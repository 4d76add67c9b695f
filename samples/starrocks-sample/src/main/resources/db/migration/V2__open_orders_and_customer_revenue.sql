-- Version 2: the view and the materialized view over orders.

-- What a support screen lists: orders still to be shipped.
CREATE VIEW open_orders COMMENT "orders not yet shipped or cancelled" AS
SELECT order_id, order_date, customer_id, status, amount
FROM orders
WHERE status IN ('new', 'paid') AND NOT is_deleted;

-- Revenue per customer, refreshed by StarRocks every minute.
CREATE MATERIALIZED VIEW customer_revenue
COMMENT "revenue per customer"
DISTRIBUTED BY HASH(customer_id) BUCKETS 4
REFRESH ASYNC EVERY (INTERVAL 1 MINUTE)
PROPERTIES ("replication_num" = "1")
AS SELECT customer_id, count(*) AS order_count, sum(amount) AS revenue
FROM orders
WHERE status <> 'cancelled' AND NOT is_deleted
GROUP BY customer_id;
