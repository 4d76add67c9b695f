-- No key clause but aggregation types: the server makes an AGGREGATE KEY table keyed on the other columns.
CREATE TABLE hourly_hits (
    hour DATETIME NOT NULL,
    page VARCHAR(256) NOT NULL,
    hits BIGINT SUM DEFAULT "0",
    last_seen DATETIME MAX
)
DISTRIBUTED BY HASH(page) BUCKETS 2
PROPERTIES ("replication_num" = "1");
