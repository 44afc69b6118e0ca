-- An opt-out list version names one list for good (issue 20): the digest of its content (SHA-256 of
-- its distinct device ids, sorted, one per line; never the ids) is recorded, so that a version label
-- registered again with other content is refused instead of silently ignored. Lists registered
-- before this column existed have no digest; their device count still guards them.
alter table optout_list add column content_digest varchar(64);
