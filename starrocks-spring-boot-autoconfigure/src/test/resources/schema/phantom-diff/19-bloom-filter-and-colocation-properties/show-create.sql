CREATE TABLE `shipments` (
  `shipment_id` bigint(20) NOT NULL COMMENT "",
  `carrier` varchar(32) NULL COMMENT "",
  `tracking_no` varchar(64) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`shipment_id`)
DISTRIBUTED BY HASH(`shipment_id`) BUCKETS 4 
PROPERTIES (
"bloom_filter_columns" = "carrier, tracking_no",
"colocate_with" = "logistics",
"compression" = "ZSTD",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1",
"storage_medium" = "SSD"
);
