-- Alerts' bookkeeping fields belong to the database, not to whoever can update an alert. Found by attack (issue
-- "Hardening"): a marketer could set resolved_by and resolution_note, or set revert_action_id so the ops head's
-- one-click revert then failed ("already reverted"); and pointing revert_action_id/correlation_id at another
-- workspace's rows answered 23503 for ids that do not exist but succeeded for ones that do, revealing them.
--
-- Now a client's update may change an alert's status (resolve, dismiss, reopen) and write a resolution note (or a
-- dismissal's reason) only while resolving or dismissing it; resolved_by/resolved_at are set by the trigger, and the links
-- (correlation_id, trigger_action_id, revert_action_id) never change from a client: only revert_alert_action
-- (security definer) and the service role write them, and the database checks that every link stays inside the
-- alert's workspace, with one answer whether the id exists elsewhere or not at all.

create or replace function public.guard_alert_changes()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not public.is_client_write() then
    return new;
  end if;
  if (new.workspace_id, new.campaign_id, new.severity, new.title, new.description, new.correlation_data,
      new.suggested_action, new.confidence, new.source, new.finding_key, new.trigger_action_id, new.detected_at,
      new.correlation_id, new.revert_action_id, new.resolved_by, new.resolved_at, new.created_at)
     is distinct from
     (old.workspace_id, old.campaign_id, old.severity, old.title, old.description, old.correlation_data,
      old.suggested_action, old.confidence, old.source, old.finding_key, old.trigger_action_id, old.detected_at,
      old.correlation_id, old.revert_action_id, old.resolved_by, old.resolved_at, old.created_at) then
    raise exception 'Only an alert''s status and resolution note can be changed' using errcode = '42501';
  end if;
  if new.resolution_note is distinct from old.resolution_note
     and not (old.status = 'active' and new.status in ('resolved', 'dismissed')) then
    raise exception 'A resolution note is written while resolving or dismissing the alert' using errcode = '42501';
  end if;
  if new.dismiss_reason is distinct from old.dismiss_reason
     and not (old.status <> 'dismissed' and new.status = 'dismissed') then
    raise exception 'A dismissal''s reason is given while dismissing the alert' using errcode = '42501';
  end if;
  if new.status = 'dismissed' and old.status <> 'dismissed'
     and not public.has_workspace_role(new.workspace_id, array['admin', 'ops_head']) then
    raise exception 'Only an ops head or admin can dismiss alerts' using errcode = '42501';
  end if;
  if new.status <> old.status then
    new.resolved_at := case when new.status = 'active' then null else now() end;
    new.resolved_by := case when new.status = 'active' then null else (select auth.uid()) end;
    if new.status = 'active' then
      new.resolution_note := null;
    end if;
  end if;
  return new;
end;
$$;

-- Every link of an alert points inside its workspace. Named to fire after ai_alerts_guard_changes, so a client is
-- refused (42501) before any lookup could tell it whether an id exists.
create function public.check_alert_links_in_workspace()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.correlation_id is not null and (tg_op = 'INSERT' or new.correlation_id is distinct from old.correlation_id)
     and not exists (select 1 from public.correlations c where c.id = new.correlation_id and c.workspace_id = new.workspace_id) then
    raise exception 'An alert can only link rows of its own workspace' using errcode = '23503';
  end if;
  if new.trigger_action_id is not null and (tg_op = 'INSERT' or new.trigger_action_id is distinct from old.trigger_action_id)
     and not exists (select 1 from public.marketer_actions a where a.id = new.trigger_action_id and a.workspace_id = new.workspace_id) then
    raise exception 'An alert can only link rows of its own workspace' using errcode = '23503';
  end if;
  if new.revert_action_id is not null and (tg_op = 'INSERT' or new.revert_action_id is distinct from old.revert_action_id)
     and not exists (select 1 from public.marketer_actions a where a.id = new.revert_action_id and a.workspace_id = new.workspace_id) then
    raise exception 'An alert can only link rows of its own workspace' using errcode = '23503';
  end if;
  return new;
end;
$$;
revoke execute on function public.check_alert_links_in_workspace() from public, anon, authenticated;

create trigger ai_alerts_links_in_workspace before insert or update on public.ai_alerts
  for each row execute function public.check_alert_links_in_workspace();

-- The one-click revert writes revert_action_id and the note, which clients no longer may: it becomes a definer,
-- with its role check first and "not found" for anyone outside the workspace.
create or replace function public.revert_alert_action(p_alert_id uuid)
returns public.marketer_actions
language plpgsql security definer
set search_path = ''
as $$
declare
  alert public.ai_alerts;
  target uuid;
  reverting public.marketer_actions;
begin
  select * into alert from public.ai_alerts where id = p_alert_id;
  if alert.id is null or not public.is_workspace_member(alert.workspace_id) then
    raise exception 'Alert not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(alert.workspace_id, array['admin', 'ops_head', 'marketer']) then
    raise exception 'Viewers cannot revert actions' using errcode = '42501';
  end if;
  select * into alert from public.ai_alerts where id = p_alert_id for update;
  if alert.status <> 'active' then
    raise exception 'Only an active alert can be acted on' using errcode = '22023';
  end if;
  if alert.revert_action_id is not null then
    raise exception 'This alert''s action has already been reverted' using errcode = '22023';
  end if;
  if coalesce(alert.suggested_action ->> 'type', '') <> 'revert' then
    raise exception 'This alert suggests no revert' using errcode = '22023';
  end if;
  target := coalesce((alert.suggested_action ->> 'target_action_id')::uuid, alert.trigger_action_id);
  if target is null or not exists (select 1 from public.marketer_actions a
                                    where a.id = target and a.workspace_id = alert.workspace_id) then
    raise exception 'This alert names no action of its workspace to revert' using errcode = '22023';
  end if;

  reverting := public.revert_action_card(target);

  update public.ai_alerts
     set revert_action_id = reverting.id,
         resolution_note = left('Reverted by "' || reverting.title || '"; resolves once ' ||
           coalesce(alert.correlation_data -> 'recovery' ->> 'metric', 'the metric') || ' recovers.', 2000)
   where id = p_alert_id;
  return reverting;
end;
$$;
revoke execute on function public.revert_alert_action(uuid) from public, anon;
grant execute on function public.revert_alert_action(uuid) to authenticated, service_role;
