-- A sort key different from the key columns (all models from 3.3).
CREATE TABLE page_views (
    view_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    viewed_at DATETIME NOT NULL,
    path VARCHAR(512)
)
PRIMARY KEY (view_id)
DISTRIBUTED BY HASH (view_id) BUCKETS 4
ORDER BY (user_id, viewed_at)
PROPERTIES ("replication_num" = "1");
