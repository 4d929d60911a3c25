-- Ingest keys: how a customer's website authenticates to the public ingest-events function. Browsers on customer
-- sites are anonymous, so the function cannot rely on a user JWT; instead each workspace issues keys that its
-- tracker snippet sends with every batch. Only a SHA-256 hash of a key is stored: the plain key is shown once, when
-- it is created, and a leaked table row cannot be replayed. Revoking a key stamps revoked_at and the function
-- refuses it from then on.

create table public.ingest_keys (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  label text not null check (length(btrim(label)) between 1 and 120),
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
comment on table public.ingest_keys is 'Per-workspace keys for the website tracker and the ingest-events function; stores only the SHA-256 hex of each key.';
create index ingest_keys_workspace_id_idx on public.ingest_keys (workspace_id);

-- Issuing and revoking keys is security-relevant: audited like the business tables.
create trigger ingest_keys_write_audit_log after insert or update or delete on public.ingest_keys
  for each row execute function public.write_audit_log();

alter table public.ingest_keys enable row level security;

create policy "Members can read their workspace's ingest key labels" on public.ingest_keys
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Admins can add ingest keys" on public.ingest_keys
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin']));
create policy "Admins can revoke ingest keys" on public.ingest_keys
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']))
  with check (public.has_workspace_role(workspace_id, array['admin']));
create policy "Admins can delete ingest keys" on public.ingest_keys
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']));

-- Members see labels and dates (the hash too: it cannot be turned back into a key). An admin may rename or revoke
-- a key, never re-point it at another workspace or swap its hash.
revoke update on public.ingest_keys from anon, authenticated;
grant update (label, revoked_at) on public.ingest_keys to authenticated;

-- Issues a key for a workspace (admins only) and returns { id, key, label, created_at } with the key in plain
-- text, exactly once. The key is `mot_` + 64 hex characters (244 random bits from two v4 UUIDs), hashed with the
-- built-in sha256() so no extension is needed.
create function public.create_ingest_key(p_workspace_id uuid, p_label text)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  plain text;
  created public.ingest_keys;
begin
  if not public.has_workspace_role(p_workspace_id, array['admin']) then
    raise exception 'Only workspace admins can create ingest keys' using errcode = '42501';
  end if;
  plain := 'mot_' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
  insert into public.ingest_keys (workspace_id, key_hash, label, created_by)
  values (p_workspace_id, encode(sha256(convert_to(plain, 'UTF8')), 'hex'), coalesce(nullif(btrim(p_label), ''), 'Website'), (select auth.uid()))
  returning * into created;
  return jsonb_build_object('id', created.id, 'key', plain, 'label', created.label, 'created_at', created.created_at);
end;
$$;

revoke execute on function public.create_ingest_key(uuid, text) from public, anon;
grant execute on function public.create_ingest_key(uuid, text) to authenticated, service_role;
