-- Desired schema for the loader tests: two tables in one file.
CREATE TABLE events (id BIGINT NOT NULL, name VARCHAR(20)) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 4;

CREATE TABLE users (id BIGINT NOT NULL, email STRING) PRIMARY KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 4;
