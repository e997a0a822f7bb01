-- Which tables changed, for the rendered-page cache (src/platform/db/changes.ts). Every
-- statement that writes a table advances that table's own sequence: no row is locked, so
-- writers never wait for each other, and every process reads the same numbers. A new table
-- must be tracked too: `select ks_track_changes('name')` in its migration
-- (test/change-tracking.test.ts fails on a table that is not).
create or replace function ks_note_change() returns trigger language plpgsql as $$
begin
  perform nextval(quote_ident('ks_chg_' || tg_table_name));
  return null;
end $$;

create or replace function ks_track_changes(t text) returns void language plpgsql as $$
begin
  execute format('create sequence if not exists %I', 'ks_chg_' || t);
  execute format('drop trigger if exists ks_chg on %I', t);
  execute format(
    'create trigger ks_chg after insert or update or delete or truncate on %I for each statement execute function ks_note_change()',
    t);
end $$;

do $$
declare t text;
begin
  for t in
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely_%'
  loop
    perform ks_track_changes(t);
  end loop;
end $$;
