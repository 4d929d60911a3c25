-- One-click revert from an alert: the reverting card is created (previous and new state swapped, linked to the
-- original, original moved to Reverted) and the alert remembers that card, in one transaction, so an alert can
-- never point at a revert that did not happen nor be reverted twice. The alert stays active until the metric
-- recovers (resolve_recovered_alerts) or someone resolves it.

create function public.revert_alert_action(p_alert_id uuid)
returns public.marketer_actions
language plpgsql
set search_path = ''
as $$
declare
  alert public.ai_alerts;
  target uuid;
  reverting public.marketer_actions;
begin
  select * into alert from public.ai_alerts where id = p_alert_id;
  if alert.id is null then
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
  if target is null then
    raise exception 'This alert names no action to revert' using errcode = '22023';
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

comment on function public.revert_alert_action(uuid) is 'Executes an alert''s suggested revert: creates the reverting card, moves the original to Reverted and links the card to the alert.';
grant execute on function public.revert_alert_action(uuid) to authenticated, service_role;
