-- No DISTRIBUTED BY: a PRIMARY KEY table is hashed on its key with an automatic bucket count.
CREATE TABLE accounts (
    account_id BIGINT NOT NULL,
    balance DECIMAL(18, 2) NOT NULL DEFAULT "0"
)
PRIMARY KEY (account_id)
PROPERTIES ("replication_num" = "1");
