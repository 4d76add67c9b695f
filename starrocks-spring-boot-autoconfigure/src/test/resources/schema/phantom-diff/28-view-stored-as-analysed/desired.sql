-- A view the server stores as the query it analysed: every name qualified, plain columns aliased to themselves.
CREATE VIEW customer_names AS
SELECT customer_id, name AS customer_name FROM customers WHERE country = 'DE';
