-- Nested types: display widths inside, no space after the comma in MAP.
CREATE TABLE profiles (
    id BIGINT NOT NULL,
    tags ARRAY<STRING>,
    scores MAP<VARCHAR(20), INT>,
    address STRUCT<street VARCHAR(100), zip INT>,
    history ARRAY<STRUCT<at DATETIME, amount DECIMAL(10, 2)>>
)
DUPLICATE KEY(id)
DISTRIBUTED BY HASH(id) BUCKETS 1
PROPERTIES ("replication_num" = "1");
