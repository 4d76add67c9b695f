-- Random distribution with a bucket count, and properties declared at their default values that this server
-- version does not print.
CREATE TABLE raw_events (
    received_at DATETIME NOT NULL,
    payload STRING
)
DUPLICATE KEY(received_at)
DISTRIBUTED BY RANDOM BUCKETS 8
PROPERTIES (
    "replication_num" = "1",
    "in_memory" = "false",
    "storage_medium" = "HDD"
);
