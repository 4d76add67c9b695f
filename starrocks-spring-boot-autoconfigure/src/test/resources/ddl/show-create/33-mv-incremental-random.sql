CREATE MATERIALIZED VIEW `mv_incremental` (`k`, `v`)
DISTRIBUTED BY RANDOM BUCKETS 8
REFRESH INCREMENTAL
PROPERTIES (
"replication_num" = "1",
"storage_medium" = "SSD"
)
AS SELECT `test_db`.`t`.`k`, `test_db`.`t`.`v` FROM `test_db`.`t`;
