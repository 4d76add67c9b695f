CREATE TABLE customers (
    id BIGINT NOT NULL,
    name VARCHAR(40)
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id)
PROPERTIES ("replication_num" = "1");
