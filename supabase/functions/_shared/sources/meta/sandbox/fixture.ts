/**
 * What the local Meta sandbox (fake Graph API) knows: ad accounts, their campaigns, ad sets and ads, daily Insights
 * rows in Meta's shape (numbers as strings, purchases under several action types), the activity log, and the
 * scenario a test wants (page size, usage headers, errors). Rows are given explicitly by tests, or generated
 * deterministically for the demo sandbox and the bench.
 */

export interface FakeAd {
  id: string;
  name: string;
}
export interface FakeAdSet {
  id: string;
  name: string;
  ads: FakeAd[];
}
export interface FakeCampaign {
  id: string;
  name: string;
  adsets: FakeAdSet[];
}

/** An Insights row as Meta sends it (strings for numbers). */
export type FakeInsightsRow = Record<string, unknown> & { date_start: string; date_stop: string; campaign_id: string; adset_id?: string };

export interface FakeActivity {
  event_type: string;
  event_time: string;
  translated_event_type?: string;
  actor_id?: string;
  actor_name?: string;
  object_id: string;
  object_name?: string;
  object_type?: string;
  extra_data?: string;
}

export interface FakeScenario {
  /** Rows per page of every edge (default 25). */
  pageSize?: number;
  /** From the n-th Insights request on (1-based), the usage headers report `pct` %. */
  throttle?: { fromRequest: number; pct: number; regainMinutes?: number };
  /** After this many requests with the account's token, the token is expired (code 190, subcode 463). */
  expireTokenAfterRequests?: number;
  /** The next Insights requests fail once each with these Graph error codes (e.g. [17], [2], [80000]). */
  failInsightsWith?: number[];
  /** The next Insights request answers a body that is not JSON. */
  malformedOnce?: boolean;
  /** Polls of an async report before it is "Job Completed" (default 2). */
  asyncPolls?: number;
}

export interface FakeAccount {
  id: string;
  name: string;
  currency: string;
  timezone_name: string;
  account_status: number;
  tokens: string[];
  campaigns: FakeCampaign[];
  /** Explicit rows (level campaign rows carry no adset_id). When absent, rows are generated. */
  insights?: FakeInsightsRow[];
  /** Generated rows: this range of days for every ad set (campaign rows are their sums). */
  generate?: { seed: number; until?: string; days: number; effects?: { adsetId: string; from: string; lift: number }[] };
  activities: FakeActivity[];
  scenario?: FakeScenario;
}

export interface FakeToken {
  token: string;
  user: { id: string; name: string };
  /** Unix seconds; 0 = never. */
  expires_at: number;
  valid: boolean;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

const money = (n: number) => n.toFixed(2);

/** A generated day for one ad set: a smooth weekly pattern plus noise, purchases reported three ways like Meta. */
export function generatedRow(seed: number, campaignId: string, adsetId: string, date: string, lift = 1): FakeInsightsRow {
  const r = hash(`${seed}:${adsetId}:${date}`);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekly = weekday === 0 || weekday === 6 ? 1.15 : 1;
  const spend = (80 + 40 * r) * weekly;
  const impressions = Math.round(spend * (95 + 20 * hash(`i${adsetId}${date}`)));
  const clicks = Math.round(impressions * 0.021 * (0.9 + 0.2 * r));
  const linkClicks = Math.round(clicks * 0.82);
  const purchases = Math.max(0, Math.round(linkClicks * 0.035 * lift * (0.85 + 0.3 * hash(`p${adsetId}${date}`))));
  const value = purchases * (42 + 6 * r);
  const leads = Math.round(linkClicks * 0.01);
  const carts = purchases * 3 + Math.round(4 * r);
  const engagement = Math.round(clicks * 2.4);
  return {
    campaign_id: campaignId,
    adset_id: adsetId,
    date_start: date,
    date_stop: date,
    account_currency: 'USD',
    spend: money(spend),
    impressions: String(impressions),
    reach: String(Math.round(impressions * 0.78)),
    clicks: String(clicks),
    inline_link_clicks: String(linkClicks),
    inline_post_engagement: String(engagement),
    ctr: ((clicks / impressions) * 100).toFixed(6),
    cpm: ((spend / impressions) * 1000).toFixed(6),
    actions: [
      { action_type: 'link_click', value: String(linkClicks) },
      { action_type: 'post_engagement', value: String(engagement) },
      { action_type: 'lead', value: String(leads) },
      { action_type: 'add_to_cart', value: String(carts) },
      { action_type: 'offsite_conversion.fb_pixel_add_to_cart', value: String(carts) },
      { action_type: 'purchase', value: String(purchases) },
      { action_type: 'offsite_conversion.fb_pixel_purchase', value: String(purchases) },
      { action_type: 'omni_purchase', value: String(purchases) },
    ],
    action_values: [
      { action_type: 'purchase', value: money(value) },
      { action_type: 'offsite_conversion.fb_pixel_purchase', value: money(value) },
      { action_type: 'omni_purchase', value: money(value) },
    ],
  };
}

function sumStats(lists: unknown[][]): { action_type: string; value: string }[] {
  const totals = new Map<string, number>();
  for (const list of lists) for (const s of list as { action_type: string; value: string }[]) totals.set(s.action_type, (totals.get(s.action_type) ?? 0) + Number(s.value));
  return [...totals].map(([action_type, v]) => ({ action_type, value: Number.isInteger(v) ? String(v) : money(v) }));
}

/** A campaign's day as the sum of its ad sets' rows (what level=campaign returns). */
export function campaignRowFrom(campaignId: string, date: string, adsetRows: FakeInsightsRow[]): FakeInsightsRow {
  const n = (k: string) => adsetRows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  const spend = n('spend');
  const impressions = n('impressions');
  const clicks = n('clicks');
  return {
    campaign_id: campaignId,
    date_start: date,
    date_stop: date,
    account_currency: String(adsetRows[0]?.account_currency ?? 'USD'),
    spend: money(spend),
    impressions: String(impressions),
    reach: String(n('reach')),
    clicks: String(clicks),
    inline_link_clicks: String(n('inline_link_clicks')),
    inline_post_engagement: String(n('inline_post_engagement')),
    ctr: impressions ? ((clicks / impressions) * 100).toFixed(6) : '0',
    cpm: impressions ? ((spend / impressions) * 1000).toFixed(6) : '0',
    actions: sumStats(adsetRows.map((r) => (r.actions as unknown[]) ?? [])),
    action_values: sumStats(adsetRows.map((r) => (r.action_values as unknown[]) ?? [])),
  };
}

function isoDay(today: string, offset: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The demo sandbox: one clearly labelled account with two campaigns and a recent activity history. */
export function demoSandboxAccount(today: string): FakeAccount {
  const days = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().replace('.000Z', '+0000');
  return {
    id: SANDBOX_AD_ACCOUNT_ID,
    name: 'Meta sandbox (local demo, not a real ad account)',
    currency: 'USD',
    timezone_name: 'America/New_York',
    account_status: 1,
    tokens: [SANDBOX_TOKEN],
    campaigns: [
      {
        id: '120210000000000001',
        name: 'Sandbox · Winter Sale — Conversions',
        adsets: [
          { id: '120210000000000011', name: 'Prospecting · Lookalike 1%', ads: [{ id: '120210000000000111', name: 'Carousel · Winter picks' }] },
          { id: '120210000000000012', name: 'Retargeting · 30-day visitors', ads: [{ id: '120210000000000121', name: 'Video · 15s cutdown' }] },
        ],
      },
      {
        id: '120210000000000002',
        name: 'Sandbox · Brand Awareness — Reach',
        adsets: [{ id: '120210000000000021', name: 'Broad · 18–45', ads: [{ id: '120210000000000211', name: 'Static · Logo lockup' }] }],
      },
    ],
    // The creative change three days ago cut both ad sets' purchases from the next day: the story the analysis finds
    // (the targeting change is a week earlier, so it does not share the window).
    generate: {
      seed: 7,
      until: today,
      days: 120,
      effects: [
        { adsetId: '120210000000000011', from: isoDay(today, -2), lift: 0.35 },
        { adsetId: '120210000000000012', from: isoDay(today, -2), lift: 0.6 },
      ],
    },
    activities: [
      {
        event_type: 'update_ad_set_budget',
        event_time: days(6),
        translated_event_type: 'Ad set budget updated',
        actor_id: '900001',
        actor_name: 'Sam Sandbox',
        object_id: '120210000000000011',
        object_name: 'Prospecting · Lookalike 1%',
        object_type: 'AD_SET',
        extra_data: JSON.stringify({ old_value: { old_value: 5000, currency: 'USD' }, new_value: { new_value: 8000, currency: 'USD' }, type: 'payment_amount' }),
      },
      {
        event_type: 'update_ad_creative',
        event_time: days(3),
        translated_event_type: 'Ad creative updated',
        actor_id: '900001',
        actor_name: 'Sam Sandbox',
        object_id: '120210000000000111',
        object_name: 'Carousel · Winter picks',
        object_type: 'AD',
        extra_data: JSON.stringify({ old_value: 'Carousel · red sweaters', new_value: 'Carousel · winter picks (new hero)' }),
      },
      {
        event_type: 'update_ad_set_target_spec',
        event_time: days(9),
        translated_event_type: 'Ad set targeting updated',
        actor_id: '900002',
        actor_name: 'Alex Agency',
        object_id: '120210000000000012',
        object_name: 'Retargeting · 30-day visitors',
        object_type: 'AD_SET',
        extra_data: JSON.stringify({ old_value: { age_min: 18, age_max: 65 }, new_value: { age_min: 25, age_max: 54 } }),
      },
      {
        event_type: 'ad_account_billing_charge',
        event_time: days(1),
        translated_event_type: 'Account billed',
        actor_id: '0',
        actor_name: 'Meta',
        object_id: '1000000001',
        object_name: 'Meta sandbox',
        object_type: 'ACCOUNT',
        extra_data: JSON.stringify({ currency: 'USD', new_value: 25000 }),
      },
    ],
  };
}

/** The sandbox's one ad account. */
export const SANDBOX_AD_ACCOUNT_ID = 'act_1000000001';

/** The token that opens the demo sandbox (not a secret: it only works against the local fake). */
export const SANDBOX_TOKEN = 'EAAB-local-meta-sandbox-token';
