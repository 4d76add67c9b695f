-- Differs from what migration-check/migration produces: orders.status is wider and customers has an email column.
CREATE TABLE orders (
    id BIGINT NOT NULL,
    status VARCHAR(32),
    note STRING COMMENT "free text"
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 2
PROPERTIES ("replication_num" = "1");

CREATE TABLE customers (
    id BIGINT NOT NULL,
    name VARCHAR(40),
    email VARCHAR(80)
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 1
PROPERTIES ("replication_num" = "1");
