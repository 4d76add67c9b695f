-- Batch range partitions: the server expands START .. END EVERY into one fixed range per month.
CREATE TABLE monthly_metrics (
    dt DATE NOT NULL,
    metric VARCHAR(64) NOT NULL,
    value DOUBLE SUM DEFAULT "0"
)
AGGREGATE KEY(dt, metric)
PARTITION BY RANGE(dt) (
    START ("2024-01-01") END ("2024-04-01") EVERY (INTERVAL 1 MONTH)
)
DISTRIBUTED BY HASH(metric) BUCKETS 2
PROPERTIES ("replication_num" = "1");
