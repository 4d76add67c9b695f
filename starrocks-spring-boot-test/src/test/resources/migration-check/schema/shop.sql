-- What migration-check/migration produces, written as one CREATE per table and spelled differently
-- (backquotes, lower case, the note column in place): the check finds no difference.
create table `orders` (
    `id` bigint not null,
    `status` varchar(16) null,
    `note` string comment "free text"
)
primary key (`id`)
distributed by hash(`id`) buckets 2
properties ("replication_num" = "1");

CREATE TABLE customers (
    id BIGINT NOT NULL,
    name VARCHAR(40)
) PRIMARY KEY (id)
DISTRIBUTED BY HASH(id) BUCKETS 1
PROPERTIES ("replication_num" = "1");
