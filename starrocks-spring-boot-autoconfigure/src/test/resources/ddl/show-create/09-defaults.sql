CREATE TABLE `defaults` (
  `id` bigint(20) NOT NULL COMMENT "",
  `uid` varchar(36) NOT NULL DEFAULT (uuid()) COMMENT "",
  `uid_num` largeint(40) NOT NULL DEFAULT (uuid_numeric()) COMMENT "",
  `qty` int(11) NULL DEFAULT "0" COMMENT "",
  `ratio` double NULL DEFAULT "1.5" COMMENT "",
  `label` varchar(32) NULL DEFAULT "" COMMENT "",
  `flag` boolean NULL DEFAULT "true" COMMENT "",
  `day` date NULL DEFAULT "2024-01-01" COMMENT "",
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT "",
  `note` varchar(65533) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`id`)
DISTRIBUTED BY HASH(`id`) BUCKETS 1 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
