-- Column and table comments in single quotes; the server prints double quotes and empty comments.
CREATE TABLE customers (
    customer_id BIGINT NOT NULL COMMENT 'surrogate key',
    name VARCHAR(128) COMMENT 'full name',
    country CHAR(2) COMMENT "ISO 3166 code",
    vip BOOLEAN
)
ENGINE = OLAP
DUPLICATE KEY(customer_id)
COMMENT 'one row per customer'
DISTRIBUTED BY HASH(customer_id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
