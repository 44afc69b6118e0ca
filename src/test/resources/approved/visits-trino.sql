-- stage site cells
create table "site_cell" (
  "site_code" varchar,
  "cell_key" varchar
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
  "local_day" date,
  "hour_of_day" int,
  "start_ms" bigint,
  "end_ms" bigint
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
  "local_day" date,
  "start_ms" bigint,
  "end_ms" bigint
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
          date_diff('millisecond', from_unixtime(0), "event_at") "at_ms",
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

-- stay days
create table "visit_stay_day"
as
select
  "device_key",
  "site_code",
  "first_ms",
  "last_ms",
  "local_day" "start_day"
from "visit_stay"
  join "day_slot"
    on (
      "start_ms" <= "first_ms"
      and "end_ms" > "first_ms"
    );

-- hourly visitors
select
  "r"."site_code",
  "r"."local_day",
  "r"."hour_of_day",
  cast(
    count(distinct "r"."device_key")
    as bigint
  ) "visitors"
from (
  select
    "h"."device_key",
    "h"."site_code",
    "h"."local_day",
    "h"."hour_of_day",
    row_number() over (
      partition by "h"."device_key", "h"."start_day"
      order by "h"."start_ms", "h"."site_code"
    ) "contribution"
  from (
    select distinct
      "s"."device_key",
      "s"."start_day",
      "s"."site_code",
      "local_day",
      "hour_of_day",
      "start_ms"
    from "visit_stay_day" "s"
      join "hour_slot"
        on (
          "start_ms" <= "s"."last_ms"
          and "end_ms" > "s"."first_ms"
          and "start_ms" > ("s"."first_ms" - 7200000)
        )
  ) "h"
) "r"
where "r"."contribution" <= 8
group by "r"."site_code", "r"."local_day", "r"."hour_of_day";

-- daily visitors
select
  "kept"."site_code",
  "kept"."start_day",
  cast(
    count(*)
    as bigint
  ) "visitors"
from (
  select "ranked_site_days"."device_key", "ranked_site_days"."site_code", "ranked_site_days"."start_day", "ranked_site_days"."longest_ms"
  from (
    select
      "sd".*,
      row_number() over (
        partition by "sd"."device_key", "sd"."start_day"
        order by "sd"."first_ms", "sd"."site_code"
      ) "contribution"
    from (
      select
        "device_key",
        "site_code",
        "start_day",
        min("first_ms") "first_ms",
        max(("last_ms" - "first_ms")) "longest_ms"
      from "visit_stay_day"
      group by "device_key", "site_code", "start_day"
    ) "sd"
  ) "ranked_site_days"
  where "ranked_site_days"."contribution" <= 2
) "kept"
group by "kept"."site_code", "kept"."start_day";

-- visits by dwell
select
  "kept"."site_code",
  "kept"."start_day",
  case
    when "kept"."longest_ms" < 1200000 then 10
    when "kept"."longest_ms" < 1800000 then 20
    when "kept"."longest_ms" < 3600000 then 30
    when "kept"."longest_ms" < 7200000 then 60
    when "kept"."longest_ms" < 14400000 then 120
    else 240
  end "dwell_from_minutes",
  cast(
    count(*)
    as bigint
  ) "visitors"
from (
  select "ranked_site_days"."device_key", "ranked_site_days"."site_code", "ranked_site_days"."start_day", "ranked_site_days"."longest_ms"
  from (
    select
      "sd".*,
      row_number() over (
        partition by "sd"."device_key", "sd"."start_day"
        order by "sd"."first_ms", "sd"."site_code"
      ) "contribution"
    from (
      select
        "device_key",
        "site_code",
        "start_day",
        min("first_ms") "first_ms",
        max(("last_ms" - "first_ms")) "longest_ms"
      from "visit_stay_day"
      group by "device_key", "site_code", "start_day"
    ) "sd"
  ) "ranked_site_days"
  where "ranked_site_days"."contribution" <= 2
) "kept"
group by
  "kept"."site_code",
  "kept"."start_day",
  case
    when "kept"."longest_ms" < 1200000 then 10
    when "kept"."longest_ms" < 1800000 then 20
    when "kept"."longest_ms" < 3600000 then 30
    when "kept"."longest_ms" < 7200000 then 60
    when "kept"."longest_ms" < 14400000 then 120
    else 240
  end;

-- first-time and returning visitors
select
  "r"."site_code",
  "r"."start_day",
  cast(
    count(
      case
        when "r"."start_day" = "r"."first_day" then 1
      end
    )
    as bigint
  ) "first_time_visitors",
  cast(
    count(
      case
        when "r"."start_day" > "r"."first_day" then 1
      end
    )
    as bigint
  ) "returning_visitors"
from (
  select
    "kept"."site_code",
    "kept"."start_day",
    min("kept"."start_day") over (partition by "kept"."device_key", "kept"."site_code") "first_day",
    row_number() over (
      partition by "kept"."device_key"
      order by "kept"."start_day", "kept"."site_code"
    ) "contribution"
  from (
    select "ranked_site_days"."device_key", "ranked_site_days"."site_code", "ranked_site_days"."start_day", "ranked_site_days"."longest_ms"
    from (
      select
        "sd".*,
        row_number() over (
          partition by "sd"."device_key", "sd"."start_day"
          order by "sd"."first_ms", "sd"."site_code"
        ) "contribution"
      from (
        select
          "device_key",
          "site_code",
          "start_day",
          min("first_ms") "first_ms",
          max(("last_ms" - "first_ms")) "longest_ms"
        from "visit_stay_day"
        group by "device_key", "site_code", "start_day"
      ) "sd"
    ) "ranked_site_days"
    where "ranked_site_days"."contribution" <= 2
  ) "kept"
) "r"
where "r"."contribution" <= 10
group by "r"."site_code", "r"."start_day";

-- catchment
select
  "r"."site_code",
  "device_home_work"."home_area",
  cast(
    count(*)
    as bigint
  ) "visitors"
from (
  select
    "f"."device_key",
    "f"."site_code",
    row_number() over (
      partition by "f"."device_key"
      order by "f"."first_ms", "f"."site_code"
    ) "contribution"
  from (
    select
      "device_key",
      "site_code",
      min("first_ms") "first_ms"
    from "visit_stay"
    group by "device_key", "site_code"
  ) "f"
) "r"
  join "device_home_work"
    on "device_home_work"."device_key" = "r"."device_key"
where (
  "device_home_work"."home_area" is not null
  and "r"."contribution" <= 3
)
group by "r"."site_code", "device_home_work"."home_area";

