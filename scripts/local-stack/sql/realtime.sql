-- Local-stack change capture for Realtime postgres_changes (local stack only, never a migration).
-- Hosted Supabase reads changes from logical replication; the local stack also runs on a DATABASE_URL server
-- whose wal_level may not be logical, so an AFTER ROW trigger on every table in the `supabase_realtime`
-- publication queues each change with its transaction id and NOTIFYs that id. Notifications arrive at commit,
-- in commit order: the realtime service (scripts/local-stack/realtime/change-feed.ts) takes a transaction's
-- rows as soon as it commits, and the queue keeps what arrives while its connection is down.
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
alter table _realtime.changes add column if not exists xid xid8 not null default pg_current_xact_id();
create index if not exists changes_xid_idx on _realtime.changes (xid);

comment on table _realtime.changes is
  'Local stack: row changes queued for the realtime service, taken per notified transaction.';

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
  -- Postgres folds identical notifications of one transaction into one, sent when it commits.
  perform pg_notify('_realtime', pg_current_xact_id()::text);
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

-- The queue used to be polled through PostgREST; the realtime service now reads it itself.
drop function if exists _realtime.take_changes(integer);

-- Which of a table's changed rows each subscriber may read, by the table's own RLS: for subscriber i (claims
-- p_claims[i]) and row j (primary key p_keys[j] as a json object) one (i, j) pair when visible. One call per
-- table per batch of changes, whatever the number of subscribers. Only roles PostgREST could switch to count.
create or replace function _realtime.visible_keys(p_table regclass, p_pks text[], p_keys jsonb, p_claims jsonb)
returns table (subscriber integer, key_index integer)
language plpgsql
as $$
declare
  i integer;
  claims jsonb;
  match text;
begin
  select string_agg(format('t.%1$I = (jsonb_populate_record(null::%2$s, k.value)).%1$I', pk, p_table), ' and ')
    into match
    from unnest(p_pks) as pk;
  for i in 0 .. jsonb_array_length(p_claims) - 1 loop
    claims := p_claims -> i;
    continue when coalesce(claims ->> 'role', '') not in (select rolname from pg_roles where pg_has_role('authenticator', oid, 'member') and not rolbypassrls);
    perform set_config('request.jwt.claims', claims::text, true);
    perform set_config('role', claims ->> 'role', true);
    return query execute format(
      'select %s, (k.ordinality - 1)::integer from jsonb_array_elements($1) with ordinality as k(value, ordinality) '
      'where exists (select 1 from %s t where %s)', i, p_table, match)
      using p_keys;
    perform set_config('role', 'none', true);
  end loop;
  perform set_config('request.jwt.claims', '', true);
end;
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

-- Only the realtime service (a superuser connection) reads the queue; service_role may refresh the captures.
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
    grant execute on function _realtime.install_capture_triggers() to service_role;
  end if;
end;
$$;
