CREATE MATERIALIZED VIEW `mv_status` (status, cnt)
DISTRIBUTED BY HASH(`status`) BUCKETS 2 
REFRESH ASYNC EVERY(INTERVAL 10 MINUTE)
PROPERTIES (
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS SELECT `test_db`.`orders`.`status`, count(*) AS `cnt` FROM `test_db`.`orders` GROUP BY `test_db`.`orders`.`status`;
