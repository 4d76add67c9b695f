CREATE TABLE `articles` (
  `article_id` bigint(20) NOT NULL COMMENT "",
  `category` varchar(32) NULL COMMENT "",
  `title` varchar(256) NULL COMMENT "",
  INDEX idx_category (`category`) USING BITMAP COMMENT 'category filter',
  INDEX idx_title_ngram (`title`) USING NGRAMBF("bloom_filter_fpp" = "0.05", "gram_num" = "4") COMMENT ''
) ENGINE=OLAP 
DUPLICATE KEY(`article_id`)
DISTRIBUTED BY HASH(`article_id`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
