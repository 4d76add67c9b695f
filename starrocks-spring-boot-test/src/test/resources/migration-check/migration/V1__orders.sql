CREATE TABLE orders (
    id BIGINT NOT NULL,
    status VARCHAR(16)
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
