-- The audit trail is append-only at the database level too (H2 triggers are Java classes).
create trigger audit_event_append_only before update, delete on audit_event
    for each row call 'io.crowdlens.audit.AppendOnlyH2Trigger';
