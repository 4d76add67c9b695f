CREATE TABLE `Orders_Archive` (
  `Order_ID` bigint(20) NOT NULL COMMENT "",
  `Customer_Name` varchar(64) NULL COMMENT "",
  `Total` decimal(12, 2) NULL COMMENT ""
) ENGINE=OLAP 
DUPLICATE KEY(`Order_ID`)
DISTRIBUTED BY HASH(`Order_ID`) BUCKETS 2 
PROPERTIES (
"compression" = "LZ4",
"fast_schema_evolution" = "true",
"replicated_storage" = "true",
"replication_num" = "1"
);
