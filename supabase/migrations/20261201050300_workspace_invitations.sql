-- Adding someone to a workspace becomes an invitation they accept. Found by attack (issue "Hardening"): any admin
-- could add any account by email (or, through the insert policy, by user id), then read that person's profile and
-- appear in their workspace list; and add_workspace_member answered unknown emails differently, so accounts could
-- be enumerated. A user could also set their profile email to someone else's.
--
-- Now: invite_workspace_member records an invitation for an email without looking at auth.users, so known and
-- unknown addresses get the same answer. The invitee (whose confirmed account email matches) sees it in the app
-- and accepts or declines it; only accepting creates the membership. Memberships are no longer inserted by
-- clients at all, and nobody can move a membership to another user or workspace. A profile's email follows the
-- account's (auth) email and cannot be edited.

create table public.workspace_invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  email text not null check (email = lower(btrim(email)) and length(email) between 3 and 320 and email ~ '^[^@\s]+@[^@\s]+$'),
  role text not null check (role in ('admin', 'ops_head', 'marketer', 'viewer')),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  invited_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days',
  responded_at timestamptz,
  constraint workspace_invitations_responded_consistent check ((status = 'pending') = (responded_at is null))
);
comment on table public.workspace_invitations is 'Invitations to join a workspace with a role, addressed to an email; the membership exists only once the invitee accepts.';
create index workspace_invitations_workspace_id_idx on public.workspace_invitations (workspace_id, status);
create index workspace_invitations_email_idx on public.workspace_invitations (email, status);
create index workspace_invitations_invited_by_idx on public.workspace_invitations (invited_by);
create unique index workspace_invitations_one_pending_idx on public.workspace_invitations (workspace_id, email)
  where status = 'pending';

-- The signed-in user's account email, once confirmed (an unconfirmed address proves nothing).
create function public.current_user_confirmed_email()
returns text
language sql stable security definer
set search_path = ''
as $$
  select lower(u.email) from auth.users u
   where u.id = (select auth.uid()) and u.email_confirmed_at is not null;
$$;
comment on function public.current_user_confirmed_email() is 'The caller''s confirmed account email (lower case), or null.';
revoke execute on function public.current_user_confirmed_email() from public, anon;
grant execute on function public.current_user_confirmed_email() to authenticated, service_role;

alter table public.workspace_invitations enable row level security;

create policy "Admins can read their workspace's invitations" on public.workspace_invitations
  for select to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']));
create policy "Invitees can read their pending invitations" on public.workspace_invitations
  for select to authenticated
  using (status = 'pending' and email = (select public.current_user_confirmed_email()));
create policy "Admins can withdraw their workspace's invitations" on public.workspace_invitations
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']) and status = 'pending');
-- No insert or update policy: invitations are written by the RPCs below.

-- Invites an email to the workspace with a role (admins only). It never consults auth.users: the answer is the
-- same whether an account uses the address or not. Inviting a pending address again updates its role and expiry.
create function public.invite_workspace_member(p_workspace_id uuid, p_email text, p_role text)
returns public.workspace_invitations
language plpgsql security definer
set search_path = ''
as $$
declare
  address text := lower(btrim(coalesce(p_email, '')));
  invitation public.workspace_invitations;
begin
  if not public.has_workspace_role(p_workspace_id, array['admin']) then
    raise exception 'Only workspace admins can invite members' using errcode = '42501';
  end if;
  if p_role is null or p_role not in ('admin', 'ops_head', 'marketer', 'viewer') then
    raise exception 'Role must be one of admin, ops_head, marketer or viewer' using errcode = '22023';
  end if;
  if address !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or length(address) > 320 then
    raise exception 'Enter the email address of the person to invite' using errcode = '22023';
  end if;
  -- Admins already see their members' emails, so saying "already a member" tells them nothing new.
  if exists (select 1 from public.workspace_members m join auth.users u on u.id = m.user_id
              where m.workspace_id = p_workspace_id and lower(u.email) = address) then
    raise exception 'That person is already a member of this workspace' using errcode = '22023';
  end if;
  insert into public.workspace_invitations (workspace_id, email, role, invited_by)
  values (p_workspace_id, address, p_role, (select auth.uid()))
  on conflict (workspace_id, email) where status = 'pending'
  do update set role = excluded.role, invited_by = excluded.invited_by, created_at = now(), expires_at = now() + interval '14 days'
  returning * into invitation;
  return invitation;
end;
$$;
comment on function public.invite_workspace_member(uuid, text, text) is 'Invites an email to the workspace with a role (admins only); the same answer for any address. Returns the pending invitation.';
revoke execute on function public.invite_workspace_member(uuid, text, text) from public, anon;
grant execute on function public.invite_workspace_member(uuid, text, text) to authenticated, service_role;

-- The caller's own pending invitation, locked; "not found" for any other (someone else's, answered, expired).
create function public.own_pending_invitation(p_invitation_id uuid)
returns public.workspace_invitations
language plpgsql security definer
set search_path = ''
as $$
declare
  invitation public.workspace_invitations;
begin
  select * into invitation from public.workspace_invitations i
   where i.id = p_invitation_id and i.status = 'pending' and i.expires_at > now()
     and i.email = public.current_user_confirmed_email()
   for update;
  if invitation.id is null then
    raise exception 'Invitation not found' using errcode = 'P0002';
  end if;
  return invitation;
end;
$$;
revoke execute on function public.own_pending_invitation(uuid) from public, anon, authenticated;

create function public.accept_workspace_invitation(p_invitation_id uuid)
returns public.workspace_members
language plpgsql security definer
set search_path = ''
as $$
declare
  invitation public.workspace_invitations := public.own_pending_invitation(p_invitation_id);
  membership public.workspace_members;
begin
  insert into public.workspace_members (workspace_id, user_id, role)
  values (invitation.workspace_id, (select auth.uid()), invitation.role)
  on conflict (workspace_id, user_id) do nothing
  returning * into membership;
  if membership.id is null then
    select * into membership from public.workspace_members
     where workspace_id = invitation.workspace_id and user_id = (select auth.uid());
  end if;
  update public.workspace_invitations set status = 'accepted', responded_at = now() where id = invitation.id;
  return membership;
end;
$$;
comment on function public.accept_workspace_invitation(uuid) is 'The invitee joins the workspace with the invited role. Returns the membership.';
revoke execute on function public.accept_workspace_invitation(uuid) from public, anon;
grant execute on function public.accept_workspace_invitation(uuid) to authenticated, service_role;

create function public.decline_workspace_invitation(p_invitation_id uuid)
returns public.workspace_invitations
language plpgsql security definer
set search_path = ''
as $$
declare
  invitation public.workspace_invitations := public.own_pending_invitation(p_invitation_id);
begin
  update public.workspace_invitations set status = 'declined', responded_at = now()
   where id = invitation.id
  returning * into invitation;
  return invitation;
end;
$$;
comment on function public.decline_workspace_invitation(uuid) is 'The invitee turns the invitation down; no membership is created.';
revoke execute on function public.decline_workspace_invitation(uuid) from public, anon;
grant execute on function public.decline_workspace_invitation(uuid) to authenticated, service_role;

-- What the invitee sees: workspace names they cannot read otherwise, and who invited them.
create function public.my_workspace_invitations()
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'id', i.id, 'workspace_id', i.workspace_id, 'workspace_name', w.name, 'role', i.role,
           'invited_by_name', coalesce(p.full_name, p.email), 'created_at', i.created_at, 'expires_at', i.expires_at)
         order by i.created_at desc), '[]'::jsonb)
    from public.workspace_invitations i
    join public.workspaces w on w.id = i.workspace_id
    left join public.profiles p on p.id = i.invited_by
   where i.status = 'pending' and i.expires_at > now()
     and i.email = public.current_user_confirmed_email();
$$;
comment on function public.my_workspace_invitations() is 'The caller''s pending invitations (a JSON array) with the workspace''s name and the inviter''s name.';
revoke execute on function public.my_workspace_invitations() from public, anon;
grant execute on function public.my_workspace_invitations() to authenticated, service_role;

-- Memberships come from accepted invitations (and the creator-as-admin trigger), never from a client's insert.
drop function public.add_workspace_member(uuid, text, text);
drop policy "Admins can add members" on public.workspace_members;

-- A membership never changes hands: its user and workspace are fixed, only the role moves.
create function public.guard_membership_changes()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.user_id <> old.user_id or new.workspace_id <> old.workspace_id then
    raise exception 'A membership cannot move to another user or workspace; invite the person instead' using errcode = '42501';
  end if;
  return new;
end;
$$;
create trigger workspace_members_guard_changes before update on public.workspace_members
  for each row execute function public.guard_membership_changes();

-- A profile's email is the account's: it follows auth.users and clients cannot edit it.
create function public.guard_profile_email()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.is_client_write() and new.email is distinct from old.email then
    raise exception 'Your email is changed in your account settings, not in your profile' using errcode = '42501';
  end if;
  return new;
end;
$$;
create trigger profiles_guard_email before update on public.profiles
  for each row execute function public.guard_profile_email();

create function public.sync_profile_email()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.profiles set email = new.email where id = new.id and email is distinct from new.email;
  return null;
end;
$$;
revoke execute on function public.sync_profile_email() from public, anon, authenticated;
create trigger on_auth_user_email_changed after update of email on auth.users
  for each row execute function public.sync_profile_email();
