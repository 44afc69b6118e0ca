-- commuter pairs
select
  "device_home_work"."home_area",
  "device_home_work"."work_area",
  cast(
    count(*)
    as bigint
  ) "commuters"
from "device_home_work"
where (
  "device_home_work"."home_area" is not null
  and "device_home_work"."work_area" is not null
)
group by "device_home_work"."home_area", "device_home_work"."work_area";

-- weekday departures
select
  "ranked"."home_area",
  "ranked"."work_area",
  "ranked"."hour_of_day",
  cast(
    count(*)
    as bigint
  ) "commuters"
from (
  select
    "days_per_hour"."home_area",
    "days_per_hour"."work_area",
    "days_per_hour"."hour_of_day",
    row_number() over (
      partition by "days_per_hour"."device_key"
      order by
        "days_per_hour"."days" desc,
        "days_per_hour"."hour_of_day"
    ) "usual"
  from (
    select
      "departure"."device_key",
      "departure"."home_area",
      "departure"."work_area",
      extract(hour from "departure"."departure_time") "hour_of_day",
      count(*) "days"
    from (
      select
        "day_event"."device_key",
        "day_event"."home_area",
        "day_event"."work_area",
        min("day_event"."local_time") "departure_time",
        max(
          case
            when "day_event"."area_code" = "day_event"."work_area" then 1
            else 0
          end
        ) "reached_work"
      from (
        select
          "accepted"."device_key",
          cast("accepted"."local_time" as date) "local_day",
          "accepted"."event_at",
          "accepted"."local_time",
          "cell_area"."area_code" "area_code",
          "commuter"."home_area",
          "commuter"."work_area"
        from (
          select "device_key", "cell_key", "event_at", "local_time"
          from "classified_event"
          where "status" is null
        ) "accepted"
          join (
            select "device_home_work"."device_key", "device_home_work"."home_area", "device_home_work"."work_area"
            from "device_home_work"
            where (
              "device_home_work"."home_area" is not null
              and "device_home_work"."work_area" is not null
            )
          ) "commuter"
            on "commuter"."device_key" = "accepted"."device_key"
          left outer join "cell_area"
            on (
              "cell_area"."cell_key" = "accepted"."cell_key"
              and "cell_area"."layer_code" = 'district'
            )
        where cast("accepted"."local_time" as date) in (
          date '2026-10-23', date '2026-10-26'
        )
      ) "day_event"
        join (
          select
            "day_event"."device_key",
            "day_event"."local_day",
            min("day_event"."event_at") "home_at"
          from (
            select
              "accepted"."device_key",
              cast("accepted"."local_time" as date) "local_day",
              "accepted"."event_at",
              "accepted"."local_time",
              "cell_area"."area_code" "area_code",
              "commuter"."home_area",
              "commuter"."work_area"
            from (
              select "device_key", "cell_key", "event_at", "local_time"
              from "classified_event"
              where "status" is null
            ) "accepted"
              join (
                select "device_home_work"."device_key", "device_home_work"."home_area", "device_home_work"."work_area"
                from "device_home_work"
                where (
                  "device_home_work"."home_area" is not null
                  and "device_home_work"."work_area" is not null
                )
              ) "commuter"
                on "commuter"."device_key" = "accepted"."device_key"
              left outer join "cell_area"
                on (
                  "cell_area"."cell_key" = "accepted"."cell_key"
                  and "cell_area"."layer_code" = 'district'
                )
            where cast("accepted"."local_time" as date) in (
              date '2026-10-23', date '2026-10-26'
            )
          ) "day_event"
          where "day_event"."area_code" = "day_event"."home_area"
          group by
            "day_event"."device_key",
            "day_event"."local_day"
        ) "first_at_home"
          on (
            "first_at_home"."device_key" = "day_event"."device_key"
            and "first_at_home"."local_day" = "day_event"."local_day"
          )
      where (
        "day_event"."event_at" > "first_at_home"."home_at"
        and (
          "day_event"."area_code" is null
          or "day_event"."area_code" <> "day_event"."home_area"
        )
      )
      group by
        "day_event"."device_key",
        "day_event"."local_day",
        "day_event"."home_area",
        "day_event"."work_area"
    ) "departure"
    where "departure"."reached_work" = 1
    group by
      "departure"."device_key",
      "departure"."home_area",
      "departure"."work_area",
      extract(hour from "departure"."departure_time")
  ) "days_per_hour"
) "ranked"
where "ranked"."usual" = 1
group by "ranked"."home_area", "ranked"."work_area", "ranked"."hour_of_day";

-- create corridor_cell
create table "corridor_cell" (
  "corridor_code" varchar not null,
  "cell_key" varchar not null,
  "position" int not null
);

-- corridor passes
select
  "ranked_pass"."corridor_code",
  "ranked_pass"."local_day",
  extract(hour from "ranked_pass"."entry_time") "hour_of_day",
  "ranked_pass"."direction",
  cast(
    count(distinct "ranked_pass"."device_key")
    as bigint
  ) "passes"
from (
  select
    "pass"."device_key",
    "pass"."corridor_code",
    "pass"."direction",
    "pass"."entry_time",
    cast(
      "pass"."entry_time"
      as date
    ) "local_day",
    row_number() over (
      partition by
        "pass"."device_key",
        cast(
          "pass"."entry_time"
          as date
        )
      order by
        "pass"."entry_time",
        "pass"."corridor_code",
        "pass"."direction"
    ) "contribution"
  from (
    select
      "traversal_numbered"."device_key",
      "traversal_numbered"."corridor_code",
      max("traversal_numbered"."direction") "direction",
      min(
        case
          when "traversal_numbered"."turned" = 1 then "traversal_numbered"."previous_last_local"
          else "traversal_numbered"."last_local"
        end
      ) "entry_time"
    from (
      select
        "traversal_marked".*,
        sum(
          case
            when (
              "traversal_marked"."direction" is null
              or "traversal_marked"."turned" = 1
            ) then 1
            else 0
          end
        ) over (
          partition by "traversal_marked"."device_key", "traversal_marked"."corridor_code"
          order by "traversal_marked"."visit_no"
          rows unbounded preceding
        ) "traversal_no"
      from (
        select
          "stepped".*,
          case
            when (
              "stepped"."direction" is not null
              and lag("stepped"."direction") over (
                partition by "stepped"."device_key", "stepped"."corridor_code"
                order by "stepped"."visit_no"
              ) <> "stepped"."direction"
            ) then 1
            else 0
          end "turned"
        from (
          select
            "visit".*,
            case
              when (
                lag("visit"."last_seq") over (
                  partition by "visit"."device_key", "visit"."corridor_code"
                  order by "visit"."visit_no"
                ) = ("visit"."first_seq" - 1)
                and "visit"."first_at" <= (lag("visit"."last_at") over (
                  partition by "visit"."device_key", "visit"."corridor_code"
                  order by "visit"."visit_no"
                ) + interval '0 years 0 mons 0 days 1 hours 0 mins 0.0 secs')
              ) then sign(("visit"."position" - lag("visit"."position") over (
                partition by "visit"."device_key", "visit"."corridor_code"
                order by "visit"."visit_no"
              )))
              else cast(null as int)
            end "direction",
            lag("visit"."last_at") over (
              partition by "visit"."device_key", "visit"."corridor_code"
              order by "visit"."visit_no"
            ) "previous_last_at",
            lag("visit"."last_local") over (
              partition by "visit"."device_key", "visit"."corridor_code"
              order by "visit"."visit_no"
            ) "previous_last_local"
          from (
            select
              "visit_numbered"."device_key",
              "visit_numbered"."corridor_code",
              "visit_numbered"."visit_no",
              min("visit_numbered"."position") "position",
              min("visit_numbered"."seq") "first_seq",
              max("visit_numbered"."seq") "last_seq",
              min("visit_numbered"."event_at") "first_at",
              max("visit_numbered"."event_at") "last_at",
              max("visit_numbered"."local_time") "last_local"
            from (
              select
                "visit_marked".*,
                sum("visit_marked"."new_visit") over (
                  partition by "visit_marked"."device_key", "visit_marked"."corridor_code"
                  order by "visit_marked"."seq"
                  rows unbounded preceding
                ) "visit_no"
              from (
                select
                  "on_corridor".*,
                  case
                    when (
                      lag("on_corridor"."seq") over (
                        partition by "on_corridor"."device_key", "on_corridor"."corridor_code"
                        order by "on_corridor"."seq"
                      ) = ("on_corridor"."seq" - 1)
                      and lag("on_corridor"."position") over (
                        partition by "on_corridor"."device_key", "on_corridor"."corridor_code"
                        order by "on_corridor"."seq"
                      ) = "on_corridor"."position"
                    ) then 0
                    else 1
                  end "new_visit"
                from (
                  select
                    "ordered"."device_key",
                    "corridor_cell"."corridor_code" "corridor_code",
                    "corridor_cell"."position" "position",
                    "ordered"."seq",
                    "ordered"."event_at",
                    "ordered"."local_time"
                  from (
                    select
                      "accepted"."device_key",
                      "accepted"."cell_key",
                      "accepted"."event_at",
                      "accepted"."local_time",
                      row_number() over (
                        partition by "accepted"."device_key"
                        order by "accepted"."event_at", "accepted"."cell_key"
                      ) "seq"
                    from (
                      select "device_key", "cell_key", "event_at", "local_time"
                      from "classified_event"
                      where "status" is null
                    ) "accepted"
                  ) "ordered"
                    join "corridor_cell"
                      on "corridor_cell"."cell_key" = "ordered"."cell_key"
                ) "on_corridor"
              ) "visit_marked"
            ) "visit_numbered"
            group by
              "visit_numbered"."device_key",
              "visit_numbered"."corridor_code",
              "visit_numbered"."visit_no"
          ) "visit"
        ) "stepped"
      ) "traversal_marked"
    ) "traversal_numbered"
    group by "traversal_numbered"."device_key", "traversal_numbered"."corridor_code", "traversal_numbered"."traversal_no"
    having (
      (count(*) + max("traversal_numbered"."turned")) >= 3
      and max("traversal_numbered"."first_at") <= (min(
        case
          when "traversal_numbered"."turned" = 1 then "traversal_numbered"."previous_last_at"
          else "traversal_numbered"."last_at"
        end
      ) + interval '0 years 0 mons 0 days 1 hours 0 mins 0.0 secs')
    )
  ) "pass"
) "ranked_pass"
where "ranked_pass"."contribution" <= 4
group by
  "ranked_pass"."corridor_code",
  "ranked_pass"."local_day",
  extract(hour from "ranked_pass"."entry_time"),
  "ranked_pass"."direction";

