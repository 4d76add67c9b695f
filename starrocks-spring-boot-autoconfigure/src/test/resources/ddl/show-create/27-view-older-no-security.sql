CREATE VIEW `order_totals` (`customer_id`, `total`) AS SELECT `test_db`.`orders`.`customer_id` AS `customer_id`, sum(`test_db`.`orders`.`amount`) AS `total`
FROM `test_db`.`orders`
GROUP BY `test_db`.`orders`.`customer_id`;
