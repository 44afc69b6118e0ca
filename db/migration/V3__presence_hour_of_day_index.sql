-- The map asks for one or a few hours of day over a window of days. The primary key leads with
-- local_day, so a one-hour question over 7 days read every hour of those days (H2 uses an IN list
-- on local_day and nothing after it). Leading with hour_of_day lets both engines read only the
-- asked hours: release, layer, hour (equality or IN list), then the days.
create index presence_hourly_hour_ix on presence_hourly (release_id, layer_code, hour_of_day, local_day, area_id);
