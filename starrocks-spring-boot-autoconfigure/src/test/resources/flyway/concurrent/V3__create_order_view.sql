CREATE VIEW order_customers AS SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.name;
