CREATE MATERIALIZED VIEW `customer_counts` (`region`, `customers`)
DISTRIBUTED BY RANDOM
REFRESH DEFERRED MANUAL
PROPERTIES (
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS SELECT `test_db`.`customers`.`region`, count(*) AS `customers`
FROM `test_db`.`customers`
GROUP BY `test_db`.`customers`.`region`;
