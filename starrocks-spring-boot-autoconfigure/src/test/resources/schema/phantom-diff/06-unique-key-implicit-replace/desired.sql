-- Value columns of a UNIQUE KEY table carry an implicit REPLACE that SHOW CREATE does not print.
CREATE TABLE products (
    product_id INT NOT NULL,
    sku VARCHAR(32) NOT NULL,
    title VARCHAR(256),
    price DECIMAL(10,2)
)
UNIQUE KEY (product_id, sku)
DISTRIBUTED BY HASH(product_id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
