-- Held releases and the data-quality report (issue 16, docs/decisions/031-held-releases-and-quality-report.md).
-- A run whose quality checks fail publishes its releases as AWAITING_REVIEW: stored, never served, until
-- a data operator approves them (approved_by/at, audited); the previously served release stays served.
alter table data_release drop constraint data_release_status_ck;
alter table data_release add constraint data_release_status_ck
    check (status in ('PUBLISHED', 'SUPERSEDED', 'WITHDRAWN', 'AWAITING_REVIEW'));
-- why the run's checks held it (one reason a line); null when they passed
alter table data_release add column held_reasons text;
alter table data_release add column approved_at timestamp with time zone;
alter table data_release add column approved_by varchar(254);
-- the run's data-quality report as the operator reads it (the same text for every release of one run)
alter table data_release add column quality_report text;

-- Accepted events and distinct devices per local day of a release's drop (exact input counts, shown
-- to data operators only): the next run of the dataset compares its days with these.
create table release_day_input (
    release_id  bigint  not null references data_release (id) on delete cascade,
    local_day   date    not null,
    events      bigint  not null,
    devices     bigint  not null,
    primary key (release_id, local_day)
);
