-- Declares orders as migration-check/migration produces it, but not customers, which the migrations create.
CREATE TABLE orders (
    id BIGINT NOT NULL,
    status VARCHAR(16),
    note STRING COMMENT "free text"
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
