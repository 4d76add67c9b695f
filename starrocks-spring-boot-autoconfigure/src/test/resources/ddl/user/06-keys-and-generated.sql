create table t_auto (
  id bigint not null auto_increment,
  name varchar(20) not null,
  name_upper varchar(20) as upper(name),
  name_len int as (length( name )) comment 'length'
) primary key (id) distributed by hash(id);

create table t_default_key (a int, b int, c int) distributed by random;
