-- Version 1: the tables (applied by Flyway with the starter's StarRocks database type).

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

