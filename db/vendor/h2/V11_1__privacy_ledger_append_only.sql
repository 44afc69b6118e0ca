-- What a day has spent stays spent: the privacy ledger is append-only at the database level too.
create trigger privacy_ledger_append_only before update, delete on privacy_ledger
    for each row call 'io.crowdlens.audit.AppendOnlyH2Trigger';
