-- List-valued and enum-valued properties in the user's spelling (no spaces, lower case).
CREATE TABLE shipments (
    shipment_id BIGINT NOT NULL,
    carrier VARCHAR(32),
    tracking_no VARCHAR(64)
)
DUPLICATE KEY(shipment_id)
DISTRIBUTED BY HASH(shipment_id) BUCKETS 4
PROPERTIES (
    "replication_num" = "1",
    "bloom_filter_columns" = "carrier,tracking_no",
    "colocate_with" = "logistics",
    "compression" = "zstd",
    "storage_medium" = "ssd"
);
