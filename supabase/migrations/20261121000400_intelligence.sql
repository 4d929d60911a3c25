-- What the system concludes: correlations between actions and metric changes, AI alerts with their
-- one-click fix, rule-based recommendations and the decisions taken on them, and a log of every
-- analysis run. These rows are written by edge functions and scripts with the service role (after
-- checking the caller's membership); members read them, and ops heads act on alerts and recommendations.

create table public.correlations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  action_id uuid not null references public.marketer_actions (id) on delete cascade,
  metric text not null check (metric in ('sales', 'revenue', 'spend', 'roas', 'cpa', 'impressions', 'clicks', 'conversions', 'engagement')),
  change_pct numeric(10, 2) not null,
  lag_hours numeric(8, 2) check (lag_hours is null or lag_hours >= 0),
  strength text not null check (strength in ('strong', 'moderate', 'weak')),
  confidence numeric(4, 3) not null check (confidence between 0 and 1),
  method text not null check (method in ('rules', 'llm')),
  insight text check (insight is null or length(insight) <= 2000),
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  finding_key text not null,
  detected_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint correlations_unique_finding unique (campaign_id, finding_key)
);
comment on table public.correlations is 'An action linked to a metric change: size, lag, strength, confidence and the counterfactual behind it.';
create index correlations_workspace_id_idx on public.correlations (workspace_id);
create index correlations_action_id_idx on public.correlations (action_id);

create trigger correlations_01_set_workspace before insert or update of campaign_id, workspace_id on public.correlations
  for each row execute function public.set_workspace_from_campaign();
create trigger correlations_set_updated_at before update on public.correlations
  for each row execute function public.set_updated_at();

create table public.ai_alerts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  correlation_id uuid references public.correlations (id) on delete set null,
  trigger_action_id uuid references public.marketer_actions (id) on delete set null,
  severity text not null check (severity in ('high', 'medium', 'low')),
  title text not null check (length(title) between 1 and 200),
  description text check (description is null or length(description) <= 2000),
  detected_at timestamptz not null default now(),
  correlation_data jsonb not null default '{}'::jsonb check (jsonb_typeof(correlation_data) = 'object'),
  suggested_action jsonb check (suggested_action is null or jsonb_typeof(suggested_action) = 'object'),
  status text not null default 'active' check (status in ('active', 'resolved', 'dismissed')),
  confidence numeric(4, 3) not null check (confidence between 0 and 1),
  source text not null check (source in ('rules', 'llm')),
  finding_key text not null,
  revert_action_id uuid references public.marketer_actions (id) on delete set null,
  resolved_at timestamptz,
  resolved_by uuid references auth.users (id) on delete set null,
  resolution_note text check (resolution_note is null or length(resolution_note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ai_alerts_unique_finding unique (campaign_id, finding_key),
  constraint ai_alerts_resolution_consistent check ((status = 'active') = (resolved_at is null))
);
comment on table public.ai_alerts is 'Alerts raised from correlations (rules, optionally rewritten by the LLM), with the suggested one-click fix and their lifecycle.';
create index ai_alerts_workspace_status_idx on public.ai_alerts (workspace_id, status, detected_at desc);
create index ai_alerts_trigger_action_id_idx on public.ai_alerts (trigger_action_id);

create trigger ai_alerts_01_set_workspace before insert or update of campaign_id, workspace_id on public.ai_alerts
  for each row execute function public.set_workspace_from_campaign();
create trigger ai_alerts_set_updated_at before update on public.ai_alerts
  for each row execute function public.set_updated_at();

-- Members may only change an alert's lifecycle (status, resolution), never what it says; dismissing
-- is for ops heads. The service role (analysis) may change anything.
create function public.guard_alert_changes()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if coalesce(auth.role(), '') <> 'authenticated' then
    return new;
  end if;
  if (new.workspace_id, new.campaign_id, new.severity, new.title, new.description, new.correlation_data,
      new.suggested_action, new.confidence, new.source, new.finding_key, new.trigger_action_id, new.detected_at)
     is distinct from
     (old.workspace_id, old.campaign_id, old.severity, old.title, old.description, old.correlation_data,
      old.suggested_action, old.confidence, old.source, old.finding_key, old.trigger_action_id, old.detected_at) then
    raise exception 'Only an alert''s status and resolution can be changed' using errcode = '42501';
  end if;
  if new.status = 'dismissed' and old.status <> 'dismissed'
     and not public.has_workspace_role(new.workspace_id, array['admin', 'ops_head']) then
    raise exception 'Only an ops head or admin can dismiss alerts' using errcode = '42501';
  end if;
  if new.status <> old.status then
    new.resolved_at := case when new.status = 'active' then null else now() end;
    new.resolved_by := case when new.status = 'active' then null else (select auth.uid()) end;
  end if;
  return new;
end;
$$;

create trigger ai_alerts_guard_changes before update on public.ai_alerts
  for each row execute function public.guard_alert_changes();

create table public.recommendations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid references public.campaigns (id) on delete cascade,
  kind text not null check (kind in (
    'budget_reallocation', 'extend_phase', 'reduce_assets', 'parallelize_approvals', 'revert_change',
    'fix_tracking', 'shift_launch', 'other')),
  title text not null check (length(title) between 1 and 200),
  rationale text check (rationale is null or length(rationale) <= 4000),
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  score numeric(6, 3) check (score is null or score between 0 and 1),
  status text not null default 'open' check (status in ('open', 'accepted', 'rejected', 'rolled_back')),
  source text not null default 'rules' check (source in ('rules', 'llm')),
  recommendation_key text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint recommendations_unique_key unique (workspace_id, recommendation_key)
);
comment on table public.recommendations is 'Rule-based recommendations (budget reallocation under constraints, timeline fixes, reverts) awaiting a decision.';
create index recommendations_campaign_id_idx on public.recommendations (campaign_id);

create trigger recommendations_01_set_workspace before insert or update of campaign_id, workspace_id on public.recommendations
  for each row execute function public.set_workspace_from_campaign();
create trigger recommendations_set_updated_at before update on public.recommendations
  for each row execute function public.set_updated_at();

create table public.recommendation_decisions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  recommendation_id uuid not null references public.recommendations (id) on delete cascade,
  decision text not null check (decision in ('accepted', 'rejected', 'rolled_back')),
  note text check (note is null or length(note) <= 2000),
  outcome jsonb not null default '{}'::jsonb check (jsonb_typeof(outcome) = 'object'),
  decided_by uuid references auth.users (id) on delete set null default auth.uid(),
  decided_at timestamptz not null default now()
);
comment on table public.recommendation_decisions is 'The decision log: who accepted, rejected or rolled back a recommendation, when, and what followed.';
create index recommendation_decisions_workspace_id_idx on public.recommendation_decisions (workspace_id);
create index recommendation_decisions_recommendation_id_idx on public.recommendation_decisions (recommendation_id);

create function public.set_workspace_from_recommendation()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  select r.workspace_id into new.workspace_id from public.recommendations r where r.id = new.recommendation_id;
  if new.workspace_id is null then
    raise exception 'Unknown recommendation %', new.recommendation_id using errcode = '23503';
  end if;
  return new;
end;
$$;

create trigger recommendation_decisions_01_set_workspace before insert or update on public.recommendation_decisions
  for each row execute function public.set_workspace_from_recommendation();

-- Deciding on a recommendation is one call: the decision is logged and the recommendation's status follows.
create function public.decide_recommendation(p_recommendation_id uuid, p_decision text, p_note text default null)
returns public.recommendation_decisions
language plpgsql
set search_path = ''
as $$
declare
  rec public.recommendations;
  result public.recommendation_decisions;
begin
  if p_decision not in ('accepted', 'rejected', 'rolled_back') then
    raise exception 'Decision must be accepted, rejected or rolled_back' using errcode = '22023';
  end if;
  select * into rec from public.recommendations where id = p_recommendation_id;
  if rec.id is null then
    raise exception 'Recommendation not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(rec.workspace_id, array['admin', 'ops_head']) then
    raise exception 'Only an ops head or admin can decide on recommendations' using errcode = '42501';
  end if;
  select * into rec from public.recommendations where id = p_recommendation_id for update;
  if p_decision = 'rolled_back' and rec.status <> 'accepted' then
    raise exception 'Only an accepted recommendation can be rolled back' using errcode = '22023';
  end if;
  insert into public.recommendation_decisions (recommendation_id, decision, note)
  values (p_recommendation_id, p_decision, p_note)
  returning * into result;
  update public.recommendations set status = p_decision where id = p_recommendation_id;
  return result;
end;
$$;

create table public.analysis_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid references public.workspaces (id) on delete cascade,
  campaign_ids uuid[] not null default '{}',
  trigger text not null check (trigger in ('manual', 'schedule', 'cli', 'seed')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  correlations_written integer not null default 0 check (correlations_written >= 0),
  alerts_written integer not null default 0 check (alerts_written >= 0),
  alerts_resolved integer not null default 0 check (alerts_resolved >= 0),
  model text,
  llm_outcome text,
  prompt_tokens integer check (prompt_tokens is null or prompt_tokens >= 0),
  completion_tokens integer check (completion_tokens is null or completion_tokens >= 0),
  latency_ms integer check (latency_ms is null or latency_ms >= 0),
  error text,
  created_by uuid references auth.users (id) on delete set null
);
comment on table public.analysis_runs is 'The job log: every correlation analysis, its scope, what it wrote, and the LLM call''s model, tokens, latency and outcome.';
create index analysis_runs_workspace_started_idx on public.analysis_runs (workspace_id, started_at desc);

alter table public.correlations enable row level security;
alter table public.ai_alerts enable row level security;
alter table public.recommendations enable row level security;
alter table public.recommendation_decisions enable row level security;
alter table public.analysis_runs enable row level security;

create policy "Members can read their workspace's correlations" on public.correlations
  for select to authenticated using (public.is_workspace_member(workspace_id));

create policy "Members can read their workspace's alerts" on public.ai_alerts
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can update alert status" on public.ai_alerts
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));

create policy "Members can read their workspace's recommendations" on public.recommendations
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Ops heads can update recommendations" on public.recommendations
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head']));

create policy "Members can read their workspace's recommendation decisions" on public.recommendation_decisions
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Ops heads can record recommendation decisions" on public.recommendation_decisions
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head'])
              and decided_by = (select auth.uid()));

create policy "Members can read their workspace's analysis runs" on public.analysis_runs
  for select to authenticated using (public.is_workspace_member(workspace_id));
