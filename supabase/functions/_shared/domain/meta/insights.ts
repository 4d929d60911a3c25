/**
 * Meta Insights rows (`/act_<id>/insights`, `time_increment=1`) as daily snapshots. Meta sends numbers as strings
 * and reports one purchase under several `action_type`s at once (`omni_purchase` is the de-duplicated total across
 * web, app and offline; `purchase`, `offsite_conversion.fb_pixel_purchase`, `onsite_web_purchase` … are views of
 * the same events), so each conversion family is read from the first type present in a fixed preference order and
 * never summed across types.
 */
import { z } from 'zod';

const numeric = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a number: ${String(v)}` });
    return z.NEVER;
  }
  return n;
});

const actionStat = z.object({ action_type: z.string(), value: numeric }).loose();

/** One Insights row as Meta returns it (only the fields the import asks for). */
export const metaInsightsRowSchema = z
  .object({
    date_start: z.iso.date(),
    date_stop: z.iso.date(),
    campaign_id: z.string().regex(/^\d+$/).optional(),
    adset_id: z.string().regex(/^\d+$/).optional(),
    account_currency: z.string().optional(),
    spend: numeric.optional(),
    impressions: numeric.optional(),
    reach: numeric.optional(),
    clicks: numeric.optional(),
    inline_link_clicks: numeric.optional(),
    inline_post_engagement: numeric.optional(),
    ctr: numeric.optional(),
    cpm: numeric.optional(),
    actions: z.array(actionStat).optional(),
    action_values: z.array(actionStat).optional(),
    purchase_roas: z.array(actionStat).optional(),
  })
  .loose();
export type MetaInsightsRow = z.output<typeof metaInsightsRowSchema>;

/** The Insights fields the import requests (one list, so the client and the fake agree). */
export const INSIGHTS_FIELDS = [
  'campaign_id',
  'campaign_name',
  'adset_id',
  'adset_name',
  'date_start',
  'date_stop',
  'account_currency',
  'spend',
  'impressions',
  'reach',
  'clicks',
  'inline_link_clicks',
  'inline_post_engagement',
  'ctr',
  'cpm',
  'actions',
  'action_values',
  'purchase_roas',
] as const;

/** Preference order per conversion family: the first type present is the count; the rest are the same events. */
export const ACTION_PREFERENCE = {
  purchases: ['omni_purchase', 'purchase', 'offsite_conversion.fb_pixel_purchase', 'onsite_web_purchase', 'onsite_conversion.purchase'],
  leads: ['omni_lead', 'lead', 'offsite_conversion.fb_pixel_lead', 'onsite_conversion.lead_grouped', 'leadgen_grouped'],
  add_to_carts: ['omni_add_to_cart', 'add_to_cart', 'offsite_conversion.fb_pixel_add_to_cart', 'onsite_web_add_to_cart'],
  engagement: ['post_engagement', 'page_engagement'],
  link_clicks: ['link_click'],
} as const;

type Family = keyof typeof ACTION_PREFERENCE;

/** The value of the first preferred action type present (0 when none is). */
export function pickAction(stats: readonly { action_type: string; value: number }[] | undefined, family: Family): number {
  if (!stats?.length) return 0;
  for (const type of ACTION_PREFERENCE[family]) {
    const hit = stats.find((s) => s.action_type === type);
    if (hit) return hit.value;
  }
  return 0;
}

/** A snapshot's metrics from Meta (the writer's SnapshotRow without campaign and source). */
/** `sales` is the sales value (as in the demo and the analysis), `conversions` the purchase count. */
export interface MetaDailyMetrics {
  date: string;
  spend: number;
  impressions: number;
  reach: number;
  clicks: number;
  link_clicks: number;
  conversions: number;
  sales: number;
  revenue: number;
  leads: number;
  add_to_carts: number;
  engagement: number;
  roas: number | null;
  cpa: number | null;
  ctr: number | null;
  cpm: number | null;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** Totals of several rows for one day (ad set rows summed into their campaign); rates recomputed, never summed. */
export function sumDailyMetrics(date: string, parts: readonly MetaDailyMetrics[]): MetaDailyMetrics {
  const sum = (k: keyof Omit<MetaDailyMetrics, 'date' | 'roas' | 'cpa' | 'ctr' | 'cpm'>) => parts.reduce((s, p) => s + p[k], 0);
  const spend = round(sum('spend'), 2);
  const impressions = sum('impressions');
  const clicks = sum('clicks');
  const conversions = sum('conversions');
  const revenue = round(sum('revenue'), 2);
  return {
    date,
    spend,
    impressions,
    // Reach is unique people: summing ad sets over-counts, but it is the only figure a day-level sum can give.
    reach: sum('reach'),
    clicks,
    link_clicks: sum('link_clicks'),
    conversions,
    sales: revenue,
    revenue,
    leads: sum('leads'),
    add_to_carts: sum('add_to_carts'),
    engagement: sum('engagement'),
    roas: spend > 0 ? round(revenue / spend, 4) : null,
    cpa: conversions > 0 ? round(spend / conversions, 4) : null,
    ctr: impressions > 0 ? round((clicks / impressions) * 100, 4) : null,
    cpm: impressions > 0 ? round((spend / impressions) * 1000, 4) : null,
  };
}

/**
 * One Insights row as daily metrics: purchases and purchase value counted once, link clicks from
 * `inline_link_clicks` (else the `link_click` action), engagement from `inline_post_engagement` (else
 * `post_engagement`), ROAS from Meta's `purchase_roas` when given (else value ÷ spend), CTR in %, CPM per 1,000.
 */
export function insightsRowToMetrics(row: MetaInsightsRow): MetaDailyMetrics {
  const spend = round(row.spend ?? 0, 2);
  const impressions = Math.round(row.impressions ?? 0);
  const clicks = Math.round(row.clicks ?? 0);
  const purchases = Math.round(pickAction(row.actions, 'purchases'));
  const revenue = round(pickAction(row.action_values, 'purchases'), 2);
  const metaRoas = row.purchase_roas?.length ? pickAction(row.purchase_roas, 'purchases') : null;
  return {
    date: row.date_start,
    spend,
    impressions,
    reach: Math.round(row.reach ?? 0),
    clicks,
    link_clicks: Math.round(row.inline_link_clicks ?? pickAction(row.actions, 'link_clicks')),
    conversions: purchases,
    sales: revenue,
    revenue,
    leads: Math.round(pickAction(row.actions, 'leads')),
    add_to_carts: Math.round(pickAction(row.actions, 'add_to_carts')),
    engagement: Math.round(row.inline_post_engagement ?? pickAction(row.actions, 'engagement')),
    roas: metaRoas !== null ? round(metaRoas, 4) : spend > 0 ? round(revenue / spend, 4) : null,
    cpa: purchases > 0 ? round(spend / purchases, 4) : null,
    ctr: row.ctr !== undefined ? round(row.ctr, 4) : impressions > 0 ? round((clicks / impressions) * 100, 4) : null,
    cpm: row.cpm !== undefined ? round(row.cpm, 4) : impressions > 0 ? round((spend / impressions) * 1000, 4) : null,
  };
}
