CREATE VIEW `labelled` (`id`, `label` COMMENT "semicolons; and 'quotes'")
COMMENT "" SECURITY INVOKER AS SELECT `test_db`.`t`.`id`, concat('a;b', "--c", '/*d*/') AS `label`
FROM `test_db`.`t`;
