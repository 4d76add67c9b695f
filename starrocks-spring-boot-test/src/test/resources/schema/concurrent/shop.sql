-- The schema flyway/concurrent migrates to: the drift check finds no difference.
CREATE TABLE orders (
    id BIGINT NOT NULL,
    customer_id BIGINT
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 1;

CREATE TABLE customers (
    id BIGINT NOT NULL,
    name VARCHAR(40)
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 1;
