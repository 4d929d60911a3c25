/**
 * Meta's activity log (`/act_<id>/activities`) as completed action cards. Each activity names the object it
 * changed (campaign, ad set or ad), who changed it and, in `extra_data` (a JSON string), the old and new values.
 * Only changes a marketer makes to a campaign become cards (budget, targeting, creative, bidding, status,
 * schedule); billing and account events do not. The card's external id is built from the event itself, so the
 * same event imported twice is one card.
 */
import { z } from 'zod';
import type { ActionMetadata } from '../board.ts';

export const metaActivitySchema = z
  .object({
    event_type: z.string().min(1),
    event_time: z.string().min(1),
    translated_event_type: z.string().optional(),
    actor_id: z.string().optional(),
    actor_name: z.string().optional(),
    object_id: z.string().optional(),
    object_name: z.string().optional(),
    object_type: z.string().optional(),
    extra_data: z.string().optional(),
    date_time_in_timezone: z.string().optional(),
  })
  .loose();
export type MetaActivity = z.output<typeof metaActivitySchema>;

/** The activity fields the import requests. */
export const ACTIVITY_FIELDS = [
  'event_type',
  'event_time',
  'translated_event_type',
  'actor_id',
  'actor_name',
  'object_id',
  'object_name',
  'object_type',
  'extra_data',
  'date_time_in_timezone',
] as const;

export type CardActionType =
  | 'creative_change'
  | 'budget_adjustment'
  | 'audience_targeting'
  | 'ad_copy_update'
  | 'posting_schedule_change'
  | 'bidding_change'
  | 'pause_ads'
  | 'duplicate_ad_set'
  | 'other';

/** Which card an activity becomes, by its event type; absent → not a campaign change, not imported. */
const EVENT_ACTIONS: Record<string, { action: CardActionType; field: string }> = {
  update_campaign_budget: { action: 'budget_adjustment', field: 'budget' },
  update_ad_set_budget: { action: 'budget_adjustment', field: 'budget' },
  update_campaign_spend_cap: { action: 'budget_adjustment', field: 'spend_cap' },
  update_ad_set_target_spec: { action: 'audience_targeting', field: 'targeting' },
  update_ad_targets_spec: { action: 'audience_targeting', field: 'targeting' },
  update_ad_creative: { action: 'creative_change', field: 'creative' },
  create_ad: { action: 'creative_change', field: 'ad' },
  update_ad_friendly_name: { action: 'ad_copy_update', field: 'name' },
  update_ad_set_bid_strategy: { action: 'bidding_change', field: 'bid_strategy' },
  update_campaign_bid_strategy: { action: 'bidding_change', field: 'bid_strategy' },
  update_ad_set_bidding: { action: 'bidding_change', field: 'bid_amount' },
  update_ad_bid_info: { action: 'bidding_change', field: 'bid_amount' },
  update_ad_set_optimization_goal: { action: 'bidding_change', field: 'optimization_goal' },
  update_campaign_run_status: { action: 'pause_ads', field: 'status' },
  update_ad_set_run_status: { action: 'pause_ads', field: 'status' },
  update_ad_run_status: { action: 'pause_ads', field: 'status' },
  update_ad_set_run_time: { action: 'posting_schedule_change', field: 'schedule' },
  update_ad_set_ad_schedule: { action: 'posting_schedule_change', field: 'ad_schedule' },
  update_ad_set_duration: { action: 'posting_schedule_change', field: 'end_time' },
  create_ad_set: { action: 'duplicate_ad_set', field: 'ad_set' },
};

/** The Meta object types as the activity log names them (legacy names included) → the product's words. */
export type MetaObjectLevel = 'campaign' | 'ad_set' | 'ad' | 'account';
export function objectLevel(objectType: string | undefined): MetaObjectLevel {
  const t = (objectType ?? '').toUpperCase();
  if (t === 'AD_SET' || t === 'ADSET' || t === 'CAMPAIGN_SET') return 'ad_set';
  if (t === 'AD' || t === 'ADGROUP') return 'ad';
  if (t === 'CAMPAIGN' || t === 'CAMPAIGN_GROUP') return 'campaign';
  return 'account';
}

/** An activity's instant as ISO-8601 UTC; Meta writes `2026-11-20T14:03:11+0000`. Null when unreadable. */
export function activityInstant(eventTime: string): string | null {
  const normalised = eventTime.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `extra_data` nests values as `{ old_value: { old_value: 5000, currency } }` for money; unwrap one level. */
function unwrap(side: unknown, key: 'old_value' | 'new_value'): { value: unknown; currency: string | null } {
  if (isRecord(side) && key in side) {
    return { value: side[key], currency: typeof side.currency === 'string' ? side.currency : null };
  }
  return { value: side, currency: null };
}

function stateFor(field: string, raw: unknown, currency: string | null): Record<string, unknown> {
  if (raw === undefined) return {};
  // Budgets and bids come in the account currency's minor unit (cents).
  if (currency && (typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw)))) {
    return { [field]: `${currency} ${(Number(raw) / 100).toFixed(2)}` };
  }
  if (isRecord(raw)) {
    const flat: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) flat[k] = isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : v;
    return flat;
  }
  return { [field]: raw };
}

/** Old and new values from `extra_data`; unreadable or missing extra data gives empty states, never an error. */
export function activityStates(activity: MetaActivity, field: string): Pick<ActionMetadata, 'previous_state' | 'new_state'> {
  let extra: unknown;
  try {
    extra = activity.extra_data ? JSON.parse(activity.extra_data) : null;
  } catch {
    extra = null;
  }
  if (!isRecord(extra)) return { previous_state: {}, new_state: {} };
  const old = unwrap(extra.old_value, 'old_value');
  const neu = unwrap(extra.new_value, 'new_value');
  const currency = old.currency ?? neu.currency ?? (typeof extra.currency === 'string' ? extra.currency : null);
  return { previous_state: stateFor(field, old.value, currency), new_state: stateFor(field, neu.value, currency) };
}

/** Where the tracked campaigns' objects live: object id → campaign and, for ads, the ad set's name. */
export interface ObjectIndex {
  get(objectId: string): { campaignId: string; level: MetaObjectLevel; adSetName?: string | null } | undefined;
}

/** A card ready to insert (workspace comes from the campaign, status completed). */
export interface ImportedCard {
  campaign_id: string;
  action_type: CardActionType;
  title: string;
  description: string;
  occurred_at: string;
  status: 'completed';
  metadata: ActionMetadata & { meta: { event_type: string; object_type: MetaObjectLevel; object_id: string; actor_id: string | null } };
  source: 'meta';
  external_id: string;
  external_url: string;
  actor_name: string | null;
}

export type ActivitySkip = 'not_a_campaign_change' | 'object_not_tracked' | 'unreadable_time';

const VIEW: Record<MetaObjectLevel, string> = { campaign: 'campaigns', ad_set: 'adsets', ad: 'ads', account: 'campaigns' };
const SELECTED: Record<MetaObjectLevel, string> = { campaign: 'selected_campaign_ids', ad_set: 'selected_adset_ids', ad: 'selected_ad_ids', account: 'selected_campaign_ids' };

/** The Ads Manager link back to the changed object. */
export function adsManagerUrl(adAccountId: string, level: MetaObjectLevel, objectId: string): string {
  const act = adAccountId.replace(/^act_/, '');
  return `https://adsmanager.facebook.com/adsmanager/manage/${VIEW[level]}?act=${act}&${SELECTED[level]}=${objectId}`;
}

function humanEvent(eventType: string): string {
  const text = eventType.replace(/^update_/, '').replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One activity as a card, or the reason it is skipped. A status change to paused is "pause_ads"; any other status
 * change (resumed, archived) is "other".
 */
export function activityToCard(activity: MetaActivity, adAccountId: string, objects: ObjectIndex): { card: ImportedCard } | { skip: ActivitySkip } {
  const mapping = EVENT_ACTIONS[activity.event_type];
  if (!mapping) return { skip: 'not_a_campaign_change' };
  const objectId = activity.object_id ?? '';
  const tracked = objectId ? objects.get(objectId) : undefined;
  if (!tracked) return { skip: 'object_not_tracked' };
  const occurredAt = activityInstant(activity.event_time);
  if (!occurredAt) return { skip: 'unreadable_time' };

  const level = tracked.level !== 'account' ? tracked.level : objectLevel(activity.object_type);
  const states = activityStates(activity, mapping.field);
  let action = mapping.action;
  if (mapping.field === 'status' && !/paus/i.test(String(Object.values(states.new_state)[0] ?? ''))) action = 'other';
  const objectName = activity.object_name?.trim() || objectId;
  const what = activity.translated_event_type?.trim() || humanEvent(activity.event_type);
  const actor = activity.actor_name?.trim() || null;
  const levelWord = level === 'ad_set' ? 'ad set' : level;
  const affected = level === 'ad_set' ? [objectName] : level === 'ad' && tracked.adSetName ? [tracked.adSetName] : [];
  return {
    card: {
      campaign_id: tracked.campaignId,
      action_type: action,
      title: `${what}: ${objectName}`.slice(0, 200),
      description: `Imported from Meta's activity log: ${actor ?? 'Someone'} changed the ${levelWord} "${objectName}".`.slice(0, 5000),
      occurred_at: occurredAt,
      status: 'completed',
      metadata: {
        ...states,
        affected_ad_sets: affected,
        meta: { event_type: activity.event_type, object_type: level, object_id: objectId, actor_id: activity.actor_id ?? null },
      },
      source: 'meta',
      external_id: `${objectId}:${activity.event_type}:${occurredAt}`,
      external_url: adsManagerUrl(adAccountId, level, objectId),
      actor_name: actor,
    },
  };
}
