-- Older servers print decimal64(p, s) where the user wrote DECIMAL(p,s).
CREATE TABLE invoices (
    invoice_id BIGINT NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    tax DECIMAL(7,2),
    total DECIMAL(27,9)
)
DUPLICATE KEY(invoice_id)
DISTRIBUTED BY HASH(invoice_id) BUCKETS 2
PROPERTIES ("replication_num" = "1");
