create table by_city (
  city varchar(20) not null,
  id bigint not null
)
duplicate key (city)
partition by list (city) (
  partition p_cn values in ("Beijing", "Shanghai"),
  partition p_us values in ('Los Angeles')
)
distributed by hash(id) buckets 2;

create table by_day_and_city (
  dt date not null,
  city varchar(20) not null,
  id bigint not null
)
duplicate key (dt, city)
partition by list (dt, city) (
  partition p1 values in (("2024-01-01", "Beijing"), ("2024-01-01", "Shanghai")),
  partition p2 values in (("2024-01-02", "Beijing"))
)
distributed by hash(id) buckets 2;

create table auto_columns (dt date not null, city varchar(20) not null, id bigint not null)
duplicate key (dt, city)
partition by dt, city
distributed by hash(id);

create table auto_columns_parenthesised (dt date not null, city varchar(20) not null, id bigint not null)
duplicate key (dt, city)
partition by (dt, city)
distributed by hash(id);

create table hourly (ts datetime not null, v int)
duplicate key (ts)
partition by time_slice(ts,   interval 1 hour)
distributed by random buckets 4;

create table mixed (ts datetime not null, city varchar(20) not null, v int)
duplicate key (ts, city)
partition by date_trunc('month',ts), city
distributed by random;
