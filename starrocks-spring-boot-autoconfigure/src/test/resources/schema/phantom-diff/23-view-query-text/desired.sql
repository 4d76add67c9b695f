-- A view in free-form SQL: lower-case keywords, line breaks, no backquotes, trailing semicolon.
create view daily_pv as
select site_id,
       event_day,
       sum(pv) as pv
  from events
 where event_day >= '2024-01-01'
 group by site_id, event_day;
