CREATE TABLE events (
    id BIGINT NOT NULL,
    name VARCHAR(20) COMMENT "who; or what"
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 2
PROPERTIES ("replication_num" = "1");  # one replica on a test cluster

INSERT INTO events VALUES (1, 'first');
