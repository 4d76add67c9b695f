CREATE VIEW `active_customers` (`customer_id`, `name` COMMENT "display name")
COMMENT "customers seen in the last 30 days" SECURITY NONE AS SELECT `test_db`.`customers`.`customer_id`, `test_db`.`customers`.`name`
FROM `test_db`.`customers`
WHERE `test_db`.`customers`.`updated_at` >= (now() - INTERVAL 30 DAY);
