CREATE TABLE `all_types` (
  `k` int(11) NOT NULL COMMENT "",
  `b` boolean NULL COMMENT "",
  `t` tinyint(4) NULL COMMENT "",
  `s` smallint(6) NULL COMMENT "",
  `i` int(11) NULL COMMENT "",
  `big` bigint(20) NULL COMMENT "",
  `huge` largeint(40) NULL COMMENT "",
  `f` float NULL COMMENT "",
  `d` double NULL COMMENT "",
  `money` decimal(10, 2) NULL COMMENT "",
  `ratio` decimal(12, 4) NULL COMMENT "",
  `wide` decimal(38, 10) NULL COMMENT "",
  `code` char(10) NULL COMMENT "",
  `label` varchar(100) NULL COMMENT "",
  `body` varchar(65533) NULL COMMENT "",
  `doc` json NULL COMMENT "",
  `day` date NULL COMMENT "",
  `at` datetime NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`k`)
DISTRIBUTED BY HASH(`k`) BUCKETS 1 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
