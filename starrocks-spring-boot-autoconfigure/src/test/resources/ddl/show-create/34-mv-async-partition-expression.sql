CREATE MATERIALIZED VIEW `mv_hourly` (`hour`, `sensor_id`, `avg_reading`)
PARTITION BY (date_trunc('day', hour))
DISTRIBUTED BY HASH(`sensor_id`) BUCKETS 4 
REFRESH ASYNC START("2024-06-01 00:00:00") EVERY(INTERVAL 2 HOUR)
PROPERTIES (
"partition_ttl_number" = "7",
"auto_refresh_partitions_limit" = "2",
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS SELECT time_slice(`test_db`.`sensor_readings`.`ts`, INTERVAL 1 hour) AS `hour`, `test_db`.`sensor_readings`.`sensor_id`, avg(`test_db`.`sensor_readings`.`reading`) AS `avg_reading`
FROM `test_db`.`sensor_readings`
GROUP BY time_slice(`test_db`.`sensor_readings`.`ts`, INTERVAL 1 hour), `test_db`.`sensor_readings`.`sensor_id`;
