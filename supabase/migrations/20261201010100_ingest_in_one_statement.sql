-- Ingest in one statement per batch: the ingest-events function used to make three round trips (key, then
-- campaigns and promo codes, then the insert); this function resolves the key, keeps only campaigns of the
-- key's workspace, attributes promo codes and inserts the batch, skipping stored event ids, in one call. The
-- function still validates every event (zod, domain/tracking-events.ts) before calling it; the table's
-- constraints remain the last word. Concurrent batches are safe: duplicates meet the unique (workspace_id,
-- event_id) and are skipped by `on conflict do nothing`.

create function public.ingest_tracking_events(p_key_hash text, p_events jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  workspace uuid;
  outcome jsonb;
begin
  select k.workspace_id into workspace from public.ingest_keys k where k.key_hash = p_key_hash and k.revoked_at is null;
  if workspace is null then
    return null;
  end if;
  if jsonb_typeof(p_events) <> 'array' then
    raise exception 'p_events must be a JSON array' using errcode = '22023';
  end if;

  with input as (
    select e.event_id, e.event_type, e.event_time, e.value, e.currency, e.source, e.promo_code, e.schema_version,
           coalesce(e.metadata, '{}'::jsonb) as metadata, e.campaign_id
      from jsonb_to_recordset(p_events) as e(
        event_id text, event_type text, event_time timestamptz, value numeric, currency text, source text,
        promo_code text, schema_version integer, metadata jsonb, campaign_id uuid)
  ),
  resolved as (
    select i.*, c.id as own_campaign, p.campaign_id as promo_campaign
      from input i
      left join public.campaigns c on c.id = i.campaign_id and c.workspace_id = workspace
      left join public.promo_codes p on p.workspace_id = workspace and p.active and p.code = i.promo_code
  ),
  inserted as (
    insert into public.tracking_events
      (workspace_id, campaign_id, event_id, event_type, event_time, value, currency, source, promo_code, schema_version, metadata)
    select workspace, coalesce(r.own_campaign, r.promo_campaign), r.event_id, r.event_type, r.event_time, r.value, r.currency,
           coalesce(r.source, case when r.campaign_id is null and r.promo_campaign is not null then 'promo_code' else 'website' end),
           r.promo_code, coalesce(r.schema_version, 1), r.metadata
      from resolved r
     where r.campaign_id is null or r.own_campaign is not null
    on conflict (workspace_id, event_id) do nothing
    returning event_id
  )
  select jsonb_build_object(
           'workspace_id', workspace,
           'inserted', coalesce((select jsonb_agg(event_id) from inserted), '[]'::jsonb),
           'foreign_campaign', coalesce((select jsonb_agg(event_id) from resolved where campaign_id is not null and own_campaign is null), '[]'::jsonb))
    into outcome;
  return outcome;
end;
$$;

comment on function public.ingest_tracking_events(text, jsonb) is
  'Stores a validated batch of tracking events for the workspace of an ingest key in one statement; null for an unknown or revoked key.';
revoke execute on function public.ingest_tracking_events(text, jsonb) from public, anon, authenticated;
grant execute on function public.ingest_tracking_events(text, jsonb) to service_role;
