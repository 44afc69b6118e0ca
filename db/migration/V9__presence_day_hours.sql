-- The map's question, "every area of a layer over a window of days, some hours of day", read
-- presence_hourly row by row: a 7-day window over 2,000 areas is 336,000 rows, far from the 50 ms
-- the map needs (docs/benchmarks.md). This table holds the same published figures as one row per
-- area and day with the 24 hourly counts side by side, so that window is 14,000 rows whatever the
-- hours. It is a projection of presence_hourly, written in the same publishing transaction
-- (PresenceDayHours); a null hour has no published row (fewer than k, or nobody). Decision 017.
create table presence_day_hours (
    release_id   bigint      not null references data_release (id) on delete cascade,
    layer_code   varchar(40) not null references area_layer (code),
    local_day    date        not null,
    area_id      bigint      not null references area (id),
    h00         integer,
    h01         integer,
    h02         integer,
    h03         integer,
    h04         integer,
    h05         integer,
    h06         integer,
    h07         integer,
    h08         integer,
    h09         integer,
    h10         integer,
    h11         integer,
    h12         integer,
    h13         integer,
    h14         integer,
    h15         integer,
    h16         integer,
    h17         integer,
    h18         integer,
    h19         integer,
    h20         integer,
    h21         integer,
    h22         integer,
    h23         integer,
    primary key (release_id, layer_code, local_day, area_id),
    constraint presence_day_hours_devices_ck check (coalesce(h00, 1) > 0 and coalesce(h01, 1) > 0 and coalesce(h02, 1) > 0 and coalesce(h03, 1) > 0 and coalesce(h04, 1) > 0 and coalesce(h05, 1) > 0 and coalesce(h06, 1) > 0 and coalesce(h07, 1) > 0 and coalesce(h08, 1) > 0 and coalesce(h09, 1) > 0 and coalesce(h10, 1) > 0 and coalesce(h11, 1) > 0 and coalesce(h12, 1) > 0 and coalesce(h13, 1) > 0 and coalesce(h14, 1) > 0 and coalesce(h15, 1) > 0 and coalesce(h16, 1) > 0 and coalesce(h17, 1) > 0 and coalesce(h18, 1) > 0 and coalesce(h19, 1) > 0 and coalesce(h20, 1) > 0 and coalesce(h21, 1) > 0 and coalesce(h22, 1) > 0 and coalesce(h23, 1) > 0)
);
create index presence_day_hours_area_ix on presence_day_hours (release_id, area_id, local_day);

-- Releases published before this table existed.
insert into presence_day_hours
select release_id, layer_code, local_day, area_id,
       max(case when hour_of_day = 0 then devices end),
       max(case when hour_of_day = 1 then devices end),
       max(case when hour_of_day = 2 then devices end),
       max(case when hour_of_day = 3 then devices end),
       max(case when hour_of_day = 4 then devices end),
       max(case when hour_of_day = 5 then devices end),
       max(case when hour_of_day = 6 then devices end),
       max(case when hour_of_day = 7 then devices end),
       max(case when hour_of_day = 8 then devices end),
       max(case when hour_of_day = 9 then devices end),
       max(case when hour_of_day = 10 then devices end),
       max(case when hour_of_day = 11 then devices end),
       max(case when hour_of_day = 12 then devices end),
       max(case when hour_of_day = 13 then devices end),
       max(case when hour_of_day = 14 then devices end),
       max(case when hour_of_day = 15 then devices end),
       max(case when hour_of_day = 16 then devices end),
       max(case when hour_of_day = 17 then devices end),
       max(case when hour_of_day = 18 then devices end),
       max(case when hour_of_day = 19 then devices end),
       max(case when hour_of_day = 20 then devices end),
       max(case when hour_of_day = 21 then devices end),
       max(case when hour_of_day = 22 then devices end),
       max(case when hour_of_day = 23 then devices end)
from presence_hourly
group by release_id, layer_code, local_day, area_id;

-- The map no longer reads presence_hourly (only the projection above does, by release): its two
-- secondary indexes would only slow publishing down.
drop index if exists presence_hourly_hour_ix;
drop index if exists presence_hourly_area_ix;
