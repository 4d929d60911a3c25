-- Campaign data from several sources (issue 9): the workspace's time zone (website days are the workspace's
-- calendar days) and attribution model, the utm_campaign a campaign answers to, the metrics Meta and CSV exports
-- report beyond the first schema (reach, link clicks, leads, add-to-carts, CTR, CPM), and data sources named by
-- the importer ('csv', 'google_ads', 'tiktok', …) instead of a closed list.
-- A metric a source does not report is null, not 0: the website knows sales but not impressions, and "which source
-- counts" (domain/metric-sources.ts) reads null as "not reported here".

create function public.is_time_zone(tz text)
returns boolean
language sql stable
set search_path = ''
as $$
  select tz is not null and exists (select 1 from pg_catalog.pg_timezone_names n where n.name = tz);
$$;
comment on function public.is_time_zone(text) is 'Whether tz is an IANA time zone name Postgres knows (e.g. Europe/Berlin).';

alter table public.workspaces
  add column if not exists time_zone text not null default 'UTC',
  add column if not exists attribution_model text not null default 'last_touch';
alter table public.workspaces
  add constraint workspaces_time_zone_is_iana check (public.is_time_zone(time_zone)),
  add constraint workspaces_attribution_model_known check (
    attribution_model in ('first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'));
comment on column public.workspaces.time_zone is 'IANA time zone whose calendar days the website roll-up counts in.';
comment on column public.workspaces.attribution_model is 'How a website conversion''s value is split between the campaigns the visitor touched.';

alter table public.campaigns
  add column if not exists utm_campaign text check (utm_campaign is null or length(btrim(utm_campaign)) between 1 and 128);
comment on column public.campaigns.utm_campaign is 'The utm_campaign value of this campaign''s ad links; website visits landing with it count for the campaign (case-insensitive).';
create unique index if not exists campaigns_utm_campaign_per_workspace on public.campaigns (workspace_id, lower(utm_campaign))
  where utm_campaign is not null;

alter table public.performance_snapshots
  add column if not exists reach bigint check (reach is null or reach >= 0),
  add column if not exists link_clicks bigint check (link_clicks is null or link_clicks >= 0),
  add column if not exists leads integer check (leads is null or leads >= 0),
  add column if not exists add_to_carts integer check (add_to_carts is null or add_to_carts >= 0),
  add column if not exists ctr numeric(8, 4) check (ctr is null or ctr >= 0),
  add column if not exists cpm numeric(14, 4) check (cpm is null or cpm >= 0),
  add column if not exists updated_at timestamptz not null default now();
-- An earlier migration may have created some of these as "not null default 0": here a missing figure is null.
alter table public.performance_snapshots
  alter column reach drop not null, alter column reach drop default,
  alter column link_clicks drop not null, alter column link_clicks drop default,
  alter column leads drop not null, alter column leads drop default,
  alter column add_to_carts drop not null, alter column add_to_carts drop default;
comment on column public.performance_snapshots.ctr is 'Click-through rate in percent (clicks ÷ impressions × 100), as the source reports it.';
comment on column public.performance_snapshots.cpm is 'Cost per 1,000 impressions, in the campaign''s currency.';

alter table public.performance_snapshots
  alter column sales drop not null,
  alter column revenue drop not null,
  alter column spend drop not null,
  alter column impressions drop not null,
  alter column clicks drop not null,
  alter column conversions drop not null,
  alter column engagement drop not null;

-- Whatever closed list an earlier migration put on data_source (whatever its name), it gives way to the pattern.
do $drop$
declare
  c record;
begin
  for c in
    select con.conname from pg_catalog.pg_constraint con
     where con.conrelid = 'public.performance_snapshots'::regclass and con.contype = 'c'
       and pg_catalog.pg_get_constraintdef(con.oid) like '%data_source%'
  loop
    execute format('alter table public.performance_snapshots drop constraint %I', c.conname);
  end loop;
end;
$drop$;
alter table public.performance_snapshots
  add constraint performance_snapshots_data_source_named check (data_source ~ '^[a-z][a-z0-9_]{1,39}$');

create trigger performance_snapshots_set_updated_at before update on public.performance_snapshots
  for each row execute function public.set_updated_at();
