-- Column-expression partitioning on two columns, written with parentheses.
CREATE TABLE t_recharge_detail (
    id BIGINT,
    user_id BIGINT,
    recharge_money DECIMAL(32,2),
    city VARCHAR(20) NOT NULL,
    dt VARCHAR(20) NOT NULL
)
DUPLICATE KEY(id)
PARTITION BY (dt, city)
DISTRIBUTED BY HASH(id) BUCKETS 4
PROPERTIES ("replication_num" = "1");
