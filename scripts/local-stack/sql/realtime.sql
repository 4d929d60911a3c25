-- Local-stack change capture for Realtime postgres_changes (local stack only, never a migration).
-- Hosted Supabase reads changes from logical replication; the embedded stack cannot (PGlite has no
-- replication slots), so an AFTER ROW trigger on every table in the `supabase_realtime` publication
-- queues each change, and the realtime service drains the queue through PostgREST with the service key
-- (`select * from _realtime.take_changes()`), never through in-process queries (docs/local-stack.md §5).
-- Idempotent; plain SQL for PostgreSQL 15 and 18.

create schema if not exists _realtime;

create table if not exists _realtime.changes (
  id bigserial primary key,
  table_schema text not null,
  table_name text not null,
  type text not null check (type in ('INSERT', 'UPDATE', 'DELETE')),
  record jsonb,
  old_record jsonb,
  columns jsonb not null default '[]'::jsonb,
  primary_keys jsonb not null default '[]'::jsonb,
  commit_timestamp timestamptz not null default now()
);

comment on table _realtime.changes is
  'Local stack: row changes queued for the realtime service; drained by _realtime.take_changes().';

-- Captures one row change. Columns carry pg type names (int8, uuid, _text…) as Supabase Realtime sends them,
-- so the client's convertChangeData casts values. Without REPLICA IDENTITY FULL the old record holds only the
-- primary key, as on hosted Supabase.
create or replace function _realtime.capture_change() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  cols jsonb;
  pks jsonb;
  full_identity boolean;
  new_json jsonb;
  old_json jsonb;
  old_out jsonb;
begin
  select coalesce(jsonb_agg(jsonb_build_object('name', a.attname, 'type', t.typname) order by a.attnum), '[]'::jsonb)
    into cols
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
   where a.attrelid = tg_relid and a.attnum > 0 and not a.attisdropped;

  select coalesce(jsonb_agg(a.attname order by array_position(i.indkey::int2[], a.attnum)), '[]'::jsonb)
    into pks
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey::int2[])
   where i.indrelid = tg_relid and i.indisprimary;

  select c.relreplident = 'f' into full_identity from pg_class c where c.oid = tg_relid;

  if tg_op in ('INSERT', 'UPDATE') then
    new_json := to_jsonb(new);
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    old_json := to_jsonb(old);
    if full_identity then
      old_out := old_json;
    else
      select coalesce(jsonb_object_agg(k.key, old_json -> k.key), '{}'::jsonb)
        into old_out
        from jsonb_array_elements_text(pks) as k(key);
    end if;
  end if;

  insert into _realtime.changes (table_schema, table_name, type, record, old_record, columns, primary_keys)
  values (tg_table_schema, tg_table_name, tg_op, new_json, old_out, cols, pks);
  return null;
end;
$$;

-- Attaches the capture trigger to every table in publication `supabase_realtime` and detaches it from tables
-- that left it. Returns the number of tables captured.
create or replace function _realtime.install_capture_triggers() returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  r record;
  n integer := 0;
begin
  for r in
    select c.oid as relid, n.nspname as schemaname, c.relname as tablename
      from pg_trigger tg
      join pg_class c on c.oid = tg.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
     where tg.tgname = 'zz_realtime_capture'
       and not exists (
         select 1 from pg_publication_tables p
          where p.pubname = 'supabase_realtime' and p.schemaname = n.nspname and p.tablename = c.relname)
  loop
    execute format('drop trigger if exists zz_realtime_capture on %I.%I', r.schemaname, r.tablename);
  end loop;

  for r in
    select p.schemaname, p.tablename
      from pg_publication_tables p
      join pg_namespace n on n.nspname = p.schemaname
      join pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
     where p.pubname = 'supabase_realtime'
       and c.relkind in ('r', 'p')
       and p.schemaname not in ('_realtime', 'information_schema')
       and p.schemaname not like 'pg\_%'
  loop
    execute format(
      'create or replace trigger zz_realtime_capture after insert or update or delete on %I.%I '
      'for each row execute function _realtime.capture_change()', r.schemaname, r.tablename);
    n := n + 1;
  end loop;
  return n;
end;
$$;

-- Deletes and returns up to max_rows queued changes, oldest first.
create or replace function _realtime.take_changes(max_rows integer default 500)
returns setof _realtime.changes
language sql
security definer
set search_path = pg_catalog, pg_temp
as $$
  with taken as (
    delete from _realtime.changes
     where id in (select id from _realtime.changes order by id limit greatest(max_rows, 1) for update skip locked)
    returning *
  )
  select * from taken order by id;
$$;

-- Keeps captures in sync when a running stack's migration adds or drops tables from the publication.
create or replace function _realtime.on_publication_ddl() returns event_trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform _realtime.install_capture_triggers();
exception when others then
  raise warning '_realtime: could not refresh capture triggers: %', sqlerrm;
end;
$$;

do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = '_realtime_publication_ddl') then
    create event trigger _realtime_publication_ddl on ddl_command_end
      when tag in ('CREATE PUBLICATION', 'ALTER PUBLICATION')
      execute function _realtime.on_publication_ddl();
  end if;
exception when insufficient_privilege then
  raise notice '_realtime: event trigger needs a superuser; call _realtime.install_capture_triggers() after DDL';
end;
$$;

-- Only service_role (the realtime service, through PostgREST) may drain the queue; nobody else may read it.
revoke all on schema _realtime from public;
revoke all on all tables in schema _realtime from public;
revoke all on all sequences in schema _realtime from public;
revoke all on all functions in schema _realtime from public;
do $$
declare
  r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role', 'authenticator'] loop
    if exists (select 1 from pg_roles where rolname = r) then
      execute format('revoke all on schema _realtime from %I', r);
      execute format('revoke all on all tables in schema _realtime from %I', r);
      execute format('revoke all on all sequences in schema _realtime from %I', r);
      execute format('revoke all on all functions in schema _realtime from %I', r);
    end if;
  end loop;
  if exists (select 1 from pg_roles where rolname = 'service_role') then
    grant usage on schema _realtime to service_role;
    grant execute on function _realtime.take_changes(integer) to service_role;
    grant execute on function _realtime.install_capture_triggers() to service_role;
  end if;
end;
$$;
