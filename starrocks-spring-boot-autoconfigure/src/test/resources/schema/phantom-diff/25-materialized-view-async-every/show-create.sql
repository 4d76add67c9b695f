CREATE MATERIALIZED VIEW `mv_site_pv` (`site_id`, `total_pv`)
DISTRIBUTED BY HASH(`site_id`) BUCKETS 4 
REFRESH ASYNC START("2024-11-21 10:15:30") EVERY(INTERVAL 1 DAY)
PROPERTIES (
"replicated_storage" = "true",
"replication_num" = "1",
"storage_medium" = "HDD"
)
AS SELECT `site_id`, sum(`pv`) AS `total_pv` FROM `events` GROUP BY `site_id`;
