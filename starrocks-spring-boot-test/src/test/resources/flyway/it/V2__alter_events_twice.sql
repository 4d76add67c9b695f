-- Two schema changes on one table back to back: the second waits for the first job.
ALTER TABLE events ADD COLUMN age INT;
ALTER TABLE events MODIFY COLUMN name VARCHAR(40);
