-- An async MV refreshed every day: the server adds the start time, the column list, buckets and storage_medium.
CREATE MATERIALIZED VIEW mv_site_pv
DISTRIBUTED BY HASH(site_id)
REFRESH ASYNC EVERY (INTERVAL 1 DAY)
PROPERTIES ("replication_num" = "1")
AS
SELECT site_id, sum(pv) AS total_pv
FROM events
GROUP BY site_id;
