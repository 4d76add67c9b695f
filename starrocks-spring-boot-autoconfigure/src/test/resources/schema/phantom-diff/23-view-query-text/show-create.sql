CREATE VIEW `daily_pv` (`site_id`, `event_day`, `pv`)
COMMENT "" SECURITY NONE AS SELECT `site_id`, `event_day`, sum(`pv`) AS `pv` FROM `events` WHERE `event_day` >= '2024-01-01' GROUP BY `site_id`, `event_day`;
