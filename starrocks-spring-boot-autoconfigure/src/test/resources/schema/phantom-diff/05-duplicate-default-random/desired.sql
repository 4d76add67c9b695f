-- No key and no DISTRIBUTED BY: a DUPLICATE KEY table distributed at random with automatic buckets.
CREATE TABLE clicks (
    click_id BIGINT,
    url VARCHAR(1024),
    clicked_at DATETIME
)
PROPERTIES ("replication_num" = "1");
