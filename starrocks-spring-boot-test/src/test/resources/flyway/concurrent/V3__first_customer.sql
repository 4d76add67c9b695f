INSERT INTO customers VALUES (1, 'first');
