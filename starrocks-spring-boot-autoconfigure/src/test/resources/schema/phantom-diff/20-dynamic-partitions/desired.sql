-- Dynamic partitions: the server creates and drops partitions itself, so they are never a diff.
CREATE TABLE dyn_events (
    dt DATE NOT NULL,
    event_id BIGINT NOT NULL,
    payload JSON
)
DUPLICATE KEY(dt, event_id)
PARTITION BY RANGE(dt) ()
DISTRIBUTED BY HASH(event_id) BUCKETS 4
PROPERTIES (
    "replication_num" = "1",
    "dynamic_partition.enable" = "true",
    "dynamic_partition.time_unit" = "DAY",
    "dynamic_partition.start" = "-3",
    "dynamic_partition.end" = "3",
    "dynamic_partition.prefix" = "p",
    "dynamic_partition.buckets" = "4"
);
