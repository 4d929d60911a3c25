-- Cross-cutting behaviour: the audit log (every insert, update and delete on business tables, written
-- by a trigger), alerts that resolve themselves when the metric recovers, and the realtime publication.

create table public.audit_log (
  id bigint generated always as identity primary key,
  workspace_id uuid,
  table_name text not null,
  row_id uuid,
  action text not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
  actor uuid,
  actor_role text,
  old_values jsonb,
  new_values jsonb,
  created_at timestamptz not null default now()
);
comment on table public.audit_log is 'Who changed what and when on business tables, with old and new values; written only by trigger.';
create index audit_log_workspace_created_idx on public.audit_log (workspace_id, created_at desc);

create function public.write_audit_log()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
begin
  insert into public.audit_log (workspace_id, table_name, row_id, action, actor, actor_role, old_values, new_values)
  values (
    case when tg_table_name = 'workspaces' then (row_data ->> 'id')::uuid else (row_data ->> 'workspace_id')::uuid end,
    tg_table_name,
    (row_data ->> 'id')::uuid,
    tg_op,
    auth.uid(),
    coalesce(auth.role(), current_user),
    old_row,
    new_row
  );
  return null;
end;
$$;

do $$
declare
  audited text;
begin
  foreach audited in array array[
    'workspaces', 'workspace_members', 'campaigns', 'campaign_phases', 'feasibility_assessments',
    'marketer_actions', 'performance_snapshots', 'promo_codes', 'correlations', 'ai_alerts',
    'recommendations', 'recommendation_decisions'
  ] loop
    execute format(
      'create trigger %I after insert or update or delete on public.%I for each row execute function public.write_audit_log()',
      audited || '_write_audit_log', audited);
  end loop;
end;
$$;
-- tracking_events (raw, high-volume ingest, immutable) and analysis_runs (itself a log) are not audited.

alter table public.audit_log enable row level security;
create policy "Ops heads can read their workspace's audit log" on public.audit_log
  for select to authenticated using (public.has_workspace_role(workspace_id, array['admin', 'ops_head']));

-- An alert on a decline resolves itself once a later day's value is back within its tolerance of the
-- pre-change baseline (and one on a rise, once it falls back). The engine stores what to watch in
-- correlation_data.recovery = {metric, baseline, tolerance, direction: 'decrease'|'increase', after_date}.
create function public.resolve_recovered_alerts()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  alert record;
  observed numeric;
  recovery jsonb;
  baseline numeric;
  tolerance numeric;
begin
  for alert in
    select a.id, a.correlation_data -> 'recovery' as recovery
      from public.ai_alerts a
     where a.campaign_id = new.campaign_id and a.status = 'active'
       and a.correlation_data ? 'recovery'
  loop
    recovery := alert.recovery;
    continue when new.date <= (recovery ->> 'after_date')::date;
    observed := (to_jsonb(new) ->> (recovery ->> 'metric'))::numeric;
    baseline := (recovery ->> 'baseline')::numeric;
    tolerance := coalesce((recovery ->> 'tolerance')::numeric, 0.1);
    continue when observed is null or baseline is null or baseline <= 0;
    if (recovery ->> 'direction' = 'decrease' and observed >= baseline * (1 - tolerance))
       or (recovery ->> 'direction' = 'increase' and observed <= baseline * (1 + tolerance)) then
      update public.ai_alerts
         set status = 'resolved', resolved_at = now(),
             resolution_note = format('%s recovered to %s on %s, within %s%% of its %s baseline.',
               initcap(recovery ->> 'metric'), round(observed, 2), new.date, round(tolerance * 100), round(baseline, 2))
       where id = alert.id;
    end if;
  end loop;
  return null;
end;
$$;

create trigger performance_snapshots_resolve_recovered_alerts
  after insert or update on public.performance_snapshots
  for each row execute function public.resolve_recovered_alerts();

alter publication supabase_realtime add table
  public.marketer_actions, public.campaign_phases, public.ai_alerts, public.performance_snapshots,
  public.recommendations, public.campaigns;
