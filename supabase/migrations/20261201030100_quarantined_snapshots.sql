-- Quarantine for daily rows that fail the data-quality checks (seed 003 §6.2: "outlier detection with quarantine
-- queues"): negative values, clicks above impressions, conversions above clicks, a future date, an outlier far
-- outside the campaign's history. The row is kept with its reasons instead of being dropped, so an admin can fix
-- it (edit → re-validate → written to performance_snapshots) or discard it; a good row arriving later for the same
-- day supersedes it. Whoever may record snapshots may quarantine a row (the CSV import runs as the user); only
-- admins resolve one.

create table public.quarantined_snapshots (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  date date not null,
  data_source text not null check (data_source ~ '^[a-z][a-z0-9_]{1,39}$'),
  metrics jsonb not null check (jsonb_typeof(metrics) = 'object'),
  reasons jsonb not null check (jsonb_typeof(reasons) = 'array' and jsonb_array_length(reasons) > 0),
  status text not null default 'open' check (status in ('open', 'fixed', 'discarded', 'superseded')),
  run_id text check (run_id is null or length(run_id) <= 200),
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  resolved_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quarantined_snapshots_resolution check ((status = 'open') = (resolved_at is null))
);
comment on table public.quarantined_snapshots is 'Daily performance rows that failed the data-quality checks, with their reasons, until an admin fixes or discards them.';
create index quarantined_snapshots_workspace_status_idx on public.quarantined_snapshots (workspace_id, status, date desc);
create index quarantined_snapshots_campaign_idx on public.quarantined_snapshots (campaign_id, date, data_source);
create unique index quarantined_snapshots_one_open_per_day on public.quarantined_snapshots (campaign_id, date, data_source)
  where status = 'open';
create index quarantined_snapshots_created_by_idx on public.quarantined_snapshots (created_by);
create index quarantined_snapshots_resolved_by_idx on public.quarantined_snapshots (resolved_by);

create trigger quarantined_snapshots_01_set_workspace before insert or update of campaign_id, workspace_id on public.quarantined_snapshots
  for each row execute function public.set_workspace_from_campaign();
create trigger quarantined_snapshots_set_updated_at before update on public.quarantined_snapshots
  for each row execute function public.set_updated_at();
create trigger quarantined_snapshots_write_audit_log after insert or update or delete on public.quarantined_snapshots
  for each row execute function public.write_audit_log();

-- Resolving stamps who and when, so the client cannot forge either.
create function public.stamp_quarantine_resolution()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status <> 'open' and old.status = 'open' then
    new.resolved_at := now();
    new.resolved_by := (select auth.uid());
  elsif new.status = 'open' then
    new.resolved_at := null;
    new.resolved_by := null;
  end if;
  return new;
end;
$$;
create trigger quarantined_snapshots_02_stamp_resolution before update on public.quarantined_snapshots
  for each row execute function public.stamp_quarantine_resolution();

-- A good row that later arrives for the same campaign, day and source (a corrected CSV, Meta's restated figures)
-- supersedes the quarantined version, whoever wrote it: the entry must not wait for an admin to discard it.
create function public.supersede_quarantined_snapshots()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.quarantined_snapshots q
     set status = 'superseded'
   where q.campaign_id = new.campaign_id and q.date = new.date and q.data_source = new.data_source and q.status = 'open';
  return null;
end;
$$;
create trigger performance_snapshots_supersede_quarantine after insert or update of sales, revenue, spend, impressions, clicks, conversions, engagement, reach, link_clicks, leads, add_to_carts, roas, cpa, ctr, cpm
  on public.performance_snapshots
  for each row execute function public.supersede_quarantined_snapshots();

alter table public.quarantined_snapshots enable row level security;

create policy "Members can read their workspace's quarantined rows" on public.quarantined_snapshots
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can quarantine rows" on public.quarantined_snapshots
  for insert to authenticated
  with check (status = 'open' and public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Admins can fix or discard quarantined rows" on public.quarantined_snapshots
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']))
  with check (public.has_workspace_role(workspace_id, array['admin']));
create policy "Admins can delete quarantined rows" on public.quarantined_snapshots
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']));

alter publication supabase_realtime add table public.quarantined_snapshots;
