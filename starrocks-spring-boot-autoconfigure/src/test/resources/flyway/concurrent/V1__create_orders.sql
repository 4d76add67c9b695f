CREATE TABLE orders (
    id BIGINT NOT NULL,
    customer VARCHAR(40)
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id)
PROPERTIES ("replication_num" = "1");
