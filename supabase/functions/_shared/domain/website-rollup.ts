/**
 * The website roll-up (seed 000 Step 2.2, seed 003 §4.1): tracking events → one daily snapshot per campaign and
 * workspace calendar day, data_source 'website'. Pure: the caller loads events and campaigns and writes the rows.
 *
 * Which campaign an event touches: its campaign_id (named by the site, or set at ingest from an active promo code),
 * else the campaign whose declared utm_campaign equals the landing's utm_campaign (case-insensitive).
 * Who gets credit for a conversion (Purchase, AddToCart, Lead):
 * - a promo code of a campaign: that campaign, all of it (the code is the customer saying which ad they came from);
 * - otherwise the workspace's attribution model over the visitor's landings (events sharing metadata.visitor_id)
 *   within the lookback window up to the conversion; consecutive events of the same campaign are one landing;
 * - no visitor id: the conversion's own campaign, if it has one. No campaign at all: unattributed.
 * Metrics per campaign-day: sales = revenue = attributed purchase value (campaign currency; a purchase in another
 * currency is skipped, there is no rate to convert it), conversions = purchases, add_to_carts, leads (fractional
 * credit summed, then rounded to whole events). impressions, clicks and spend are not known here: left unreported.
 * A tracked campaign (one with any touch by the day's end) gets a row for every requested day, zeros included, so
 * "no sales today" reads as 0 and not as missing data.
 */
import { attributeConversion, type AttributionModel, type Touchpoint } from './attribution.ts';
import { dayInTimeZone, type SnapshotRow } from './snapshot-quality.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';

export const WEBSITE_SOURCE = 'website';

export interface RollupEvent {
  event_id: string;
  event_type: string;
  event_time: string;
  value: number | null;
  currency: string | null;
  campaign_id: string | null;
  promo_code: string | null;
  metadata: Record<string, unknown> | null;
}

export interface RollupCampaign {
  id: string;
  utm_campaign: string | null;
  currency: string | null;
}

export interface RollupOptions {
  model: AttributionModel;
  /** IANA zone whose calendar days the rows count in. */
  timeZone: string;
  /** The days to produce (YYYY-MM-DD). Events outside them only serve as earlier touches. */
  days: readonly string[];
  /** code (upper case) → campaign id, for every promo code of the workspace. */
  promoCodes: ReadonlyMap<string, string>;
  lookbackDays?: number;
  halfLifeDays?: number;
}

export interface RollupResult {
  rows: SnapshotRow[];
  /** Conversions in the requested days that reached no campaign. */
  unattributed: number;
  /** Purchases skipped because their currency is not the campaign's. */
  otherCurrency: number;
}

const CONVERSION_TYPES = new Set(['Purchase', 'AddToCart', 'Lead']);
const MS_PER_DAY = 86_400_000;

interface Tally {
  value: number;
  purchases: number;
  addToCarts: number;
  leads: number;
}

function utmCampaignOf(event: RollupEvent): string | null {
  const utm = event.metadata?.utm;
  const value = utm && typeof utm === 'object' ? (utm as Record<string, unknown>).utm_campaign : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : null;
}

function visitorOf(event: RollupEvent): string | null {
  const v = event.metadata?.visitor_id;
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** Daily website snapshots for `options.days`, per the attribution rules in this module's header. */
export function rollUpWebsiteEvents(events: readonly RollupEvent[], campaigns: readonly RollupCampaign[], options: RollupOptions): RollupResult {
  const lookbackMs = (options.lookbackDays ?? DEFAULT_THRESHOLDS.tracking.attributionLookbackDays) * MS_PER_DAY;
  const known = new Map(campaigns.map((c) => [c.id, c]));
  const byUtm = new Map<string, string>();
  for (const c of campaigns) if (c.utm_campaign) byUtm.set(c.utm_campaign.trim().toLowerCase(), c.id);
  const wanted = new Set(options.days);

  const touchOf = (e: RollupEvent): string | null => {
    if (e.campaign_id && known.has(e.campaign_id)) return e.campaign_id;
    const promo = e.promo_code ? options.promoCodes.get(e.promo_code.toUpperCase()) : undefined;
    if (promo && known.has(promo)) return promo;
    const utm = utmCampaignOf(e);
    return utm ? (byUtm.get(utm) ?? null) : null;
  };

  const timed = events
    .map((e) => ({ e, ms: Date.parse(e.event_time), campaign: touchOf(e) }))
    .filter((t) => Number.isFinite(t.ms))
    .map((t) => ({ ...t, day: dayInTimeZone(new Date(t.ms), options.timeZone) }))
    .sort((a, b) => a.ms - b.ms || (a.e.event_id < b.e.event_id ? -1 : a.e.event_id > b.e.event_id ? 1 : 0)); // byte order: localeCompare is slow and locale-dependent

  // Landings per visitor: consecutive events of one campaign are one visit.
  const landings = new Map<string, Touchpoint[]>();
  const firstTouchDay = new Map<string, string>();
  for (const t of timed) {
    if (!t.campaign) continue;
    const day = t.day;
    const seen = firstTouchDay.get(t.campaign);
    if (!seen || day < seen) firstTouchDay.set(t.campaign, day);
    const visitor = visitorOf(t.e);
    if (!visitor) continue;
    const list = landings.get(visitor) ?? [];
    if (list.at(-1)?.campaign_id !== t.campaign) list.push({ campaign_id: t.campaign, at: new Date(t.ms).toISOString() });
    landings.set(visitor, list);
  }

  const tallies = new Map<string, Tally>();
  const tally = (campaign: string, day: string) => {
    const key = `${campaign}|${day}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { value: 0, purchases: 0, addToCarts: 0, leads: 0 }));
    return t;
  };
  let unattributed = 0;
  let otherCurrency = 0;

  for (const t of timed) {
    if (!CONVERSION_TYPES.has(t.e.event_type)) continue;
    const day = t.day;
    if (!wanted.has(day)) continue;
    const promoCampaign = t.e.promo_code ? options.promoCodes.get(t.e.promo_code.toUpperCase()) : undefined;
    let credits: { campaign_id: string; credit: number; share: number }[];
    const isPurchase = t.e.event_type === 'Purchase';
    const value = isPurchase ? Math.max(0, t.e.value ?? 0) : 0;
    if (promoCampaign && known.has(promoCampaign)) {
      credits = [{ campaign_id: promoCampaign, credit: value, share: 1 }];
    } else {
      const visitor = visitorOf(t.e);
      const journey = visitor
        ? (landings.get(visitor) ?? []).filter((l) => {
            const at = Date.parse(String(l.at));
            return at <= t.ms && at >= t.ms - lookbackMs;
          })
        : t.campaign
          ? [{ campaign_id: t.campaign, at: new Date(t.ms).toISOString() }]
          : [];
      credits = attributeConversion(options.model, journey, value, {
        conversionTime: new Date(t.ms).toISOString(),
        ...(options.halfLifeDays ? { halfLifeDays: options.halfLifeDays } : {}),
      });
    }
    if (credits.length === 0) {
      unattributed += 1;
      continue;
    }
    for (const c of credits) {
      const campaign = known.get(c.campaign_id);
      const row = tally(c.campaign_id, day);
      if (t.e.event_type === 'AddToCart') row.addToCarts += c.share;
      else if (t.e.event_type === 'Lead') row.leads += c.share;
      else if (campaign?.currency && t.e.currency && t.e.currency !== campaign.currency) otherCurrency += 1;
      else {
        row.purchases += c.share;
        row.value += c.credit;
      }
    }
  }

  const rows: SnapshotRow[] = [];
  for (const campaign of [...known.keys()].sort()) {
    const first = firstTouchDay.get(campaign);
    if (!first) continue;
    for (const day of [...wanted].sort()) {
      if (day < first) continue;
      const t = tallies.get(`${campaign}|${day}`) ?? { value: 0, purchases: 0, addToCarts: 0, leads: 0 };
      const money = Math.round(t.value * 100) / 100;
      rows.push({
        campaign_id: campaign,
        date: day,
        data_source: WEBSITE_SOURCE,
        sales: money,
        revenue: money,
        conversions: Math.round(t.purchases),
        add_to_carts: Math.round(t.addToCarts),
        leads: Math.round(t.leads),
      });
    }
  }
  return { rows, unattributed, otherCurrency };
}
