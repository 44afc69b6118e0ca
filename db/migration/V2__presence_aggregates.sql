-- Presence: protected distinct-device counts per area, per local hour and per local day (issue 3).
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL; jOOQ classes are generated from this file.
-- Only rows that passed the minimum crowd (k) are ever inserted: a missing row means "fewer than k or none".

-- What a release was made from and how long each step took (shown to data operators).
alter table data_release add column drop_id varchar(200) not null default '';
alter table data_release add column rows_opted_out bigint not null default 0;
alter table data_release add column rows_suppressed bigint not null default 0;
alter table data_release add column validate_millis bigint not null default 0;
alter table data_release add column aggregate_millis bigint not null default 0;
alter table data_release add column publish_millis bigint not null default 0;

-- The map asks: all areas of one layer, in release R, for a date range and some hours of day.
-- The primary key is ordered for exactly that range scan; area_id last so one index serves it.
create table presence_hourly (
    release_id   bigint      not null references data_release (id) on delete cascade,
    layer_code   varchar(40) not null references area_layer (code),
    local_day    date        not null,
    hour_of_day  smallint    not null,
    area_id      bigint      not null references area (id),
    devices      integer     not null,
    primary key (release_id, layer_code, local_day, hour_of_day, area_id),
    constraint presence_hourly_hour_ck check (hour_of_day between 0 and 23),
    constraint presence_hourly_devices_ck check (devices > 0)
);
-- One area's time line (area detail, charts).
create index presence_hourly_area_ix on presence_hourly (release_id, area_id, local_day, hour_of_day);

create table presence_daily (
    release_id   bigint      not null references data_release (id) on delete cascade,
    layer_code   varchar(40) not null references area_layer (code),
    local_day    date        not null,
    area_id      bigint      not null references area (id),
    devices      integer     not null,
    primary key (release_id, layer_code, local_day, area_id),
    constraint presence_daily_devices_ck check (devices > 0)
);
create index presence_daily_area_ix on presence_daily (release_id, area_id, local_day);
