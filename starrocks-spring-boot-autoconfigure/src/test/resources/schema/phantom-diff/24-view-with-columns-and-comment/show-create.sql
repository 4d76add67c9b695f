CREATE VIEW `vip_customers` (`id` COMMENT "customer id", `name`)
COMMENT "customers flagged VIP" SECURITY INVOKER AS SELECT `customer_id`, `name` FROM `customers` WHERE `vip` = TRUE;
