-- The desired schema of the sample's database: what the schema diff compares the database with.
-- Keep it in step with the migrations in db/migration (the drift check says when they differ).

-- Orders as the source system knows them: bulk-loaded, then kept in step by the CDC feed (the last four columns are
-- its audit columns; deletes are soft), one partition per day.
-- A PRIMARY KEY table's partition expression must use key columns, hence order_date in the key.
CREATE TABLE orders (
  order_id BIGINT NOT NULL COMMENT "order number in the source system",
  order_date DATE NOT NULL COMMENT "day the order was placed",
  customer_id BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL COMMENT "new, paid, shipped or cancelled",
  amount DECIMAL(12, 2) NOT NULL,
  updated_at DATETIME NOT NULL,
  change_seq BIGINT NOT NULL COMMENT "source change sequence: a late, older change never overwrites a newer one",
  op_type TINYINT NOT NULL DEFAULT "0" COMMENT "last change: 0 insert, 1 update, 2 delete",
  is_deleted BOOLEAN NOT NULL DEFAULT "false" COMMENT "deleted at the source (soft delete)",
  synced_at DATETIME NULL COMMENT "when the CDC path loaded the last change (UTC)"
)
PRIMARY KEY (order_id, order_date)
COMMENT "orders, kept in step with the source by CDC"
PARTITION BY date_trunc('day', order_date)
DISTRIBUTED BY HASH(order_id) BUCKETS 4
PROPERTIES ("replication_num" = "1");

-- Daily revenue per customer, summed by StarRocks as rows arrive.
CREATE TABLE daily_sales (
  sale_date DATE NOT NULL,
  customer_id BIGINT NOT NULL,
  order_count BIGINT SUM NOT NULL DEFAULT "0",
  revenue DECIMAL(18, 2) SUM NOT NULL DEFAULT "0",
  last_order_at DATETIME MAX NULL
)
AGGREGATE KEY (sale_date, customer_id)
COMMENT "daily revenue per customer"
DISTRIBUTED BY HASH(customer_id) BUCKETS 4
PROPERTIES ("replication_num" = "1");

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
