-- Meta ids on campaigns (read from the ad link by the wizard), imported action cards (Meta's activity log) and the
-- extra daily metrics Meta reports. A card imported from Meta carries its source and the event's external id, unique
-- per workspace, so an event becomes one card however often the sync runs; clients can only create manual cards.
-- Snapshot columns are `add column if not exists` because the sources work (CSV, website roll-up) may add them too.

alter table public.campaigns
  add column meta_campaign_ids text[] not null default '{}'
    check (cardinality(meta_campaign_ids) <= 50 and array_to_string(meta_campaign_ids, ',') ~ '^([0-9]{6,20}(,[0-9]{6,20})*)?$'),
  add column meta_adset_ids text[] not null default '{}'
    check (cardinality(meta_adset_ids) <= 50 and array_to_string(meta_adset_ids, ',') ~ '^([0-9]{6,20}(,[0-9]{6,20})*)?$'),
  add column meta_ad_ids text[] not null default '{}'
    check (cardinality(meta_ad_ids) <= 50 and array_to_string(meta_ad_ids, ',') ~ '^([0-9]{6,20}(,[0-9]{6,20})*)?$');

alter table public.marketer_actions
  add column source text not null default 'manual' check (source in ('manual', 'meta')),
  add column external_id text check (external_id is null or length(external_id) between 1 and 200),
  add column external_url text check (external_url is null or external_url ~ '^https://'),
  add column actor_name text check (actor_name is null or length(actor_name) <= 200),
  add constraint marketer_actions_one_per_external_event unique (workspace_id, source, external_id);

-- Users log manual cards; only the import (service role) writes source, external id and actor.
create function public.guard_imported_card_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if coalesce(auth.role(), '') = 'authenticated' and (
       (tg_op = 'INSERT' and (new.source <> 'manual' or new.external_id is not null or new.actor_name is not null))
    or (tg_op = 'UPDATE' and (new.source is distinct from old.source or new.external_id is distinct from old.external_id
                               or new.actor_name is distinct from old.actor_name or new.external_url is distinct from old.external_url))) then
    raise exception 'Imported card fields are set by the import only' using errcode = '42501';
  end if;
  return new;
end;
$$;

create trigger marketer_actions_03_guard_imported before insert or update on public.marketer_actions
  for each row execute function public.guard_imported_card_fields();

alter table public.performance_snapshots
  add column if not exists reach bigint not null default 0 check (reach >= 0),
  add column if not exists link_clicks bigint not null default 0 check (link_clicks >= 0),
  add column if not exists leads integer not null default 0 check (leads >= 0),
  add column if not exists add_to_carts integer not null default 0 check (add_to_carts >= 0),
  add column if not exists ctr numeric(10, 4) check (ctr is null or ctr >= 0),
  add column if not exists cpm numeric(14, 4) check (cpm is null or cpm >= 0);
