-- Campaign intent and execution: campaigns (intent, success definition, decision gate), their phases
-- (blueprint and actual execution) and feasibility assessments. Child rows carry workspace_id, copied
-- from their campaign by a trigger, so policies and realtime filters need no joins.

create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  objective text not null check (objective in ('sales', 'leads', 'awareness')),
  industry text check (industry is null or length(industry) <= 80),
  budget numeric(14, 2) check (budget is null or budget >= 0),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  audience jsonb not null default '{}'::jsonb check (jsonb_typeof(audience) = 'object'),
  platform text not null default 'meta' check (platform in ('meta', 'google', 'tiktok', 'multi')),
  ad_link text check (ad_link is null or ad_link ~ '^https?://'),
  meta_pixel_id text check (meta_pixel_id is null or meta_pixel_id ~ '^[0-9]{6,20}$'),
  ads_account_id text check (ads_account_id is null or ads_account_id ~ '^(act_)?[0-9]{6,20}$'),
  website_tracking boolean not null default false,
  promo_tracking boolean not null default false,
  keywords text[] not null default '{}',
  primary_kpi text check (primary_kpi is null or primary_kpi in ('sales', 'roas', 'cpa', 'engagement')),
  kpi_target numeric(14, 4) check (kpi_target is null or kpi_target > 0),
  kpi_window_days integer check (kpi_window_days is null or kpi_window_days between 1 and 365),
  planned_launch date,
  peak_start date,
  peak_end date,
  status text not null default 'draft' check (status in ('draft', 'planned', 'active', 'completed', 'paused')),
  decision text check (decision is null or decision in ('proceed', 'adjust', 'pause')),
  decision_note text check (decision_note is null or length(decision_note) <= 2000),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaigns_peak_window_valid check (peak_end is null or peak_start is null or peak_end >= peak_start)
);
comment on table public.campaigns is 'Campaign intent: objective, budget, audience, tracking, success definition, decision gate.';
create index campaigns_workspace_id_idx on public.campaigns (workspace_id);

create trigger campaigns_set_updated_at before update on public.campaigns
  for each row execute function public.set_updated_at();

-- Only ops heads and admins set the decision gate; a campaign never changes workspace.
create function public.guard_campaign_changes()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.workspace_id <> old.workspace_id then
    raise exception 'A campaign cannot move to another workspace' using errcode = '42501';
  end if;
  if coalesce(auth.role(), '') = 'authenticated'
     and (tg_op = 'INSERT' and new.decision is not null
          or tg_op = 'UPDATE' and (new.decision is distinct from old.decision
                                   or new.decided_by is distinct from old.decided_by))
     and not public.has_workspace_role(new.workspace_id, array['admin', 'ops_head']) then
    raise exception 'Only an ops head or admin can set the decision gate' using errcode = '42501';
  end if;
  return new;
end;
$$;

create trigger campaigns_guard_changes before insert or update on public.campaigns
  for each row execute function public.guard_campaign_changes();

-- Child rows take their workspace from their campaign; a client can never point them elsewhere.
-- Triggers fire in name order, hence the numeric prefixes where order matters.
create function public.set_workspace_from_campaign()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  campaign_workspace uuid;
begin
  if new.campaign_id is null then
    if new.workspace_id is null then
      raise exception 'workspace_id or campaign_id is required' using errcode = '23502';
    end if;
    return new;
  end if;
  select c.workspace_id into campaign_workspace from public.campaigns c where c.id = new.campaign_id;
  if campaign_workspace is null then
    raise exception 'Unknown campaign %', new.campaign_id using errcode = '23503';
  end if;
  new.workspace_id := campaign_workspace;
  return new;
end;
$$;

create table public.campaign_phases (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 60),
  position integer not null check (position >= 0),
  planned_start date,
  planned_days integer not null check (planned_days > 0 and planned_days <= 365),
  actual_start timestamptz,
  actual_end timestamptz,
  required_assets integer not null default 0 check (required_assets >= 0),
  delivered_assets integer not null default 0 check (delivered_assets >= 0),
  approvals_planned integer not null default 0 check (approvals_planned >= 0),
  approvals_actual integer not null default 0 check (approvals_actual >= 0),
  teams text[] not null default '{}',
  tools text[] not null default '{}',
  notes text check (notes is null or length(notes) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaign_phases_end_after_start check (
    actual_end is null or (actual_start is not null and actual_end >= actual_start)
  ),
  constraint campaign_phases_unique_name unique (campaign_id, name),
  constraint campaign_phases_unique_position unique (campaign_id, position) deferrable initially deferred
);
comment on table public.campaign_phases is 'Execution blueprint per phase (planned days, assets, approvals, teams) and its actual start/end.';
create index campaign_phases_workspace_id_idx on public.campaign_phases (workspace_id);

create trigger campaign_phases_01_set_workspace before insert or update of campaign_id, workspace_id on public.campaign_phases
  for each row execute function public.set_workspace_from_campaign();
create trigger campaign_phases_set_updated_at before update on public.campaign_phases
  for each row execute function public.set_updated_at();

create table public.feasibility_assessments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  score integer not null check (score between 0 and 100),
  risks jsonb not null default '[]'::jsonb check (jsonb_typeof(risks) = 'array'),
  benchmarks jsonb not null default '[]'::jsonb check (jsonb_typeof(benchmarks) = 'array'),
  recommended_decision text not null check (recommended_decision in ('proceed', 'adjust', 'pause')),
  prescriptions jsonb not null default '[]'::jsonb check (jsonb_typeof(prescriptions) = 'array'),
  similar_campaigns jsonb not null default '[]'::jsonb check (jsonb_typeof(similar_campaigns) = 'array'),
  decision text check (decision is null or decision in ('proceed', 'adjust', 'pause')),
  decision_note text check (decision_note is null or length(decision_note) <= 2000),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
comment on table public.feasibility_assessments is 'Each pre-launch feasibility score with its risks, benchmark comparison, proposed gate and the confirmed decision.';
create index feasibility_assessments_workspace_id_idx on public.feasibility_assessments (workspace_id);
create index feasibility_assessments_campaign_id_idx on public.feasibility_assessments (campaign_id, created_at desc);

create trigger feasibility_assessments_01_set_workspace before insert or update of campaign_id, workspace_id on public.feasibility_assessments
  for each row execute function public.set_workspace_from_campaign();

-- The decision gate: an ops head confirms or overrides the proposed gate. One atomic call records the
-- choice on the assessment and on the campaign, with who made it.
create function public.set_decision_gate(p_assessment_id uuid, p_decision text, p_note text default null)
returns public.campaigns
language plpgsql
set search_path = ''
as $$
declare
  assessment public.feasibility_assessments;
  result public.campaigns;
begin
  if p_decision not in ('proceed', 'adjust', 'pause') then
    raise exception 'Decision must be proceed, adjust or pause' using errcode = '22023';
  end if;
  select * into assessment from public.feasibility_assessments where id = p_assessment_id;
  if assessment.id is null then
    raise exception 'Assessment not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(assessment.workspace_id, array['admin', 'ops_head']) then
    raise exception 'Only an ops head or admin can set the decision gate' using errcode = '42501';
  end if;
  update public.feasibility_assessments
     set decision = p_decision, decision_note = p_note, decided_by = (select auth.uid()), decided_at = now()
   where id = p_assessment_id;
  update public.campaigns
     set decision = p_decision, decision_note = p_note, decided_by = (select auth.uid()), decided_at = now(),
         status = case
           when p_decision = 'proceed' and status = 'draft' then 'planned'
           when p_decision = 'pause' then 'paused'
           else status end
   where id = assessment.campaign_id
  returning * into result;
  return result;
end;
$$;

alter table public.campaigns enable row level security;
alter table public.campaign_phases enable row level security;
alter table public.feasibility_assessments enable row level security;

create policy "Members can read their workspace's campaigns" on public.campaigns
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can create campaigns" on public.campaigns
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can update campaigns" on public.campaigns
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Ops heads can delete campaigns" on public.campaigns
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head']));

create policy "Members can read their workspace's phases" on public.campaign_phases
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can add phases" on public.campaign_phases
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can update phases" on public.campaign_phases
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can remove phases" on public.campaign_phases
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));

create policy "Members can read their workspace's assessments" on public.feasibility_assessments
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can record assessments" on public.feasibility_assessments
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Ops heads can record decisions on assessments" on public.feasibility_assessments
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head']));
