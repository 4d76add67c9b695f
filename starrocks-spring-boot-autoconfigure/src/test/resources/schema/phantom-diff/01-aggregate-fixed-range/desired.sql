-- The example table of STARROCKS.md section 3, written the way a user writes it.
CREATE TABLE events (
    site_id INT NOT NULL,
    event_day DATE NOT NULL,
    user_id BIGINT NOT NULL,
    pv BIGINT SUM DEFAULT '0' COMMENT 'page views',
    uv BITMAP BITMAP_UNION NOT NULL
)
AGGREGATE KEY (site_id, event_day, user_id)
COMMENT 'daily counters'
PARTITION BY RANGE (event_day) (
    PARTITION p202401 VALUES [('2024-01-01'), ('2024-02-01')),
    PARTITION p202402 VALUES [('2024-02-01'), ('2024-03-01'))
)
DISTRIBUTED BY HASH (site_id) BUCKETS 4
PROPERTIES ('replication_num' = '1');
