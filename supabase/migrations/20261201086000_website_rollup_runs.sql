-- The website roll-up's job log: one row per roll-up of one workspace (after an ingest, on the hourly schedule, or
-- when a member asks), with the days it recounted, the snapshots it wrote, left unchanged or quarantined, and the
-- conversions that reached no campaign (no utm_campaign, campaign_id or promo code matched) or were in another
-- currency. Without it a marketer whose purchases carry a wrong utm_campaign only saw zero website sales.
-- Written by the functions with the service role (sources/website/rollup-run-log.ts), which keeps each workspace's
-- newest 500 runs; members read it. Not in the realtime publication: the Data page reads the
-- latest run when it opens.

create table public.website_rollup_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  trigger text not null check (trigger in ('ingest', 'schedule', 'manual')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  days date[] not null default '{}' check (cardinality(days) <= 400),
  rows_written integer not null default 0 check (rows_written >= 0),
  rows_unchanged integer not null default 0 check (rows_unchanged >= 0),
  rows_quarantined integer not null default 0 check (rows_quarantined >= 0),
  unattributed integer not null default 0 check (unattributed >= 0),
  other_currency integer not null default 0 check (other_currency >= 0),
  error text check (error is null or length(error) <= 2000),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  constraint website_rollup_runs_finished_check check ((status = 'running') = (finished_at is null))
);
comment on table public.website_rollup_runs is 'Job log of the website roll-up: per run, its trigger, the days recounted, snapshots written, unchanged and quarantined, conversions that reached no campaign or were in another currency, and the error of a failed run.';
comment on column public.website_rollup_runs.unattributed is 'Website conversions on the run''s days that no campaign claimed: their utm_campaign matched no campaign and they carried no campaign_id or known promo code.';
create index website_rollup_runs_workspace_started_idx on public.website_rollup_runs (workspace_id, started_at desc);

alter table public.website_rollup_runs enable row level security;

create policy "Members can read their workspace's website roll-up runs" on public.website_rollup_runs
  for select to authenticated using (workspace_id in (select public.member_workspace_ids()));
-- No write policies: only the functions (service role) write the log.
