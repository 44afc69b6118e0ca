-- does device_home_work exist
select count(*)
from information_schema.tables
where (
  table_name = 'device_home_work'
  and table_schema = current_schema
);

-- create device_home_work
create table "device_home_work"
as
select
  coalesce(
    "home"."device_key",
    "work"."device_key"
  ) "device_key",
  "home"."area_code" "home_area",
  case
    when "work"."area_code" = "home"."area_code" then cast(null as varchar)
    else "work"."area_code"
  end "work_area"
from (
  select
    "ranked"."device_key",
    "ranked"."area_code"
  from (
    select
      "counted"."device_key",
      "counted"."area_code",
      "counted"."occasions",
      row_number() over (
        partition by "counted"."device_key"
        order by
          "counted"."occasions" desc,
          "counted"."area_code"
      ) "place",
      count(*) over (
        partition by
          "counted"."device_key",
          "counted"."occasions"
      ) "sharing"
    from (
      select
        "located"."device_key",
        "located"."area_code",
        count(distinct cast(
          date_add('hour', -6, "located"."local_time")
          as date
        )) "occasions"
      from (
        select
          "accepted"."device_key",
          "cell_area"."area_code" "area_code",
          "accepted"."local_time"
        from (
          select "device_key", "cell_key", "local_time"
          from "classified_event"
          where "status" is null
        ) "accepted"
          join "cell_area"
            on (
              "cell_area"."cell_key" = "accepted"."cell_key"
              and "cell_area"."layer_code" = 'district'
            )
      ) "located"
      where (
        extract(hour from "located"."local_time") >= 21
        or extract(hour from "located"."local_time") < 6
      )
      group by
        "located"."device_key",
        "located"."area_code"
    ) "counted"
  ) "ranked"
  where (
    "ranked"."place" = 1
    and "ranked"."occasions" >= 3
    and "ranked"."sharing" = 1
  )
) "home"
  full outer join (
    select
      "ranked"."device_key",
      "ranked"."area_code"
    from (
      select
        "counted"."device_key",
        "counted"."area_code",
        "counted"."occasions",
        row_number() over (
          partition by "counted"."device_key"
          order by
            "counted"."occasions" desc,
            "counted"."area_code"
        ) "place",
        count(*) over (
          partition by
            "counted"."device_key",
            "counted"."occasions"
        ) "sharing"
      from (
        select
          "located"."device_key",
          "located"."area_code",
          count(distinct cast(
            "located"."local_time"
            as date
          )) "occasions"
        from (
          select
            "accepted"."device_key",
            "cell_area"."area_code" "area_code",
            "accepted"."local_time"
          from (
            select "device_key", "cell_key", "local_time"
            from "classified_event"
            where "status" is null
          ) "accepted"
            join "cell_area"
              on (
                "cell_area"."cell_key" = "accepted"."cell_key"
                and "cell_area"."layer_code" = 'district'
              )
        ) "located"
        where (
          extract(hour from "located"."local_time") >= 9
          and extract(hour from "located"."local_time") < 17
          and cast(
            "located"."local_time"
            as date
          ) in (
            date '2026-10-23', date '2026-10-26'
          )
        )
        group by
          "located"."device_key",
          "located"."area_code"
      ) "counted"
    ) "ranked"
    where (
      "ranked"."place" = 1
      and "ranked"."occasions" >= 3
      and "ranked"."sharing" = 1
    )
  ) "work"
    on "home"."device_key" = "work"."device_key";

