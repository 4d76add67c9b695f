CREATE VIEW v_events AS SELECT id, name FROM events;
