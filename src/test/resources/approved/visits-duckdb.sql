-- stage site cells
create table "site_cell" (
  "site_code" varchar not null,
  "cell_key" varchar not null
);

-- stage site cells
insert into "site_cell" ("site_code", "cell_key")
values (
  'S1', 
  'c1'
), (
  'S1', 
  'c2'
);

-- stage hour slots
create table "hour_slot" (
  "local_day" date not null,
  "hour_of_day" int not null,
  "start_ms" bigint not null,
  "end_ms" bigint not null
);

-- stage hour slots
insert into "hour_slot" ("local_day", "hour_of_day", "start_ms", "end_ms")
values (
  date '2026-10-25', 
  0, 
  1792879200000, 
  1792882800000
), (
  date '2026-10-25', 
  1, 
  1792882800000, 
  1792886400000
), (
  date '2026-10-25', 
  2, 
  1792886400000, 
  1792893600000
);

-- stage day slots
create table "day_slot" (
  "local_day" date not null,
  "start_ms" bigint not null,
  "end_ms" bigint not null
);

-- stage day slots
insert into "day_slot" ("local_day", "start_ms", "end_ms")
values (
  date '2026-10-25', 
  1792879200000, 
  1792969200000
);

-- stays
create table "visit_stay"
as
select
  "numbered"."device_key" "device_key",
  "numbered"."site_code" "site_code",
  min("numbered"."at_ms") "first_ms",
  max("numbered"."at_ms") "last_ms"
from (
  select
    "flagged"."device_key",
    "flagged"."site_code",
    "flagged"."at_ms",
    sum("flagged"."starts_stay") over (
      partition by "flagged"."device_key", "flagged"."site_code"
      order by "flagged"."event_no"
      rows unbounded preceding
    ) "stay_no"
  from (
    select
      "at_site"."device_key",
      "at_site"."site_code",
      "at_site"."at_ms",
      "at_site"."event_no",
      case
        when (
          lag("at_site"."event_no") over (
            partition by "at_site"."device_key", "at_site"."site_code"
            order by "at_site"."event_no"
          ) = ("at_site"."event_no" - 1)
          and ("at_site"."at_ms" - lag("at_site"."at_ms") over (
            partition by "at_site"."device_key", "at_site"."site_code"
            order by "at_site"."event_no"
          )) <= 3600000
        ) then 0
        else 1
      end "starts_stay"
    from (
      select distinct
        "ranked"."device_key",
        "site_cell"."site_code" "site_code",
        "ranked"."at_ms",
        "ranked"."event_no"
      from (
        select
          "device_key",
          "cell_key",
          epoch_ms("event_at") "at_ms",
          dense_rank() over (
            partition by "device_key"
            order by "event_at"
          ) "event_no"
        from "classified_event"
        where "status" is null
      ) "ranked"
        join "site_cell"
          on "site_cell"."cell_key" = "ranked"."cell_key"
    ) "at_site"
  ) "flagged"
) "numbered"
group by "numbered"."device_key", "numbered"."site_code", "numbered"."stay_no"
having (max("numbered"."at_ms") - min("numbered"."at_ms")) >= 600000;

-- hourly visitors
select
  "site_code",
  "local_day",
  "hour_of_day",
  cast(
    count(distinct "device_key")
    as bigint
  ) "visitors"
from "visit_stay"
  join "hour_slot"
    on (
      "start_ms" <= "last_ms"
      and "end_ms" > "first_ms"
      and "start_ms" > ("first_ms" - 7200000)
    )
group by "site_code", "local_day", "hour_of_day";

-- daily visitors
select
  "site_code",
  "local_day",
  cast(
    count(distinct "device_key")
    as bigint
  ) "visitors"
from "visit_stay"
  join "day_slot"
    on (
      "start_ms" <= "last_ms"
      and "end_ms" > "first_ms"
      and "start_ms" > ("first_ms" - 90000000)
    )
group by "site_code", "local_day";

-- visits by dwell
select
  "site_code",
  "local_day",
  case
    when ("last_ms" - "first_ms") < 1200000 then 10
    when ("last_ms" - "first_ms") < 1800000 then 20
    when ("last_ms" - "first_ms") < 3600000 then 30
    when ("last_ms" - "first_ms") < 7200000 then 60
    when ("last_ms" - "first_ms") < 14400000 then 120
    else 240
  end "dwell_from_minutes",
  cast(
    count(*)
    as bigint
  ) "visits",
  cast(
    count(distinct "device_key")
    as bigint
  ) "visitors"
from "visit_stay"
  join "day_slot"
    on (
      "start_ms" <= "first_ms"
      and "end_ms" > "first_ms"
    )
group by
  "site_code",
  "local_day",
  case
    when ("last_ms" - "first_ms") < 1200000 then 10
    when ("last_ms" - "first_ms") < 1800000 then 20
    when ("last_ms" - "first_ms") < 3600000 then 30
    when ("last_ms" - "first_ms") < 7200000 then 60
    when ("last_ms" - "first_ms") < 14400000 then 120
    else 240
  end;

-- first-time and returning visitors
select
  "stay"."site_code",
  "local_day",
  cast(
    count(distinct 
      case
        when "stay"."first_stay_ms" >= "start_ms" then "stay"."device_key"
      end
    )
    as bigint
  ) "first_time_visitors",
  cast(
    count(distinct 
      case
        when "stay"."first_stay_ms" < "start_ms" then "stay"."device_key"
      end
    )
    as bigint
  ) "returning_visitors"
from (
  select
    "device_key",
    "site_code",
    "first_ms",
    "last_ms",
    min("first_ms") over (partition by "device_key", "site_code") "first_stay_ms"
  from "visit_stay"
) "stay"
  join "day_slot"
    on (
      "start_ms" <= "stay"."last_ms"
      and "end_ms" > "stay"."first_ms"
      and "start_ms" > ("stay"."first_ms" - 90000000)
    )
group by "stay"."site_code", "local_day";

-- catchment
select
  "visit_stay"."site_code",
  "device_home_work"."home_area",
  cast(
    count(distinct "visit_stay"."device_key")
    as bigint
  ) "visitors"
from "visit_stay"
  join "device_home_work"
    on "device_home_work"."device_key" = "visit_stay"."device_key"
where "device_home_work"."home_area" is not null
group by "visit_stay"."site_code", "device_home_work"."home_area";

