-- Tenancy: workspaces, their members and roles, user profiles, and the membership helpers every
-- row-level security policy in this project is written with. Creating a workspace makes its creator
-- its admin, so the whole flow works with nothing but an insert of the workspace's name.

create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 120),
  settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.workspaces is 'A team''s tenant. settings.thresholds overrides the domain thresholds.';

create table public.workspace_members (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('admin', 'ops_head', 'marketer', 'viewer')),
  created_at timestamptz not null default now(),
  unique (workspace_id, user_id)
);
comment on table public.workspace_members is 'Who belongs to a workspace and with which role (viewers read; marketers act; ops heads decide; admins manage).';
create index workspace_members_user_id_idx on public.workspace_members (user_id);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  full_name text check (full_name is null or length(full_name) <= 120),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'Display data for users (name, email), readable by people who share a workspace.';

-- Membership helpers. Security definer so policies can consult workspace_members without recursing
-- into its own policies; search_path pinned so they cannot be hijacked.
create function public.is_workspace_member(ws uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workspace_members m
    where m.workspace_id = ws and m.user_id = (select auth.uid())
  );
$$;

create function public.has_workspace_role(ws uuid, roles text[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workspace_members m
    where m.workspace_id = ws and m.user_id = (select auth.uid()) and m.role = any (roles)
  );
$$;

create function public.shares_workspace_with(other_user uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.workspace_members mine
    join public.workspace_members theirs on theirs.workspace_id = mine.workspace_id
    where mine.user_id = (select auth.uid()) and theirs.user_id = other_user
  );
$$;

-- Shared trigger: keep updated_at honest.
create function public.set_updated_at()
returns trigger
language plpgsql
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger workspaces_set_updated_at before update on public.workspaces
  for each row execute function public.set_updated_at();
create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function public.set_updated_at();

-- The creator of a workspace becomes its admin.
create function public.add_workspace_creator_as_admin()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.workspace_members (workspace_id, user_id, role)
    values (new.id, new.created_by, 'admin')
    on conflict (workspace_id, user_id) do nothing;
  end if;
  return new;
end;
$$;

create trigger workspaces_add_creator_as_admin after insert on public.workspaces
  for each row execute function public.add_workspace_creator_as_admin();

-- Every new auth user gets a profile (the Supabase pattern: a trigger on auth.users).
create function public.create_profile_for_new_user()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, email, full_name)
  values (new.id, new.email, nullif(new.raw_user_meta_data ->> 'full_name', ''))
  on conflict (id) do nothing;
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.create_profile_for_new_user();

alter table public.workspaces enable row level security;
alter table public.workspace_members enable row level security;
alter table public.profiles enable row level security;

create policy "Members can read their workspaces" on public.workspaces
  for select to authenticated
  using (public.is_workspace_member(id) or created_by = (select auth.uid()));
create policy "Signed-in users can create workspaces they own" on public.workspaces
  for insert to authenticated
  with check (created_by = (select auth.uid()));
create policy "Admins can update their workspaces" on public.workspaces
  for update to authenticated
  using (public.has_workspace_role(id, array['admin']))
  with check (public.has_workspace_role(id, array['admin']));
create policy "Admins can delete their workspaces" on public.workspaces
  for delete to authenticated
  using (public.has_workspace_role(id, array['admin']));

create policy "Members can read their workspace's members" on public.workspace_members
  for select to authenticated
  using (public.is_workspace_member(workspace_id));
create policy "Admins can add members" on public.workspace_members
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin']));
create policy "Admins can change members' roles" on public.workspace_members
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']))
  with check (public.has_workspace_role(workspace_id, array['admin']));
create policy "Admins can remove members" on public.workspace_members
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']));

create policy "Users can read their own and co-members' profiles" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()) or public.shares_workspace_with(id));
create policy "Users can update their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

grant execute on function public.is_workspace_member(uuid) to authenticated, service_role;
grant execute on function public.has_workspace_role(uuid, text[]) to authenticated, service_role;
grant execute on function public.shares_workspace_with(uuid) to authenticated, service_role;
