-- Defaults in every quoting users write: single quotes, double quotes, CURRENT_TIMESTAMP, uuid().
CREATE TABLE orders (
    order_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'new',
    quantity INT NOT NULL DEFAULT "1",
    discount DOUBLE DEFAULT '0.0',
    trace_id VARCHAR(36) DEFAULT (uuid()),
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note VARCHAR(100) DEFAULT NULL
)
DUPLICATE KEY(order_id)
DISTRIBUTED BY HASH(order_id) BUCKETS 4
PROPERTIES ("replication_num" = "1");
