-- Key columns of a PRIMARY KEY table are NOT NULL without saying so.
CREATE TABLE IF NOT EXISTS users (
    id BIGINT,
    name VARCHAR(64),
    email STRING NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)
PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 8
PROPERTIES (
    "replication_num" = "1",
    "enable_persistent_index" = "true"
);
