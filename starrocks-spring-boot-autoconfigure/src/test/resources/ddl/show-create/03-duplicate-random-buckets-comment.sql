CREATE TABLE `access_log` (
  `ts` datetime NOT NULL COMMENT "request time",
  `path` varchar(1024) NULL COMMENT "",
  `status` smallint(6) NULL COMMENT "HTTP status"
) ENGINE=OLAP 
DUPLICATE KEY(`ts`)
COMMENT "raw access log"
DISTRIBUTED BY RANDOM BUCKETS 16
PROPERTIES (
"replication_num" = "3",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"compression" = "LZ4"
);
