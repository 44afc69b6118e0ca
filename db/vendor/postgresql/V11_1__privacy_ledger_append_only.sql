-- What a day has spent stays spent: the privacy ledger is append-only at the database level too.
create function privacy_ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'privacy_ledger is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger privacy_ledger_append_only
    before update or delete on privacy_ledger
    for each row execute function privacy_ledger_refuse_change();

create trigger privacy_ledger_no_truncate
    before truncate on privacy_ledger
    for each statement execute function privacy_ledger_refuse_change();
