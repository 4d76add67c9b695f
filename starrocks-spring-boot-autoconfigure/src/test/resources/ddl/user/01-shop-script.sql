-- Desired schema of the shop database.
# Written by hand, lower case, no backquotes.

create table if not exists customers (
    id bigint not null comment 'customer id',
    email varchar(255) not null,
    name string,               -- display name
    tier tinyint default '0',
    created_at datetime default current_timestamp
)
primary key (id)
comment 'all customers'
distributed by hash(id) buckets 8
order by (email)
properties ("replication_num" = "1", "enable_persistent_index" = "true");

/* Orders: one row per order,
   partitioned by day. */
create table orders (
    order_day date not null,
    order_id bigint not null,
    customer_id bigint not null,
    amount decimal(12, 2) default "0.00",
    note varchar(200) null default null comment "free text; may contain 'quotes'"
)
duplicate key (order_day, order_id)
partition by date_trunc('day', order_day)
distributed by hash(order_id)
properties (
    "replication_num" = "1",
    "partition_live_number" = "90"
);

create view customer_orders (customer_id, orders comment 'number of orders')
as
select customer_id, count(*) as orders
from orders
group by customer_id;
