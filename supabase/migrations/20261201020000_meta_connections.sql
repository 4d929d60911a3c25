-- Meta Ads connections: one row per workspace and ad account, readable by the workspace's members (account name,
-- currency, time zone, status, the token's last four characters), and the access token itself in schema
-- meta_private, which no client role can use. PostgREST never exposes meta_private, and the only ways to reach a
-- token are two security-definer functions executable by service_role alone (the edge functions). Connections are
-- written only by the meta-connection edge function after it has checked the token against the Graph API, so no
-- client role gets an insert, update or delete policy; revoking is one RPC for admins and ops heads that flags the
-- connection and deletes its token (imported data stays).

create table public.meta_connections (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  ad_account_id text not null check (ad_account_id ~ '^act_[0-9]{1,20}$'),
  account_name text check (account_name is null or length(account_name) <= 200),
  currency text check (currency is null or currency ~ '^[A-Z]{3}$'),
  timezone_name text check (timezone_name is null or length(timezone_name) <= 64),
  kind text not null check (kind in ('system_user_token', 'oauth', 'sandbox')),
  status text not null default 'active' check (status in ('active', 'needs_reconnect', 'revoked')),
  status_reason text check (status_reason is null or length(status_reason) <= 500),
  token_hint text check (token_hint is null or length(token_hint) <= 8),
  token_expires_at timestamptz,
  connected_by uuid references auth.users (id) on delete set null,
  connected_at timestamptz not null default now(),
  last_sync_at timestamptz,
  last_sync_status text check (last_sync_status is null or last_sync_status in ('running', 'succeeded', 'partial', 'failed')),
  activities_synced_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meta_connections_one_per_account unique (workspace_id, ad_account_id)
);
comment on table public.meta_connections is 'Meta ad accounts connected to a workspace: account details, connection status and sync state; never the token (see meta_private.connection_tokens).';
create index meta_connections_workspace_id_idx on public.meta_connections (workspace_id);
create index meta_connections_connected_by_idx on public.meta_connections (connected_by);

create trigger meta_connections_set_updated_at before update on public.meta_connections
  for each row execute function public.set_updated_at();
create trigger meta_connections_write_audit_log after insert or update or delete on public.meta_connections
  for each row execute function public.write_audit_log();

alter table public.meta_connections enable row level security;

create policy "Members can read their workspace's Meta connections" on public.meta_connections
  for select to authenticated using (public.is_workspace_member(workspace_id));
-- No insert, update or delete policy: the token must be checked against Meta first (meta-connection function),
-- and revoking goes through revoke_meta_connection below.

create schema if not exists meta_private;
revoke all on schema meta_private from public, anon, authenticated;
comment on schema meta_private is 'Secrets of data-source connections; no client role has usage, only security-definer functions reach it.';

create table meta_private.connection_tokens (
  connection_id uuid primary key references public.meta_connections (id) on delete cascade,
  access_token text not null check (length(access_token) between 10 and 2048),
  updated_at timestamptz not null default now()
);
comment on table meta_private.connection_tokens is 'The Meta access token of each connection; readable only through public.meta_connection_token (service_role).';
alter table meta_private.connection_tokens enable row level security;
revoke all on meta_private.connection_tokens from public, anon, authenticated;

-- Stores a checked connection and its token in one step (service_role only: the meta-connection function).
create function public.save_meta_connection(
  p_workspace_id uuid,
  p_ad_account_id text,
  p_kind text,
  p_access_token text,
  p_account_name text,
  p_currency text,
  p_timezone_name text,
  p_token_expires_at timestamptz,
  p_connected_by uuid
)
returns public.meta_connections
language plpgsql security definer
set search_path = ''
as $$
declare
  saved public.meta_connections;
begin
  insert into public.meta_connections as c (workspace_id, ad_account_id, kind, account_name, currency, timezone_name,
                                             token_hint, token_expires_at, connected_by, connected_at, status, status_reason)
  values (p_workspace_id, p_ad_account_id, p_kind, p_account_name, p_currency, p_timezone_name,
          right(p_access_token, 4), p_token_expires_at, p_connected_by, now(), 'active', null)
  on conflict (workspace_id, ad_account_id) do update
    set kind = excluded.kind, account_name = excluded.account_name, currency = excluded.currency,
        timezone_name = excluded.timezone_name, token_hint = excluded.token_hint,
        token_expires_at = excluded.token_expires_at, connected_by = excluded.connected_by,
        connected_at = now(), status = 'active', status_reason = null
  returning * into saved;
  insert into meta_private.connection_tokens (connection_id, access_token, updated_at)
  values (saved.id, p_access_token, now())
  on conflict (connection_id) do update set access_token = excluded.access_token, updated_at = now();
  return saved;
end;
$$;

-- The token of a connection, for the sync (service_role only).
create function public.meta_connection_token(p_connection_id uuid)
returns text
language sql stable security definer
set search_path = ''
as $$
  select t.access_token from meta_private.connection_tokens t
    join public.meta_connections c on c.id = t.connection_id
   where t.connection_id = p_connection_id and c.status <> 'revoked'
$$;

-- Revokes a connection: flagged revoked, token deleted, imported snapshots and cards kept. Admins and ops heads.
create function public.revoke_meta_connection(p_connection_id uuid)
returns public.meta_connections
language plpgsql security definer
set search_path = ''
as $$
declare
  conn public.meta_connections;
begin
  select * into conn from public.meta_connections where id = p_connection_id;
  if conn.id is null or not public.is_workspace_member(conn.workspace_id) and coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'Connection not found' using errcode = 'P0002';
  end if;
  if coalesce(auth.role(), '') <> 'service_role' and not public.has_workspace_role(conn.workspace_id, array['admin', 'ops_head']) then
    raise exception 'Only an admin or ops head can revoke a Meta connection' using errcode = '42501';
  end if;
  delete from meta_private.connection_tokens where connection_id = p_connection_id;
  update public.meta_connections
     set status = 'revoked', status_reason = 'Revoked in Settings', token_hint = null, token_expires_at = null
   where id = p_connection_id
  returning * into conn;
  return conn;
end;
$$;

-- A sync that meets an expired or revoked token (Graph code 190) flags the connection; data stays.
create function public.flag_meta_connection(p_connection_id uuid, p_status text, p_reason text)
returns void
language sql security definer
set search_path = ''
as $$
  update public.meta_connections set status = p_status, status_reason = left(p_reason, 500)
   where id = p_connection_id and status <> 'revoked'
$$;

revoke execute on function public.save_meta_connection(uuid, text, text, text, text, text, text, timestamptz, uuid) from public, anon, authenticated;
revoke execute on function public.meta_connection_token(uuid) from public, anon, authenticated;
revoke execute on function public.flag_meta_connection(uuid, text, text) from public, anon, authenticated;
revoke execute on function public.revoke_meta_connection(uuid) from public, anon;
grant execute on function public.save_meta_connection(uuid, text, text, text, text, text, text, timestamptz, uuid) to service_role;
grant execute on function public.meta_connection_token(uuid) to service_role;
grant execute on function public.flag_meta_connection(uuid, text, text) to service_role;
grant execute on function public.revoke_meta_connection(uuid) to authenticated, service_role;
