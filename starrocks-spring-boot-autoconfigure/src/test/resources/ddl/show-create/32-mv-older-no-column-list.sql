CREATE MATERIALIZED VIEW `mv_monthly`
COMMENT "monthly rollup"
PARTITION BY (date_trunc('month', dt))
DISTRIBUTED BY HASH(`k`) BUCKETS 4 
REFRESH DEFERRED ASYNC
PROPERTIES (
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS SELECT date_trunc('month', `test_db`.`monthly`.`dt`) AS `dt`, `test_db`.`monthly`.`k`, sum(`test_db`.`monthly`.`v`) AS `v`
FROM `test_db`.`monthly`
GROUP BY date_trunc('month', `test_db`.`monthly`.`dt`), `test_db`.`monthly`.`k`;
