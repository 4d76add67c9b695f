-- List partitioning (3.1+), single column, single-quoted values.
CREATE TABLE sales_by_city (
    id BIGINT NOT NULL,
    city VARCHAR(32) NOT NULL,
    amount DECIMAL(12, 2)
)
DUPLICATE KEY(id, city)
PARTITION BY LIST (city) (
    PARTITION p_north VALUES IN ('Beijing', 'Harbin'),
    PARTITION p_south VALUES IN ('Guangzhou', 'Shenzhen')
)
DISTRIBUTED BY HASH(id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
