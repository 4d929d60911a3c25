-- The Meta sync's job log: one row per sync of one connection, with what it fetched, wrote and skipped (and why),
-- how often it paused for Meta's usage headers or retried, and its progress while running (published to realtime,
-- so the "Sync now" button can show it). Written by the sync-meta function (service role); members read it.
-- Also schedules the sync hourly with pg_cron + pg_net where present (hosted Supabase), like the analysis; the local
-- stack runs its own timer instead.

create table public.meta_sync_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid references public.meta_connections (id) on delete set null,
  campaign_ids uuid[] not null default '{}',
  trigger text not null check (trigger in ('manual', 'schedule', 'connect', 'cli')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'partial', 'failed')),
  stage text check (stage is null or length(stage) <= 200),
  progress integer not null default 0 check (progress between 0 and 100),
  since date,
  until date,
  requests integer not null default 0 check (requests >= 0),
  rows_fetched integer not null default 0 check (rows_fetched >= 0),
  snapshots_written integer not null default 0 check (snapshots_written >= 0),
  snapshots_unchanged integer not null default 0 check (snapshots_unchanged >= 0),
  snapshots_quarantined integer not null default 0 check (snapshots_quarantined >= 0),
  activities_fetched integer not null default 0 check (activities_fetched >= 0),
  cards_created integer not null default 0 check (cards_created >= 0),
  cards_already_imported integer not null default 0 check (cards_already_imported >= 0),
  throttle_pauses integer not null default 0 check (throttle_pauses >= 0),
  throttle_wait_ms integer not null default 0 check (throttle_wait_ms >= 0),
  retries integer not null default 0 check (retries >= 0),
  async_reports integer not null default 0 check (async_reports >= 0),
  skipped jsonb not null default '[]'::jsonb check (jsonb_typeof(skipped) = 'array'),
  error text check (error is null or length(error) <= 2000),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  created_by uuid references auth.users (id) on delete set null
);
comment on table public.meta_sync_runs is 'Job log of the Meta sync: per run, the days and campaigns asked for, rows fetched, snapshots and cards written, what was skipped and why, pauses, retries and errors.';
create index meta_sync_runs_workspace_started_idx on public.meta_sync_runs (workspace_id, started_at desc);
create index meta_sync_runs_connection_id_idx on public.meta_sync_runs (connection_id);
create index meta_sync_runs_created_by_idx on public.meta_sync_runs (created_by);

alter table public.meta_sync_runs enable row level security;

create policy "Members can read their workspace's Meta sync runs" on public.meta_sync_runs
  for select to authenticated using (public.is_workspace_member(workspace_id));
-- No write policies: only the sync (service role) writes its log.

alter publication supabase_realtime add table public.meta_sync_runs, public.meta_connections;

do $migration$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron')
     and exists (select 1 from pg_available_extensions where name = 'pg_net') then
    execute 'create extension if not exists pg_cron with schema pg_catalog';
    execute 'create extension if not exists pg_net with schema extensions';
    perform cron.unschedule(jobid) from cron.job where jobname = 'sync-meta-hourly';
    perform cron.schedule(
      'sync-meta-hourly',
      '17 * * * *',
      $job$
        select net.http_post(
          url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/sync-meta',
          headers := jsonb_build_object(
            'Content-Type', 'application/json',
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')
          ),
          body := jsonb_build_object('trigger', 'schedule'),
          timeout_milliseconds := 300000
        );
      $job$
    );
  end if;
end;
$migration$;
