CREATE TABLE `all_types` (
  `c_tinyint` tinyint(4) NOT NULL COMMENT "",
  `c_smallint` smallint(6) NOT NULL COMMENT "",
  `c_int` int(11) NOT NULL COMMENT "",
  `c_bigint` bigint(20) NULL COMMENT "",
  `c_largeint` largeint(40) NULL COMMENT "",
  `c_bool` boolean NULL COMMENT "",
  `c_float` float NULL COMMENT "",
  `c_double` double NULL COMMENT "",
  `c_decimal` decimal(10, 2) NULL COMMENT "",
  `c_decimal_wide` decimal(38, 9) NULL COMMENT "",
  `c_date` date NULL COMMENT "",
  `c_datetime` datetime NULL COMMENT "",
  `c_char` char(10) NULL COMMENT "",
  `c_varchar` varchar(255) NULL COMMENT "",
  `c_string` varchar(65533) NULL COMMENT "",
  `c_long_text` varchar(1048576) NULL COMMENT "",
  `c_varbinary` varbinary(1024) NULL COMMENT "",
  `c_json` json NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`c_tinyint`, `c_smallint`, `c_int`)
DISTRIBUTED BY RANDOM
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
