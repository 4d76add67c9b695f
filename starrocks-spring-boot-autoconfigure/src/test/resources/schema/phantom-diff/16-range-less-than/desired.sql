-- LESS THAN partitions: the server prints each as a fixed range starting at the previous upper bound.
CREATE TABLE payments (
    paid_on DATE NOT NULL,
    payment_id BIGINT NOT NULL,
    amount DECIMAL(12, 2) NOT NULL
)
DUPLICATE KEY(paid_on, payment_id)
PARTITION BY RANGE(paid_on) (
    PARTITION p2023 VALUES LESS THAN ("2024-01-01"),
    PARTITION p2024h1 VALUES LESS THAN ("2024-07-01"),
    PARTITION p2024h2 VALUES LESS THAN ("2025-01-01")
)
DISTRIBUTED BY HASH(payment_id) BUCKETS 4
PROPERTIES ("replication_num" = "1");
