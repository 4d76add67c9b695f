-- Two schema changes on one table back to back (shapes of corpus ddl/alters/0024.sql and 0025.sql): the second
-- only runs once the first job has finished.
ALTER TABLE events ADD COLUMN age INT;
ALTER TABLE events MODIFY COLUMN name STRING;
