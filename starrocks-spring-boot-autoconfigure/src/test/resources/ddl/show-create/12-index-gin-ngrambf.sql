CREATE TABLE `documents` (
  `doc_id` bigint(20) NOT NULL COMMENT "",
  `title` varchar(256) NULL COMMENT "",
  `body` varchar(65533) NULL COMMENT "",
  INDEX idx_body (`body`) USING GIN("imp_lib" = "clucene", "parser" = "english") COMMENT 'full text',
  INDEX idx_title (`title`) USING NGRAMBF("bloom_filter_fpp" = "0.05", "gram_num" = "4")
) ENGINE=OLAP 
DUPLICATE KEY(`doc_id`)
DISTRIBUTED BY HASH(`doc_id`) BUCKETS 4 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "false",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
