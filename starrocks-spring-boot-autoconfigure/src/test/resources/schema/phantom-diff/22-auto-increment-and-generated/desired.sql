-- AUTO_INCREMENT and a generated column, whose parentheses the server drops.
CREATE TABLE line_items (
    item_id BIGINT NOT NULL,
    seq BIGINT NOT NULL AUTO_INCREMENT,
    price DECIMAL(10, 2) NOT NULL,
    quantity INT NOT NULL,
    total DECIMAL(20, 2) AS (price * quantity)
)
PRIMARY KEY (item_id)
DISTRIBUTED BY HASH(item_id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
