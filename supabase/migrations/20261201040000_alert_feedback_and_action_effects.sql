-- Alert quality (issue 10): why an alert was dismissed, and the estimated effect of every completed action.
-- A dismissal now carries a reason (wrong cause, expected change, noise); "wrong cause" and "noise" lower the
-- analysis' prior for that action type and metric in the workspace. action_effects keeps the counterfactual
-- estimate with its 95 % interval for every completed action, alerting or not, written by the analysis only.

alter table public.ai_alerts
  add column dismiss_reason text check (dismiss_reason in ('wrong_cause', 'expected_change', 'noise')),
  add constraint ai_alerts_dismiss_reason_only_when_dismissed check (dismiss_reason is null or status = 'dismissed');

-- A member dismissing an alert must say why (the analysis learns from it); the service role may do as it likes.
create function public.require_dismiss_reason()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if coalesce(auth.role(), '') = 'authenticated' and new.status = 'dismissed' and old.status <> 'dismissed'
     and new.dismiss_reason is null then
    raise exception 'Say why the alert is dismissed: wrong_cause, expected_change or noise' using errcode = '23514';
  end if;
  if new.status <> 'dismissed' then
    new.dismiss_reason := null;
  end if;
  return new;
end;
$$;

create trigger ai_alerts_require_dismiss_reason before update on public.ai_alerts
  for each row execute function public.require_dismiss_reason();

create table public.action_effects (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  action_id uuid not null references public.marketer_actions (id) on delete cascade,
  action_type text not null,
  metric text not null check (metric in ('sales', 'revenue', 'conversions', 'roas', 'cpa', 'clicks', 'impressions', 'spend')),
  change_pct numeric(8, 1) not null check (change_pct >= -100),
  lower_pct numeric(8, 1) not null check (lower_pct >= -100),
  upper_pct numeric(8, 1) not null,
  significant boolean not null,
  note text check (note is null or length(note) <= 500),
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  computed_at timestamptz not null default now(),
  constraint action_effects_interval_ordered check (lower_pct <= change_pct and change_pct <= upper_pct),
  constraint action_effects_one_per_action unique (action_id)
);
comment on table public.action_effects is 'Counterfactual effect of each completed action on its campaign''s outcome (pooled sales, revenue, conversions), with a 95 % interval; written by the analysis, read by members.';
create index action_effects_workspace_type_idx on public.action_effects (workspace_id, action_type, metric);
create index action_effects_campaign_id_idx on public.action_effects (campaign_id);

create trigger action_effects_01_set_workspace before insert or update of campaign_id, workspace_id on public.action_effects
  for each row execute function public.set_workspace_from_campaign();

alter table public.action_effects enable row level security;

create policy "Members can read their workspace's action effects" on public.action_effects
  for select to authenticated using (public.is_workspace_member(workspace_id));
-- Writes come from the analysis (service role) only: no client may invent or edit an effect.
create policy "Nobody but the analysis can add action effects" on public.action_effects
  for insert to authenticated with check (false);
create policy "Nobody but the analysis can change action effects" on public.action_effects
  for update to authenticated using (false);
create policy "Nobody but the analysis can delete action effects" on public.action_effects
  for delete to authenticated using (false);

alter publication supabase_realtime add table public.action_effects;
