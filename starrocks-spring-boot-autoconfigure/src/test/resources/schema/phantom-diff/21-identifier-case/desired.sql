-- Column names are case-insensitive in StarRocks: a reference in another case is the same column.
CREATE TABLE `Orders_Archive` (
    `Order_ID` BIGINT NOT NULL,
    Customer_Name VARCHAR(64),
    Total DECIMAL(12, 2)
)
DUPLICATE KEY(order_id)
DISTRIBUTED BY HASH(ORDER_ID) BUCKETS 2
PROPERTIES ("replication_num" = "1");
