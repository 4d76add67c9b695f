-- No key clause: the server picks the leading columns as DUPLICATE KEY (up to a VARCHAR column, included).
create table logs (
  ts datetime,
  level varchar(10),
  message string
)
distributed by hash(ts) buckets 4
properties ("replication_num" = "1");
