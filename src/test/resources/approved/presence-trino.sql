-- create classified_event
create table "classified_event" (
  "device_key" bigint,
  "cell_key" varchar,
  "event_at" timestamp with time zone,
  "local_time" timestamp,
  "status" varchar(20),
  "rejected_device_id" varchar,
  "rejected_cell_id" varchar,
  "rejected_ts" varchar,
  "source_file" varchar
);

-- classify events
insert into "classified_event" (
  "device_key",
  "cell_key",
  "event_at",
  "local_time",
  "status",
  "rejected_device_id",
  "rejected_cell_id",
  "rejected_ts",
  "source_file"
)
select
  case
    when "c"."status" is null then from_big_endian_64(xxhash64(to_utf8(? || "c"."device_id")))
    else cast(null as bigint)
  end,
  case
    when "c"."status" is null then "c"."cell_id"
    else cast(null as varchar)
  end,
  case
    when "c"."status" is null then "c"."event_at"
    else cast(null as timestamp with time zone)
  end,
  case
    when "c"."status" is null then "c"."local_time"
    else cast(null as timestamp)
  end,
  "c"."status",
  case
    when (
      "c"."status" is not null
      and "c"."status" <> 'opted_out'
    ) then "c"."device_id"
    else cast(null as varchar)
  end,
  case
    when (
      "c"."status" is not null
      and "c"."status" <> 'opted_out'
    ) then "c"."cell_id"
    else cast(null as varchar)
  end,
  case
    when (
      "c"."status" is not null
      and "c"."status" <> 'opted_out'
    ) then "c"."ts"
    else cast(null as varchar)
  end,
  case
    when (
      "c"."status" is not null
      and "c"."status" <> 'opted_out'
    ) then "c"."source_file"
    else cast(null as varchar)
  end
from (
  select
    "p"."device_id",
    "p"."cell_id",
    "p"."ts",
    "p"."event_at",
    "p"."local_time",
    "p"."source_file",
    case
      when "p"."device_id" is null then 'empty_device_id'
      when "p"."device_id" in (
        select "optout"."device_id"
        from "optout"
      ) then 'opted_out'
      when "p"."event_at" is null then 'bad_timestamp'
      when (
        "p"."cell_id" is null
        or "p"."cell_id" not in (
          select "drop_cell"."cell_key"
          from "drop_cell"
        )
      ) then 'unknown_cell'
      when cast(
        "p"."local_time"
        as date
      ) not between date '2026-10-19' and date '2026-11-01' then 'outside_period'
      else cast(null as varchar)
    end "status"
  from (
    select
      "i".*,
      cast("i"."event_at" at time zone 'Europe/Berlin' as timestamp) "local_time"
    from (
      select
        "r"."device_id",
        "r"."cell_id",
        "r"."ts",
        case
          when "r"."ts_at" is not null then "r"."ts_at"
          when (regexp_like("r"."ts_trimmed", '^-?[0-9]{1,15}$')) then (timestamp '1970-01-01 00:00:00.000 UTC' + cast("r"."ts_trimmed" as bigint) * interval '0.001' second)
          when (regexp_like("r"."ts_trimmed", '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$')) then try(from_iso8601_timestamp(replace(regexp_replace("r"."ts_trimmed", '^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2})(Z|[+-])', '$1:00$2'), ' ', 'T')))
          else cast(null as timestamp with time zone)
        end "event_at",
        "r"."source_file"
      from (
        select
          nullif(
            trim("device_id"),
            ''
          ) "device_id",
          nullif(
            trim("cell_id"),
            ''
          ) "cell_id",
          "ts" "ts",
          trim("ts") "ts_trimmed",
          "ts_at" "ts_at",
          "source_file" "source_file"
        from "raw_event"
      ) "r"
    ) "i"
  ) "p"
) "c";

-- find duplicate events
create table "duplicate_group"
as
select
  "device_key",
  "cell_key",
  "event_at",
  max("local_time") "local_time"
from "classified_event"
where (
  "status" is null
  and from_big_endian_64(xxhash64(to_utf8(concat_ws('|', cast("device_key" as varchar), "cell_key", cast("event_at" as varchar))))) in (
    select distinct "n"."h"
    from (
      select
        "e"."h",
        lag("e"."h") over (
          partition by bitwise_and("e"."h", 1023)
          order by "e"."h"
        ) "previous"
      from (
        select from_big_endian_64(xxhash64(to_utf8(concat_ws('|', cast("device_key" as varchar), "cell_key", cast("event_at" as varchar))))) "h"
        from "classified_event"
        where "status" is null
      ) "e"
    ) "n"
    where "n"."h" = "n"."previous"
  )
)
group by "device_key", "cell_key", "event_at"
having count(*) > 1;

-- count duplicated events
select count(*)
from "duplicate_group";

-- quarantine duplicates
insert into "classified_event" (
  "status",
  "rejected_device_id",
  "rejected_cell_id",
  "rejected_ts",
  "source_file"
)
select
  'duplicate',
  "d"."device_id",
  "d"."cell_id",
  "d"."ts",
  "d"."source_file"
from (
  select
    "t"."device_id",
    "t"."cell_id",
    "t"."ts",
    "t"."source_file",
    row_number() over (
      partition by
        "t"."device_key",
        "t"."cell_id",
        "t"."event_at"
      order by
        "t"."ts",
        "t"."source_file"
    ) "copy"
  from (
    select
      "r".*,
      case
        when "r"."ts_at" is not null then "r"."ts_at"
        when (regexp_like("r"."ts_trimmed", '^-?[0-9]{1,15}$')) then (timestamp '1970-01-01 00:00:00.000 UTC' + cast("r"."ts_trimmed" as bigint) * interval '0.001' second)
        when (regexp_like("r"."ts_trimmed", '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$')) then try(from_iso8601_timestamp(replace(regexp_replace("r"."ts_trimmed", '^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2})(Z|[+-])', '$1:00$2'), ' ', 'T')))
        else cast(null as timestamp with time zone)
      end "event_at"
    from (
      select
        nullif(
          trim("device_id"),
          ''
        ) "device_id",
        nullif(
          trim("cell_id"),
          ''
        ) "cell_id",
        "ts" "ts",
        trim("ts") "ts_trimmed",
        "ts_at" "ts_at",
        "source_file" "source_file",
        from_big_endian_64(xxhash64(to_utf8(? || nullif(
          trim("device_id"),
          ''
        )))) "device_key"
      from (
        select
          "device_id",
          "cell_id",
          "ts",
          "ts_at",
          "source_file"
        from "raw_event"
        where (
          "ts_at" is null
          or "ts_at" in (
            select "duplicate_group"."event_at"
            from "duplicate_group"
          )
        )
      ) "raw"
        join (
          select distinct "duplicate_group"."device_key", "duplicate_group"."cell_key"
          from "duplicate_group"
        ) "g"
          on (
            "g"."device_key" = from_big_endian_64(xxhash64(to_utf8(? || nullif(
              trim("device_id"),
              ''
            ))))
            and "g"."cell_key" = nullif(
              trim("cell_id"),
              ''
            )
          )
    ) "r"
  ) "t"
    join "duplicate_group"
      on (
        "duplicate_group"."device_key" = "t"."device_key"
        and "duplicate_group"."cell_key" = "t"."cell_id"
        and "duplicate_group"."event_at" = "t"."event_at"
      )
) "d"
where "d"."copy" > 1;

-- delete duplicated copies
delete from "classified_event"
where (
  "status" is null
  and ("device_key", "cell_key", "event_at") in (
    select "duplicate_group"."device_key", "duplicate_group"."cell_key", "duplicate_group"."event_at"
    from "duplicate_group"
  )
);

-- keep one of each duplicate
insert into "classified_event" ("device_key", "cell_key", "event_at", "local_time")
select "duplicate_group"."device_key", "duplicate_group"."cell_key", "duplicate_group"."event_at", "duplicate_group"."local_time"
from "duplicate_group";

-- status counts
select
  "status",
  cast(
    count(*)
    as bigint
  )
from "classified_event"
group by "status";

-- rejected rows
select
  "status",
  "source_file",
  "rejected_device_id",
  "rejected_cell_id",
  "rejected_ts"
from "classified_event"
where (
  "status" is not null
  and "status" <> 'opted_out'
);

-- devices seen per area and hour
create table "presence_seen"
as
select distinct
  "cell_area"."area_index" "area_index",
  "cell_area"."layer_index" "layer_index",
  date_trunc('hour', "e"."local_time") "local_hour",
  "e"."device_key" "device_key"
from (
  select "device_key", "cell_key", "local_time"
  from "classified_event"
  where "status" is null
) "e"
  join "cell_area"
    on "cell_area"."cell_key" = "e"."cell_key";

-- hourly presence
select
  "a"."layer_code",
  "a"."area_code",
  cast("c"."local_hour" as date) "local_day",
  extract(hour from "c"."local_hour") "hour_of_day",
  cast(
    "c"."devices"
    as bigint
  ) "devices"
from (
  select
    "r"."area_index",
    "r"."local_hour",
    count(*) "devices"
  from (
    select
      "presence_seen"."area_index",
      "presence_seen"."local_hour",
      row_number() over (
        partition by
          "presence_seen"."device_key",
          "presence_seen"."layer_index",
          cast("presence_seen"."local_hour" as date)
        order by "presence_seen"."local_hour", "presence_seen"."area_index"
      ) "contribution"
    from "presence_seen"
  ) "r"
  where "r"."contribution" <= 16
  group by
    "r"."area_index",
    "r"."local_hour"
) "c"
  join (
    select distinct "cell_area"."area_index", "cell_area"."layer_code", "cell_area"."area_code"
    from "cell_area"
  ) "a"
    on "a"."area_index" = "c"."area_index";

-- daily presence
select
  "a"."layer_code",
  "a"."area_code",
  "c"."local_day",
  cast(
    "c"."devices"
    as bigint
  ) "devices"
from (
  select
    "r"."area_index",
    "r"."local_day",
    count(*) "devices"
  from (
    select
      "f"."area_index",
      "f"."local_day",
      row_number() over (
        partition by
          "f"."device_key",
          "f"."layer_index",
          "f"."local_day"
        order by
          "f"."first_hour",
          "f"."area_index"
      ) "contribution"
    from (
      select
        "presence_seen"."area_index",
        "presence_seen"."layer_index",
        "presence_seen"."device_key",
        cast("presence_seen"."local_hour" as date) "local_day",
        min("presence_seen"."local_hour") "first_hour"
      from "presence_seen"
      group by
        "presence_seen"."area_index",
        "presence_seen"."layer_index",
        "presence_seen"."device_key",
        cast("presence_seen"."local_hour" as date)
    ) "f"
  ) "r"
  where "r"."contribution" <= 6
  group by "r"."area_index", "r"."local_day"
) "c"
  join (
    select distinct "cell_area"."area_index", "cell_area"."layer_code", "cell_area"."area_code"
    from "cell_area"
  ) "a"
    on "a"."area_index" = "c"."area_index";

