CREATE TABLE `shipments` (
  `region` varchar(16) NOT NULL COMMENT "",
  `shipment_id` bigint(20) NOT NULL COMMENT "",
  `weight_g` int(11) NULL COMMENT "",
  `status` varchar(16) NOT NULL DEFAULT "PENDING" COMMENT "",
  `weight_kg` double NULL AS `weight_g` / 1000 COMMENT "derived"
) ENGINE=OLAP 
PRIMARY KEY(`region`, `shipment_id`)
COMMENT "shipments per region"
PARTITION BY LIST(`region`)(
  PARTITION p_eu VALUES IN ('DE', 'FR', 'NL'),
  PARTITION p_us VALUES IN ('US')
)
DISTRIBUTED BY HASH(`shipment_id`) BUCKETS 6 
ORDER BY(`status`, `shipment_id`)
PROPERTIES (
"replication_num" = "1",
"in_memory" = "false",
"enable_persistent_index" = "true",
"persistent_index_type" = "LOCAL",
"replicated_storage" = "true",
"fast_schema_evolution" = "true",
"compression" = "LZ4"
);
