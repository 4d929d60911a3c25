-- The board reads a workspace's action cards 1,000 at a time, and the read policy called
-- is_workspace_member(workspace_id) for every row: a security-definer function (never inlined) doing one index
-- lookup into workspace_members per card, ~10 of the query's ~11 ms (EXPLAIN ANALYZE, 1,000 cards). The caller's
-- workspaces are now read once per statement into a hashed subplan and each row is only probed against it; who may
-- read what is unchanged (members of the card's workspace).

create function public.member_workspace_ids()
returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select m.workspace_id from public.workspace_members m where m.user_id = (select auth.uid());
$$;
comment on function public.member_workspace_ids() is 'The workspaces the signed-in user belongs to; for policies that would otherwise check membership once per row.';
revoke execute on function public.member_workspace_ids() from public, anon;
grant execute on function public.member_workspace_ids() to authenticated, service_role;

drop policy "Members can read their workspace's action cards" on public.marketer_actions;
create policy "Members can read their workspace's action cards" on public.marketer_actions
  for select to authenticated using (workspace_id in (select public.member_workspace_ids()));
