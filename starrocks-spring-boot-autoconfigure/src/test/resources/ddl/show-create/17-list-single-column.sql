CREATE TABLE `stores` (
  `city` varchar(32) NOT NULL COMMENT "",
  `store_id` int(11) NOT NULL COMMENT "",
  `revenue` decimal(12, 2) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`city`, `store_id`)
PARTITION BY LIST(`city`)(
  PARTITION pChina VALUES IN ('Beijing', 'Shanghai', 'Shenzhen'),
  PARTITION pUSA VALUES IN ('Los Angeles', 'San Francisco'),
  PARTITION pQuote VALUES IN ('Xi''an')
)
DISTRIBUTED BY HASH(`store_id`) BUCKETS 4 
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
