-- Every scalar type in the spelling users write.
CREATE TABLE all_types (
    k INT NOT NULL,
    b BOOLEAN,
    t TINYINT,
    s SMALLINT,
    i INTEGER,
    big BIGINT,
    huge LARGEINT,
    f FLOAT,
    d DOUBLE,
    money DECIMAL(10,2),
    ratio DECIMAL64(12, 4),
    wide DECIMAL128(38, 10),
    code CHAR(10),
    label VARCHAR(100),
    body STRING,
    doc JSON,
    day DATE,
    at DATETIME
)
DUPLICATE KEY (k)
DISTRIBUTED BY HASH (k) BUCKETS 1
PROPERTIES ("replication_num" = "1");
