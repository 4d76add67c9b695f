CREATE VIEW `customer_names` (`customer_id`, `customer_name`)
COMMENT "" SECURITY NONE AS SELECT `shop`.`customers`.`customer_id` AS `customer_id`, `shop`.`customers`.`name` AS `customer_name` FROM `shop`.`customers` WHERE `shop`.`customers`.`country` = 'DE';
