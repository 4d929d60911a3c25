-- Member management from the app. Admins add a teammate by email: add_workspace_member() looks the address up in
-- auth.users (which clients cannot read, hence security definer) and inserts the membership, so adding someone no
-- longer needs the service key. Roles change and members leave through the existing workspace_members policies;
-- a trigger keeps every workspace with at least one admin, so nobody can lock a team out of its own settings.

-- Adds an existing account to a workspace with a role (admins only) and returns the new membership row. The email
-- is matched case-insensitively; someone without an account must sign up first (there is no invitation mail).
create function public.add_workspace_member(p_workspace_id uuid, p_email text, p_role text)
returns public.workspace_members
language plpgsql security definer
set search_path = ''
as $$
declare
  target_user uuid;
  added public.workspace_members;
begin
  if not public.has_workspace_role(p_workspace_id, array['admin']) then
    raise exception 'Only workspace admins can add members' using errcode = '42501';
  end if;
  if p_role is null or p_role not in ('admin', 'ops_head', 'marketer', 'viewer') then
    raise exception 'Role must be one of admin, ops_head, marketer or viewer' using errcode = '22023';
  end if;
  if coalesce(btrim(p_email), '') = '' then
    raise exception 'Enter the email address of the person to add' using errcode = '22023';
  end if;

  select u.id into target_user
    from auth.users u
   where lower(u.email) = lower(btrim(p_email))
   order by u.created_at nulls last
   limit 1;
  if target_user is null then
    raise exception 'No account uses that email yet: ask them to sign up first, then add them' using errcode = 'P0002';
  end if;

  insert into public.workspace_members (workspace_id, user_id, role)
  values (p_workspace_id, target_user, p_role)
  on conflict (workspace_id, user_id) do nothing
  returning * into added;
  if added.id is null then
    raise exception 'That person is already a member of this workspace' using errcode = '22023';
  end if;
  return added;
end;
$$;

comment on function public.add_workspace_member(uuid, text, text) is 'Adds the account with this email (case-insensitive) to the workspace with the given role; admins only. P0002 when no account uses the email, 22023 when already a member.';
revoke execute on function public.add_workspace_member(uuid, text, text) from public, anon;
grant execute on function public.add_workspace_member(uuid, text, text) to authenticated, service_role;

-- Runs after an admin row is demoted, moved or deleted, for every caller (service role included): the workspace
-- must still have an admin. Locking the workspace row serialises two admins demoting each other at the same time.
-- When the workspace itself or the admin's account is being deleted (the cascades), there is nothing to protect.
create function public.ensure_workspace_keeps_an_admin()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.role = 'admin' and new.workspace_id = old.workspace_id then
    return null;
  end if;
  perform 1 from public.workspaces w where w.id = old.workspace_id for no key update;
  if not found then
    return null;
  end if;
  if not exists (select 1 from auth.users u where u.id = old.user_id) then
    return null;
  end if;
  if not exists (
    select 1 from public.workspace_members m where m.workspace_id = old.workspace_id and m.role = 'admin'
  ) then
    raise exception 'A workspace needs at least one admin' using errcode = '22023',
      hint = 'Make someone else an admin first.';
  end if;
  return null;
end;
$$;

create trigger workspace_members_keep_an_admin
  after update or delete on public.workspace_members
  for each row when (old.role = 'admin')
  execute function public.ensure_workspace_keeps_an_admin();
