CREATE TABLE `t_recharge_detail` (
  `id` bigint(20) NULL COMMENT "",
  `user_id` bigint(20) NULL COMMENT "",
  `recharge_money` decimal(32, 2) NULL COMMENT "",
  `city` varchar(20) NOT NULL COMMENT "",
  `dt` varchar(20) NOT NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`id`)
PARTITION BY (`dt`,`city`)
DISTRIBUTED BY HASH(`id`) BUCKETS 4 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
