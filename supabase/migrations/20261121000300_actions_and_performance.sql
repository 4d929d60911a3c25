-- Marketer action cards (the Kanban board), daily performance snapshots, tracking events and promo
-- codes. Data-quality rules live here as constraints: metrics are non-negative, clicks never exceed
-- impressions, conversions never exceed clicks, event ids are unique per workspace (idempotent ingest).

create table public.marketer_actions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  action_type text not null check (action_type in (
    'creative_change', 'budget_adjustment', 'audience_targeting', 'ad_copy_update',
    'posting_schedule_change', 'bidding_change', 'pause_ads', 'duplicate_ad_set', 'other')),
  title text not null check (length(btrim(title)) between 1 and 200),
  description text check (description is null or length(description) <= 5000),
  occurred_at timestamptz not null default now(),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  status text not null check (status in ('planned', 'in_progress', 'completed', 'reverted')),
  position integer not null default 0,
  impact text not null default 'neutral' check (impact in ('positive', 'negative', 'neutral')),
  completed_at timestamptz,
  reverts_action_id uuid references public.marketer_actions (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint marketer_actions_not_self_revert check (reverts_action_id is null or reverts_action_id <> id)
);
comment on table public.marketer_actions is 'Kanban action cards: every change a marketer makes to a campaign, with previous/new state in metadata.';
create index marketer_actions_workspace_status_idx on public.marketer_actions (workspace_id, status, position);
create index marketer_actions_campaign_id_idx on public.marketer_actions (campaign_id, occurred_at);
create index marketer_actions_reverts_action_id_idx on public.marketer_actions (reverts_action_id);

create trigger marketer_actions_01_set_workspace before insert or update of campaign_id, workspace_id on public.marketer_actions
  for each row execute function public.set_workspace_from_campaign();
create trigger marketer_actions_set_updated_at before update on public.marketer_actions
  for each row execute function public.set_updated_at();

-- New cards go to the top of their column; completed cards remember when they were completed.
create function public.prepare_action_card()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    select coalesce(min(a.position), 1) - 1 into new.position
      from public.marketer_actions a
     where a.workspace_id = new.workspace_id and a.status = new.status;
  end if;
  if new.status = 'completed' and new.completed_at is null then
    new.completed_at := now();
  end if;
  if new.reverts_action_id is not null and not exists (
    select 1 from public.marketer_actions o
     where o.id = new.reverts_action_id and o.campaign_id = new.campaign_id
  ) then
    raise exception 'A card can only revert a card of the same campaign' using errcode = '23514';
  end if;
  return new;
end;
$$;

create trigger marketer_actions_02_prepare before insert or update on public.marketer_actions
  for each row execute function public.prepare_action_card();

-- Moving a card is one atomic call: change column, place it before another card (or at the end),
-- renumber the destination column. Runs with the caller's rights, so RLS still applies.
create function public.move_action_card(p_action_id uuid, p_status text, p_before_id uuid default null)
returns public.marketer_actions
language plpgsql
set search_path = ''
as $$
declare
  card public.marketer_actions;
  result public.marketer_actions;
begin
  if p_status not in ('planned', 'in_progress', 'completed', 'reverted') then
    raise exception 'Unknown column %', p_status using errcode = '22023';
  end if;
  -- Check the role before locking: FOR UPDATE applies update policies, so a viewer would see no row.
  select * into card from public.marketer_actions where id = p_action_id;
  if card.id is null then
    raise exception 'Card not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(card.workspace_id, array['admin', 'ops_head', 'marketer']) then
    raise exception 'Viewers cannot move cards' using errcode = '42501';
  end if;
  perform 1 from public.marketer_actions where id = p_action_id for update;
  if p_before_id is not null and not exists (
    select 1 from public.marketer_actions b
     where b.id = p_before_id and b.workspace_id = card.workspace_id and b.status = p_status
  ) then
    raise exception 'The card to place before is not in that column' using errcode = '22023';
  end if;

  with ordered as (
    select a.id,
           row_number() over (order by
             case when a.id = p_action_id then
               coalesce((select b.position from public.marketer_actions b where b.id = p_before_id), 2147483647)
             else a.position end,
             case when a.id = p_action_id then 0 else 1 end,
             a.occurred_at desc) - 1 as new_position
      from public.marketer_actions a
     where a.workspace_id = card.workspace_id
       and (a.status = p_status or a.id = p_action_id)
  )
  update public.marketer_actions a
     set position = o.new_position,
         status = case when a.id = p_action_id then p_status else a.status end
    from ordered o
   where a.id = o.id and (a.position <> o.new_position or a.id = p_action_id);

  select * into result from public.marketer_actions where id = p_action_id;
  return result;
end;
$$;

-- One-click revert: a new card with previous and new state swapped, linked to the original, and the
-- original moved to Reverted. Returns the new card.
create function public.revert_action_card(p_action_id uuid)
returns public.marketer_actions
language plpgsql
set search_path = ''
as $$
declare
  original public.marketer_actions;
  reverting public.marketer_actions;
begin
  select * into original from public.marketer_actions where id = p_action_id;
  if original.id is null then
    raise exception 'Card not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(original.workspace_id, array['admin', 'ops_head', 'marketer']) then
    raise exception 'Viewers cannot revert cards' using errcode = '42501';
  end if;
  select * into original from public.marketer_actions where id = p_action_id for update;
  if original.status = 'reverted' then
    raise exception 'This card has already been reverted' using errcode = '22023';
  end if;

  insert into public.marketer_actions (campaign_id, action_type, title, description, occurred_at, metadata, status, reverts_action_id)
  values (
    original.campaign_id,
    original.action_type,
    left('Revert: ' || original.title, 200),
    'Reverts "' || original.title || '" to its previous state.',
    now(),
    jsonb_build_object(
      'previous_state', coalesce(original.metadata -> 'new_state', '{}'::jsonb),
      'new_state', coalesce(original.metadata -> 'previous_state', '{}'::jsonb),
      'affected_ad_sets', coalesce(original.metadata -> 'affected_ad_sets', '[]'::jsonb)
    ),
    'completed',
    original.id
  )
  returning * into reverting;

  perform public.move_action_card(original.id, 'reverted', null);
  return reverting;
end;
$$;

create table public.performance_snapshots (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  date date not null,
  sales numeric(14, 2) not null default 0 check (sales >= 0),
  revenue numeric(14, 2) not null default 0 check (revenue >= 0),
  spend numeric(14, 2) not null default 0 check (spend >= 0),
  roas numeric(10, 4) check (roas is null or roas >= 0),
  cpa numeric(14, 4) check (cpa is null or cpa >= 0),
  impressions bigint not null default 0 check (impressions >= 0),
  clicks bigint not null default 0 check (clicks >= 0),
  conversions integer not null default 0 check (conversions >= 0),
  engagement bigint not null default 0 check (engagement >= 0),
  data_source text not null default 'meta_pixel' check (data_source in ('meta_pixel', 'meta_ads', 'website', 'promo_code', 'manual', 'seed')),
  snapshot_time time not null default '23:59:59',
  created_at timestamptz not null default now(),
  constraint performance_snapshots_clicks_within_impressions check (clicks <= impressions),
  constraint performance_snapshots_conversions_within_clicks check (conversions <= clicks),
  constraint performance_snapshots_one_per_day unique (campaign_id, date, data_source)
);
comment on table public.performance_snapshots is 'Daily performance per campaign and data source (sales, revenue, spend, ROAS, CPA, funnel counts).';
create index performance_snapshots_workspace_id_idx on public.performance_snapshots (workspace_id);

create trigger performance_snapshots_01_set_workspace before insert or update of campaign_id, workspace_id on public.performance_snapshots
  for each row execute function public.set_workspace_from_campaign();

create table public.promo_codes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  code text not null check (code ~ '^[A-Z0-9_-]{3,32}$'),
  description text check (description is null or length(description) <= 500),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  constraint promo_codes_unique_per_workspace unique (workspace_id, code)
);
comment on table public.promo_codes is 'Promo codes that attribute sales directly to a campaign; unique per workspace.';
create index promo_codes_campaign_id_idx on public.promo_codes (campaign_id);

create trigger promo_codes_01_set_workspace before insert or update of campaign_id, workspace_id on public.promo_codes
  for each row execute function public.set_workspace_from_campaign();

create table public.tracking_events (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid references public.campaigns (id) on delete set null,
  event_id text not null check (length(event_id) between 1 and 128),
  event_type text not null check (event_type in (
    'Purchase', 'AddToCart', 'ViewContent', 'Lead', 'InitiateCheckout', 'PageView', 'CompleteRegistration')),
  event_time timestamptz not null,
  value numeric(14, 2) check (value is null or value >= 0),
  currency text check (currency is null or currency ~ '^[A-Z]{3}$'),
  source text not null check (source in ('pixel', 'website', 'promo_code')),
  promo_code text,
  schema_version integer not null default 1 check (schema_version >= 1),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  constraint tracking_events_unique_event unique (workspace_id, event_id),
  constraint tracking_events_purchase_has_value check (event_type <> 'Purchase' or value is not null)
);
comment on table public.tracking_events is 'Conversion events from the Meta pixel, the website snippet and promo codes; event_id makes ingest idempotent.';
create index tracking_events_campaign_time_idx on public.tracking_events (campaign_id, event_time);

create trigger tracking_events_01_set_workspace before insert or update of campaign_id, workspace_id on public.tracking_events
  for each row execute function public.set_workspace_from_campaign();

alter table public.marketer_actions enable row level security;
alter table public.performance_snapshots enable row level security;
alter table public.promo_codes enable row level security;
alter table public.tracking_events enable row level security;

create policy "Members can read their workspace's action cards" on public.marketer_actions
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can create action cards" on public.marketer_actions
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can update action cards" on public.marketer_actions
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can delete action cards" on public.marketer_actions
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));

create policy "Members can read their workspace's snapshots" on public.performance_snapshots
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can record snapshots" on public.performance_snapshots
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can correct snapshots" on public.performance_snapshots
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Ops heads can delete snapshots" on public.performance_snapshots
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head']));

create policy "Members can read their workspace's promo codes" on public.promo_codes
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can create promo codes" on public.promo_codes
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can update promo codes" on public.promo_codes
  for update to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']))
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Marketers can delete promo codes" on public.promo_codes
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));

create policy "Members can read their workspace's tracking events" on public.tracking_events
  for select to authenticated using (public.is_workspace_member(workspace_id));
create policy "Marketers can record tracking events" on public.tracking_events
  for insert to authenticated
  with check (public.has_workspace_role(workspace_id, array['admin', 'ops_head', 'marketer']));
create policy "Admins can delete tracking events" on public.tracking_events
  for delete to authenticated
  using (public.has_workspace_role(workspace_id, array['admin']));
