-- Realtime channel authorization (issue 11, item 2), Supabase's private-channel model: the app's channels are
-- private, and Realtime lets a client join, receive, broadcast or track presence only where these RLS policies
-- on realtime.messages allow it. Realtime checks at join by selecting probe rows (receive) and inserting rows
-- (send) as the client's role with its JWT claims and `realtime.topic` set, then rolls back. Before, anyone with
-- the anon key and a workspace id could read who is on a board, appear on it and broadcast into it.
--
-- Topics the app uses (src/features/*/api/subscribe-*.ts), each scoped by its second segment:
--   board:<workspace>:<board>    presence (viewers) — members receive and track presence / broadcast
--   ops:<workspace>:<suffix>, alerts:<workspace>:<suffix>, meta-sync:<workspace>:<suffix>   receive only
--   timeline:<campaign>:<suffix>, campaign-phases:<campaign>                                receive only
-- postgres_changes on these channels are still filtered by each table's own RLS.

-- The workspace a channel topic belongs to, or null for anything else (a malformed topic, an unknown prefix, a
-- campaign that does not exist). Never raises: the id is matched as a uuid before the cast. Security definer so
-- the campaign lookup does not run campaigns' own policies for every check; membership is decided by the caller.
create function public.realtime_topic_workspace(p_topic text)
returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  parts text[] := regexp_match(
    coalesce(p_topic, ''),
    '^(board|ops|alerts|meta-sync|timeline|campaign-phases):([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(:[^:]+)?$'
  );
  ws uuid;
begin
  if parts is null then
    return null;
  end if;
  if parts[1] in ('timeline', 'campaign-phases') then
    select c.workspace_id into ws from public.campaigns c where c.id = parts[2]::uuid;
    return ws;
  end if;
  return parts[2]::uuid;
end;
$$;

comment on function public.realtime_topic_workspace(text) is
  'Workspace of an app realtime channel topic (board/ops/alerts/meta-sync: <workspace>; timeline/campaign-phases: '
  '<campaign>), null when the topic is not one of them. Used by the realtime.messages policies.';

revoke execute on function public.realtime_topic_workspace(text) from public, anon;
grant execute on function public.realtime_topic_workspace(text) to authenticated, service_role;

-- Receive (join) on any of the app's channels: members of the topic's workspace, whatever their role.
create policy "Members receive their workspace's channels"
  on realtime.messages for select to authenticated
  using (
    realtime.messages.extension in ('broadcast', 'presence')
    and (select public.is_workspace_member(public.realtime_topic_workspace((select realtime.topic()))))
  );

-- Send (broadcast, track presence) only on board channels: members show up as viewers. The other channels only
-- carry postgres_changes, so nobody may write into them.
create policy "Members track presence and broadcast on their workspace's boards"
  on realtime.messages for insert to authenticated
  with check (
    realtime.messages.extension in ('broadcast', 'presence')
    and (select realtime.topic()) like 'board:%'
    and (select public.is_workspace_member(public.realtime_topic_workspace((select realtime.topic()))))
  );
