ALTER TABLE orders ADD COLUMN note STRING COMMENT "free text";

CREATE TABLE customers (
    id BIGINT NOT NULL,
    name VARCHAR(40)
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 1
PROPERTIES ("replication_num" = "1");
