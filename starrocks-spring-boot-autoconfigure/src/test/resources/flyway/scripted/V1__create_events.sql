-- A table as users write them; "#" comments and double-quoted strings are StarRocks syntax.
CREATE TABLE events (
    id BIGINT NOT NULL,
    name VARCHAR(20) COMMENT "who; or what"
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id)
PROPERTIES ("replication_num" = "1");  # one replica on a test cluster
