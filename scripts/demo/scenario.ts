/**
 * The demo workspace as data: every campaign, phase, action card, daily snapshot, promo code and tracking event the
 * seed writes, built from one date ("today", UTC) and nothing else. Pure: no I/O, no clock, no randomness beyond a
 * seeded PRNG, so the same day always gives the same plan (unit-tested), and the plan is checked against the real
 * correlation engine before anything touches a database.
 *
 * Story (docs/domain-rules.md, Demo flow): Spring Sale's creative changed blue → red at 10:00 two days ago and sales fell from ≈ $500 to
 * ≈ $200 yesterday; the alert is live, the revert is the presenter's to click. Always-On Bestsellers got a budget
 * increase a week ago that lifted sales; New Arrivals broadened its audience five days ago: more reach and clicks,
 * fewer sales (mixed). Summer Launch has not launched: it carries the spec's drift sample (docs/domain-rules.md, Drift). Three finished campaigns
 * give feasibility its history.
 */
import type { ActionType } from '../../supabase/functions/_shared/domain/board.ts';
import type { Json } from '../../src/lib/database.types.ts';
import { addDays } from '../../supabase/functions/_shared/domain/dates.ts';
import { createRng } from '../../supabase/functions/_shared/domain/correlation/synthetic.ts';
import { DEMO_WORKSPACE_ID, DEMO_WORKSPACE_NAME, type DemoPersonKey, demoId } from './ids.ts';
import { creativeRecoveryDay, creativeStorySeries, type DailyMetrics, funnelSeries, type FunnelSpec } from './performance.ts';

/** A JSON object as the database stores it (jsonb columns). */
export type JsonObject = { [key: string]: Json | undefined };

export type CampaignKey = 'spring' | 'bestsellers' | 'new-arrivals' | 'summer' | 'holiday' | 'bfcm' | 'wholesale';
export type CardStatus = 'planned' | 'in_progress' | 'completed' | 'reverted';

export interface CampaignSeed {
  key: CampaignKey;
  id: string;
  name: string;
  objective: 'sales' | 'leads' | 'awareness';
  industry: string;
  budget: number;
  audience: JsonObject;
  ad_link: string;
  meta_pixel_id: string;
  ads_account_id: string;
  website_tracking: boolean;
  promo_tracking: boolean;
  keywords: string[];
  primary_kpi: 'sales' | 'roas' | 'cpa' | 'engagement';
  kpi_target: number;
  kpi_window_days: number;
  planned_launch: string;
  peak_start: string | null;
  peak_end: string | null;
  status: 'planned' | 'active' | 'completed';
  decision: 'proceed' | 'adjust' | 'pause' | null;
  decision_note: string | null;
  decided_by: DemoPersonKey | null;
  decided_at: string | null;
  created_by: DemoPersonKey;
  /** Whether the seed runs the correlation analysis on it (campaigns with recent actions and data). */
  analysed: boolean;
}

export interface PhaseSeed {
  id: string;
  campaign: CampaignKey;
  name: string;
  position: number;
  planned_start: string;
  planned_days: number;
  actual_start: string | null;
  actual_end: string | null;
  required_assets: number;
  delivered_assets: number;
  approvals_planned: number;
  approvals_actual: number;
  teams: string[];
  tools: string[];
  notes: string | null;
}

export interface CardSeed {
  key: string;
  id: string;
  campaign: CampaignKey;
  action_type: ActionType;
  title: string;
  description: string;
  occurred_at: string;
  completed_at: string | null;
  status: CardStatus;
  impact: 'positive' | 'negative' | 'neutral';
  metadata: { previous_state: JsonObject; new_state: JsonObject; affected_ad_sets: string[] };
  reverts: string | null;
  created_by: DemoPersonKey;
}

export interface SnapshotSeed extends DailyMetrics {
  id: string;
  campaign: CampaignKey;
  data_source: 'meta_pixel';
}

export interface PromoCodeSeed {
  id: string;
  campaign: CampaignKey;
  code: string;
  description: string;
  active: boolean;
}

export interface TrackingEventSeed {
  id: string;
  campaign: CampaignKey;
  event_id: string;
  event_type: 'Purchase' | 'AddToCart' | 'ViewContent' | 'Lead';
  event_time: string;
  value: number | null;
  currency: 'USD';
  source: 'pixel' | 'website' | 'promo_code';
  promo_code: string | null;
  metadata: JsonObject;
}

export interface DemoPlan {
  today: string;
  workspace: { id: string; name: string };
  campaigns: CampaignSeed[];
  phases: PhaseSeed[];
  /** In insertion order: oldest first, so each column ends up newest on top (new cards go to the top). */
  cards: CardSeed[];
  snapshots: SnapshotSeed[];
  promoCodes: PromoCodeSeed[];
  trackingEvents: TrackingEventSeed[];
}

/** The alert the story is about: the creative change's sales drop (checked after every seed). */
export const STORY = {
  campaign: 'spring' as CampaignKey,
  card: 'spring-creative',
  metric: 'sales',
  titlePattern: /^Sales dropped \d+% after creative change$/,
  minConfidence: 0.7,
} as const;

/** `YYYY-MM-DD` of an instant, UTC. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const at = (date: string, time: string) => `${date}T${time}:00.000Z`;

interface PhaseSpec {
  name: string;
  planned: number;
  /** Days it actually took (finished), `running` (started, not finished) or null (not started). */
  actual: number | 'running' | null;
  assets?: [number, number];
  approvals?: [number, number];
  teams: string[];
  tools: string[];
  notes?: string;
}

/** Phases back to back from `start`: planned dates follow the plan, actual dates follow what happened. */
function phaseRows(campaign: CampaignKey, start: string, actualStart: string, specs: PhaseSpec[]): PhaseSeed[] {
  let planned = start;
  let actual: string | null = actualStart;
  return specs.map((p, position) => {
    const row: PhaseSeed = {
      id: demoId(`phase:${campaign}:${p.name}`),
      campaign,
      name: p.name,
      position,
      planned_start: planned,
      planned_days: p.planned,
      actual_start: actual && p.actual !== null ? at(actual, '09:00') : null,
      actual_end: actual && typeof p.actual === 'number' ? at(addDays(actual, p.actual - 1), '17:00') : null,
      required_assets: p.assets?.[0] ?? 0,
      delivered_assets: p.assets?.[1] ?? 0,
      approvals_planned: p.approvals?.[0] ?? 0,
      approvals_actual: p.approvals?.[1] ?? 0,
      teams: p.teams,
      tools: p.tools,
      notes: p.notes ?? null,
    };
    planned = addDays(planned, p.planned);
    actual = actual && typeof p.actual === 'number' ? addDays(actual, p.actual) : null;
    return row;
  });
}

const PLANNING = { teams: ['Marketing Ops', 'Growth'], tools: ['Notion', 'Google Sheets'] };
const CREATIVE = { teams: ['Creative Studio', 'Copywriting'], tools: ['Figma', 'Canva'] };
const COMPLIANCE = { teams: ['Legal', 'Brand'], tools: ['Frame.io'] };
const LAUNCH = { teams: ['Paid Social'], tools: ['Meta Ads Manager'] };
const OPTIMIZATION = { teams: ['Paid Social', 'Analytics'], tools: ['Meta Ads Manager', 'Looker Studio'] };

function card(
  key: string,
  campaign: CampaignKey,
  fields: Omit<CardSeed, 'key' | 'id' | 'campaign' | 'completed_at' | 'reverts' | 'metadata' | 'created_by'> & {
    previous: JsonObject;
    next: JsonObject;
    adSets: string[];
    reverts?: string;
    created_by?: DemoPersonKey;
  },
): CardSeed {
  const { previous, next, adSets, reverts, created_by, ...rest } = fields;
  return {
    key,
    id: demoId(`card:${key}`),
    campaign,
    ...rest,
    completed_at: rest.status === 'completed' || rest.status === 'reverted' ? rest.occurred_at : null,
    metadata: { previous_state: previous, new_state: next, affected_ad_sets: adSets },
    reverts: reverts ?? null,
    created_by: created_by ?? 'sarah',
  };
}

/** The funnel specs of the non-story campaigns, from their first day to `to` (so the next day extends the same series). */
function funnels(today: string): Record<'bestsellers' | 'new-arrivals' | 'holiday' | 'bfcm' | 'wholesale', FunnelSpec> {
  const d = (n: number) => addDays(today, n);
  return {
    // Budget $480 → $720 a day at 09:00 a week ago: reach and sales up ≈ 40 %, ROAS about flat.
    bestsellers: {
      seed: 2101,
      from: d(-14),
      to: d(-1),
      impressions: 90_000,
      ctr: 0.018,
      cvr: 0.04,
      aov: 24,
      spend: 480,
      noise: 0.03,
      changes: [{ at: at(d(-7), '09:00'), impressions: 1.5, spend: 1.5, cvr: 0.95 }],
    },
    // Lookalike 1 % → 5 % five days ago: impressions +60 %, clicks +50 %, but buyers convert far less (mixed).
    'new-arrivals': {
      seed: 2202,
      from: d(-12),
      to: d(-1),
      impressions: 70_000,
      ctr: 0.013,
      cvr: 0.05,
      aov: 28,
      spend: 400,
      noise: 0.03,
      changes: [{ at: at(d(-5), '13:00'), impressions: 1.6, ctr: 0.95, cvr: 0.45 }],
    },
    holiday: { seed: 2303, from: d(-131), to: d(-118), impressions: 120_000, ctr: 0.016, cvr: 0.045, aov: 38, spend: 900, noise: 0.05 },
    bfcm: { seed: 2404, from: d(-117), to: d(-110), impressions: 160_000, ctr: 0.02, cvr: 0.05, aov: 44, spend: 1_500, noise: 0.05 },
    wholesale: { seed: 2505, from: d(-80), to: d(-67), impressions: 40_000, ctr: 0.009, cvr: 0.08, aov: 0, spend: 220, noise: 0.05 },
  };
}

function snapshotRows(campaign: CampaignKey, series: readonly DailyMetrics[]): SnapshotSeed[] {
  return series.map((m) => ({ ...m, id: demoId(`snapshot:${campaign}:${m.date}`), campaign, data_source: 'meta_pixel' }));
}

/** Splits a day's sales over its purchases (deterministic, sums exactly to the total). */
function purchaseValues(total: number, count: number, rng: () => number): number[] {
  if (count <= 0) return [];
  const weights = Array.from({ length: count }, () => 0.6 + 0.8 * rng());
  const sum = weights.reduce((s, w) => s + w, 0);
  const cents = weights.map((w) => Math.floor((w / sum) * Math.round(total * 100)));
  cents[0] += Math.round(total * 100) - cents.reduce((s, c) => s + c, 0);
  return cents.map((c) => c / 100);
}

function eventTime(date: string, i: number, count: number, rng: () => number): string {
  // Spread over the shopping day, 07:00–23:00 UTC, in order.
  const minutes = 7 * 60 + Math.floor(((i + rng()) / Math.max(1, count)) * 16 * 60);
  return at(date, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
}

/**
 * Pixel, website and promo-code events for a campaign's day: one Purchase per conversion (values summing to the
 * day's sales; every tenth through the promo code, every seventh from the website snippet), and for `funnel` days
 * the ViewContent and AddToCart events before them (capped to keep the demo small).
 */
function dayEvents(campaign: CampaignKey, promo: string, day: DailyMetrics, funnel: boolean, seed: number): TrackingEventSeed[] {
  const rng = createRng(seed);
  const events: TrackingEventSeed[] = [];
  const values = purchaseValues(day.sales, day.conversions, rng);
  values.forEach((value, i) => {
    const viaPromo = i % 10 === 9;
    const viaWebsite = !viaPromo && i % 7 === 6;
    const eventId = `demo-${campaign}-${day.date}-purchase-${i + 1}`;
    events.push({
      id: demoId(`event:${eventId}`),
      campaign,
      event_id: eventId,
      event_type: 'Purchase',
      event_time: eventTime(day.date, i, values.length, rng),
      value,
      currency: 'USD',
      source: viaPromo ? 'promo_code' : viaWebsite ? 'website' : 'pixel',
      promo_code: viaPromo ? promo : null,
      metadata: { order_id: `A-${day.date.replace(/-/g, '')}-${String(i + 1).padStart(3, '0')}`, items: 1 + Math.floor(rng() * 3) },
    });
  });
  if (funnel) {
    for (const [type, perPurchase, cap] of [['ViewContent', 3, 60], ['AddToCart', 2, 40]] as const) {
      const count = Math.min(cap, day.conversions * perPurchase);
      for (let i = 0; i < count; i++) {
        const eventId = `demo-${campaign}-${day.date}-${type.toLowerCase()}-${i + 1}`;
        events.push({
          id: demoId(`event:${eventId}`),
          campaign,
          event_id: eventId,
          event_type: type,
          event_time: eventTime(day.date, i, count, rng),
          value: null,
          currency: 'USD',
          source: 'pixel',
          promo_code: null,
          metadata: { content_category: 'apparel' },
        });
      }
    }
  }
  return events;
}

/** The whole demo for `today` (UTC `YYYY-MM-DD`). */
export function buildDemoPlan(today: string): DemoPlan {
  const d = (n: number) => addDays(today, n);
  const ids = (key: CampaignKey) => demoId(`campaign:${key}`);
  const pixel = '184467440737095516';
  const account = 'act_1029384756';
  const base = {
    industry: 'Retail & e-commerce',
    ad_link: 'https://acme-demo.example/shop',
    meta_pixel_id: pixel,
    ads_account_id: account,
    website_tracking: true,
    promo_tracking: true,
    decision: null,
    decision_note: null,
    decided_by: null,
    decided_at: null,
    created_by: 'olivia' as DemoPersonKey,
  };

  const campaigns: CampaignSeed[] = [
    {
      ...base,
      key: 'spring',
      id: ids('spring'),
      name: 'Spring Sale — Meta',
      objective: 'sales',
      budget: 15_000,
      audience: { locations: ['US'], age_min: 25, age_max: 44, interests: ['Fashion', 'Online shopping'], lookalike: 'Purchasers 1%' },
      keywords: ['spring sale', 'spring styles', '#springsale'],
      primary_kpi: 'sales',
      kpi_target: 15_000,
      kpi_window_days: 30,
      planned_launch: d(-12),
      peak_start: d(-14),
      peak_end: d(14),
      status: 'active',
      decision: 'proceed',
      decision_note: 'Creative is late by two days; launch anyway inside the peak window.',
      decided_by: 'olivia',
      decided_at: at(d(-13), '16:00'),
      analysed: true,
    },
    {
      ...base,
      key: 'bestsellers',
      id: ids('bestsellers'),
      name: 'Always-On Bestsellers — Meta',
      objective: 'sales',
      budget: 30_000,
      audience: { locations: ['US', 'CA'], age_min: 21, age_max: 54, interests: ['Shopping'], advantage_plus: true },
      keywords: ['bestsellers', 'free shipping'],
      primary_kpi: 'sales',
      kpi_target: 40_000,
      kpi_window_days: 30,
      planned_launch: d(-14),
      peak_start: null,
      peak_end: null,
      status: 'active',
      decision: 'proceed',
      decision_note: null,
      decided_by: 'olivia',
      decided_at: at(d(-16), '11:00'),
      analysed: true,
    },
    {
      ...base,
      key: 'new-arrivals',
      id: ids('new-arrivals'),
      name: 'New Arrivals — Instagram',
      objective: 'sales',
      budget: 12_000,
      audience: { locations: ['US'], age_min: 18, age_max: 34, platforms: ['instagram'], lookalike: 'Engaged shoppers 1%' },
      keywords: ['new arrivals', '#newin'],
      primary_kpi: 'roas',
      kpi_target: 3,
      kpi_window_days: 30,
      planned_launch: d(-12),
      peak_start: null,
      peak_end: null,
      status: 'active',
      decision: 'proceed',
      decision_note: null,
      decided_by: 'olivia',
      decided_at: at(d(-13), '10:00'),
      analysed: true,
    },
    {
      ...base,
      key: 'summer',
      id: ids('summer'),
      name: 'Summer Launch — Meta',
      objective: 'sales',
      budget: 20_000,
      audience: { locations: ['US'], age_min: 25, age_max: 44, interests: ['Travel', 'Swimwear'] },
      keywords: ['summer collection', '#summerlaunch'],
      primary_kpi: 'roas',
      kpi_target: 3.5,
      kpi_window_days: 30,
      planned_launch: d(-5),
      peak_start: d(7),
      peak_end: d(35),
      status: 'planned',
      analysed: false,
    },
    {
      ...base,
      key: 'holiday',
      id: ids('holiday'),
      name: 'Holiday Gift Guide 2025',
      objective: 'sales',
      budget: 25_000,
      audience: { locations: ['US'], age_min: 25, age_max: 54, interests: ['Gifts'] },
      keywords: ['gift guide', 'holiday gifts'],
      primary_kpi: 'roas',
      kpi_target: 3,
      kpi_window_days: 14,
      planned_launch: d(-132),
      peak_start: d(-131),
      peak_end: d(-118),
      status: 'completed',
      decision: 'proceed',
      decided_by: 'olivia',
      decided_at: at(d(-148), '15:00'),
      analysed: false,
    },
    {
      ...base,
      key: 'bfcm',
      id: ids('bfcm'),
      name: 'Black Friday / Cyber Monday 2025',
      objective: 'sales',
      budget: 40_000,
      audience: { locations: ['US', 'CA'], age_min: 21, age_max: 54, interests: ['Deals'] },
      keywords: ['black friday', 'cyber monday'],
      primary_kpi: 'sales',
      kpi_target: 90_000,
      kpi_window_days: 7,
      planned_launch: d(-118),
      peak_start: d(-117),
      peak_end: d(-110),
      status: 'completed',
      decision: 'adjust',
      decision_note: 'Compliance needs more than a week for price claims: start it earlier.',
      decided_by: 'olivia',
      decided_at: at(d(-136), '12:00'),
      analysed: false,
    },
    {
      ...base,
      key: 'wholesale',
      id: ids('wholesale'),
      name: 'Wholesale Lead Magnet Q4',
      objective: 'leads',
      budget: 6_000,
      audience: { locations: ['US'], job_titles: ['Buyer', 'Store owner'] },
      keywords: ['wholesale', 'boutique buyers'],
      primary_kpi: 'cpa',
      kpi_target: 25,
      kpi_window_days: 14,
      planned_launch: d(-80),
      peak_start: null,
      peak_end: null,
      status: 'completed',
      decision: 'proceed',
      decided_by: 'olivia',
      decided_at: at(d(-92), '09:30'),
      promo_tracking: false,
      analysed: false,
    },
  ];

  const phases: PhaseSeed[] = [
    ...phaseRows('spring', d(-24), d(-24), [
      { name: 'Planning', planned: 3, actual: 3, approvals: [1, 1], ...PLANNING },
      { name: 'Creative', planned: 5, actual: 7, assets: [12, 12], ...CREATIVE, notes: 'Hero image reshoot added two days.' },
      { name: 'Compliance', planned: 4, actual: 4, approvals: [2, 2], ...COMPLIANCE },
      { name: 'Launch', planned: 1, actual: 1, ...LAUNCH },
      { name: 'Optimization', planned: 30, actual: 'running', ...OPTIMIZATION },
    ]),
    ...phaseRows('bestsellers', d(-23), d(-23), [
      { name: 'Planning', planned: 2, actual: 2, approvals: [1, 1], ...PLANNING },
      { name: 'Creative', planned: 4, actual: 4, assets: [8, 8], ...CREATIVE },
      { name: 'Compliance', planned: 3, actual: 3, approvals: [1, 1], ...COMPLIANCE },
      { name: 'Launch', planned: 1, actual: 1, ...LAUNCH },
      { name: 'Optimization', planned: 60, actual: 'running', ...OPTIMIZATION },
    ]),
    ...phaseRows('new-arrivals', d(-24), d(-24), [
      { name: 'Planning', planned: 3, actual: 3, approvals: [1, 1], ...PLANNING },
      { name: 'Creative', planned: 5, actual: 6, assets: [10, 9], ...CREATIVE },
      { name: 'Compliance', planned: 3, actual: 2, approvals: [1, 1], ...COMPLIANCE },
      { name: 'Launch', planned: 1, actual: 1, ...LAUNCH },
      { name: 'Optimization', planned: 30, actual: 'running', ...OPTIMIZATION },
    ]),
    // The spec's drift sample (docs/domain-rules.md, Drift): Planning 3 → 3, Creative 5 → 7, Compliance 7 → 10, Launch pending.
    ...phaseRows('summer', d(-20), d(-20), [
      { name: 'Planning', planned: 3, actual: 3, approvals: [1, 1], ...PLANNING },
      { name: 'Creative', planned: 5, actual: 7, assets: [14, 14], ...CREATIVE, notes: 'Swimwear shoot moved twice for weather.' },
      { name: 'Compliance', planned: 7, actual: 10, approvals: [3, 5], ...COMPLIANCE, notes: 'Two extra legal rounds on sustainability claims.' },
      { name: 'Launch', planned: 1, actual: null, ...LAUNCH },
    ]),
    ...phaseRows('holiday', d(-147), d(-147), [
      { name: 'Planning', planned: 3, actual: 3, approvals: [1, 1], ...PLANNING },
      { name: 'Creative', planned: 5, actual: 6, assets: [16, 15], ...CREATIVE },
      { name: 'Compliance', planned: 6, actual: 8, approvals: [2, 3], ...COMPLIANCE },
      { name: 'Launch', planned: 1, actual: 1, ...LAUNCH },
    ]),
    ...phaseRows('bfcm', d(-135), d(-135), [
      { name: 'Planning', planned: 3, actual: 3, approvals: [1, 1], ...PLANNING },
      { name: 'Creative', planned: 6, actual: 8, assets: [20, 18], ...CREATIVE },
      { name: 'Compliance', planned: 7, actual: 10, approvals: [2, 4], ...COMPLIANCE, notes: 'Price claims needed three legal rounds.' },
      { name: 'Launch', planned: 1, actual: 2, ...LAUNCH },
    ]),
    ...phaseRows('wholesale', d(-91), d(-91), [
      { name: 'Planning', planned: 2, actual: 2, approvals: [1, 1], ...PLANNING },
      { name: 'Creative', planned: 4, actual: 4, assets: [6, 6], ...CREATIVE },
      { name: 'Compliance', planned: 4, actual: 5, approvals: [1, 2], ...COMPLIANCE },
      { name: 'Launch', planned: 1, actual: 1, ...LAUNCH },
    ]),
  ];

  const heroSets = ['Prospecting — Broad US', 'Retargeting — 30 days'];
  const cards: CardSeed[] = [
    // Past campaigns (months ago): finished work, one reverted pause.
    card('holiday-duplicate', 'holiday', {
      action_type: 'duplicate_ad_set',
      title: 'Duplicated winning gift-guide ad set',
      description: 'Copied the best-performing ad set into a lookalike audience.',
      occurred_at: at(d(-128), '10:00'),
      status: 'completed',
      impact: 'positive',
      previous: { ad_sets: 1 },
      next: { ad_sets: 2 },
      adSets: ['Gift guide — Lookalike 2%'],
      created_by: 'olivia',
    }),
    card('holiday-pause', 'holiday', {
      action_type: 'pause_ads',
      title: 'Paused underperforming carousel ads',
      description: 'Carousel CTR was half the single-image ads.',
      occurred_at: at(d(-125), '15:00'),
      status: 'reverted',
      impact: 'negative',
      previous: { ad_status: 'Active' },
      next: { ad_status: 'Paused' },
      adSets: ['Carousel A', 'Carousel B'],
    }),
    card('holiday-unpause', 'holiday', {
      action_type: 'pause_ads',
      title: 'Re-enabled carousel ads',
      description: 'Sales fell with the carousels off; they were carrying late-funnel buyers.',
      occurred_at: at(d(-124), '09:00'),
      status: 'completed',
      impact: 'positive',
      previous: { ad_status: 'Paused' },
      next: { ad_status: 'Active' },
      adSets: ['Carousel A', 'Carousel B'],
      reverts: 'holiday-pause',
    }),
    card('bfcm-budget', 'bfcm', {
      action_type: 'budget_adjustment',
      title: 'Doubled daily budget for Black Friday weekend',
      description: 'Front-loaded spend into the four peak days.',
      occurred_at: at(d(-116), '06:00'),
      status: 'completed',
      impact: 'positive',
      previous: { daily_budget: '$1,500' },
      next: { daily_budget: '$3,000' },
      adSets: ['BFCM — Broad', 'BFCM — Retargeting'],
      created_by: 'olivia',
    }),
    card('bfcm-bidding', 'bfcm', {
      action_type: 'bidding_change',
      title: 'Switched retargeting to cost cap bidding',
      description: 'Cost cap at $22 to hold CPA through the auction spike.',
      occurred_at: at(d(-114), '11:00'),
      status: 'completed',
      impact: 'neutral',
      previous: { bid_strategy: 'Lowest cost' },
      next: { bid_strategy: 'Cost cap $22' },
      adSets: ['BFCM — Retargeting'],
    }),
    card('wholesale-form', 'wholesale', {
      action_type: 'ad_copy_update',
      title: 'Shortened the lead form to three fields',
      description: 'Dropped company size and phone number.',
      occurred_at: at(d(-74), '14:00'),
      status: 'completed',
      impact: 'positive',
      previous: { form_fields: 5 },
      next: { form_fields: 3 },
      adSets: ['Wholesale — Buyers'],
    }),

    // Always-On Bestsellers: the budget increase that worked.
    card('bestsellers-copy', 'bestsellers', {
      action_type: 'ad_copy_update',
      title: 'Added free-shipping line to primary text',
      description: '"Free shipping over $50" as the first line.',
      occurred_at: at(d(-11), '10:00'),
      status: 'completed',
      impact: 'neutral',
      previous: { primary_text: 'Our bestsellers, restocked.' },
      next: { primary_text: 'Free shipping over $50. Our bestsellers, restocked.' },
      adSets: ['Bestsellers — Advantage+'],
    }),
    card('bestsellers-budget', 'bestsellers', {
      action_type: 'budget_adjustment',
      title: 'Increased daily budget from $480 to $720',
      description: 'ROAS held above 3 for a week: scale the winner by 50 %.',
      occurred_at: at(d(-7), '09:00'),
      status: 'completed',
      impact: 'neutral', // the analysis marks it positive from the data
      previous: { daily_budget: '$480' },
      next: { daily_budget: '$720' },
      adSets: ['Bestsellers — Advantage+'],
    }),
    card('bestsellers-bidding', 'bestsellers', {
      action_type: 'bidding_change',
      title: 'Set a cost cap of $9 on prospecting',
      description: 'Guard CPA while the budget is higher.',
      occurred_at: at(d(-3), '16:00'),
      status: 'in_progress',
      impact: 'neutral',
      previous: { bid_strategy: 'Lowest cost' },
      next: { bid_strategy: 'Cost cap $9' },
      adSets: ['Bestsellers — Advantage+'],
    }),
    card('bestsellers-reallocate', 'bestsellers', {
      action_type: 'budget_adjustment',
      title: 'Reallocate 20 % of budget to Advantage+ catalog ads',
      description: 'Planned once the cost cap settles.',
      occurred_at: at(d(2), '09:00'),
      status: 'planned',
      impact: 'neutral',
      previous: { budget_split: 'Advantage+ 100 %' },
      next: { budget_split: 'Advantage+ 80 % / Catalog 20 %' },
      adSets: ['Bestsellers — Advantage+', 'Catalog — Dynamic'],
    }),

    // New Arrivals: the audience change with mixed results.
    card('new-arrivals-image', 'new-arrivals', {
      action_type: 'creative_change',
      title: 'Swapped product image to lifestyle shot',
      description: 'Model-on-street photo instead of the white-background packshot.',
      occurred_at: at(d(-10), '11:00'),
      status: 'completed',
      impact: 'neutral',
      previous: { product_image: 'packshot_white.jpg' },
      next: { product_image: 'street_lifestyle.jpg' },
      adSets: ['New In — Reels'],
    }),
    card('new-arrivals-audience', 'new-arrivals', {
      action_type: 'audience_targeting',
      title: 'Broadened lookalike from 1% to 5%',
      description: 'More reach for the new collection; watch conversion rate.',
      occurred_at: at(d(-5), '13:00'),
      status: 'completed',
      impact: 'neutral',
      previous: { audience: 'Lookalike 1% — Engaged shoppers' },
      next: { audience: 'Lookalike 5% — Engaged shoppers' },
      adSets: ['New In — Reels', 'New In — Feed'],
    }),
    card('new-arrivals-narrow', 'new-arrivals', {
      action_type: 'audience_targeting',
      title: 'Test lookalike 3% as a middle ground',
      description: 'Split test 3 % against 5 % for a week.',
      occurred_at: at(d(1), '10:00'),
      status: 'planned',
      impact: 'neutral',
      previous: { audience: 'Lookalike 5% — Engaged shoppers' },
      next: { audience: 'Lookalike 3% — Engaged shoppers' },
      adSets: ['New In — Reels'],
    }),

    // Summer Launch: not live yet.
    card('summer-claims', 'summer', {
      action_type: 'ad_copy_update',
      title: 'Rewrite sustainability claims after legal review',
      description: 'Legal asked for sourced numbers on recycled fabric.',
      occurred_at: at(d(-3), '14:00'),
      status: 'in_progress',
      impact: 'neutral',
      previous: { claim: '100% sustainable swimwear' },
      next: { claim: 'Made with 78% recycled nylon' },
      adSets: [],
    }),
    card('summer-launch-budget', 'summer', {
      action_type: 'budget_adjustment',
      title: 'Set launch-week daily budget to $900',
      description: 'Front-load the first week of the peak window.',
      occurred_at: at(d(3), '09:00'),
      status: 'planned',
      impact: 'neutral',
      previous: { daily_budget: '$0' },
      next: { daily_budget: '$900' },
      adSets: ['Summer — Broad', 'Summer — Retargeting'],
    }),

    // Spring Sale: the story.
    card('spring-duplicate', 'spring', {
      action_type: 'duplicate_ad_set',
      title: 'Duplicated winning ad set for retargeting',
      description: 'Same creative, 30-day site visitors.',
      occurred_at: at(d(-8), '14:00'),
      status: 'completed',
      impact: 'neutral',
      previous: { ad_sets: 1 },
      next: { ad_sets: 2 },
      adSets: ['Retargeting — 30 days'],
    }),
    card('spring-headline', 'spring', {
      action_type: 'ad_copy_update',
      title: 'Updated headline to "Spring styles, 30% off"',
      description: 'Lead with the discount.',
      occurred_at: at(d(-5), '15:00'),
      status: 'completed',
      impact: 'neutral',
      previous: { headline: 'New spring styles are here' },
      next: { headline: 'Spring styles, 30% off' },
      adSets: heroSets,
    }),
    card('spring-ugc', 'spring', {
      action_type: 'creative_change',
      title: 'Produce UGC video variations',
      description: 'Three creator videos for Stories; first cut due Friday.',
      occurred_at: at(d(-5), '09:00'),
      status: 'in_progress',
      impact: 'neutral',
      previous: { stories_creative: 'static_hero.jpg' },
      next: { stories_creative: 'ugc_video_v1.mp4' },
      adSets: ['Stories — Prospecting'],
    }),
    card(STORY.card, 'spring', {
      action_type: 'creative_change',
      title: 'Changed hero image from blue to red',
      description: 'Updated main ad creative to test color psychology',
      occurred_at: at(d(-2), '10:00'),
      status: 'completed',
      impact: 'neutral', // the analysis marks it negative from the data
      previous: { creative_url: 'blue_hero.jpg' },
      next: { creative_url: 'red_hero.jpg' },
      adSets: ['ad_set_1', 'ad_set_2'],
    }),
    card('spring-carousel', 'spring', {
      action_type: 'duplicate_ad_set',
      title: 'Test carousel format for retargeting',
      description: 'Carousel of the five best sellers against the single image.',
      occurred_at: at(d(2), '10:00'),
      status: 'planned',
      impact: 'neutral',
      previous: { format: 'Single image' },
      next: { format: 'Carousel' },
      adSets: ['Retargeting — 30 days'],
    }),
  ];
  // Oldest first, so the newest card of each column ends on top; a reverting card always after the one it reverts.
  cards.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.key.localeCompare(b.key));

  const f = funnels(today);
  const series: [CampaignKey, DailyMetrics[]][] = [
    ['spring', creativeStorySeries(d(-1))],
    ['bestsellers', funnelSeries(f.bestsellers)],
    ['new-arrivals', funnelSeries(f['new-arrivals'])],
    ['holiday', funnelSeries(f.holiday)],
    ['bfcm', funnelSeries(f.bfcm)],
    ['wholesale', funnelSeries(f.wholesale).map((m) => ({ ...m, sales: 0, revenue: 0, roas: 0 }))],
  ];
  const snapshots = series.flatMap(([key, s]) => snapshotRows(key, s));

  const promo: Record<CampaignKey, { code: string; description: string; active: boolean } | null> = {
    spring: { code: 'SPRING30', description: '30 % off spring styles (Meta ads, Stories)', active: true },
    bestsellers: { code: 'BEST15', description: '15 % off bestsellers for first orders', active: true },
    'new-arrivals': { code: 'NEWIN20', description: '20 % off the new collection (Instagram)', active: true },
    summer: { code: 'SUMMER26', description: 'Launch-week code for the summer collection', active: true },
    holiday: { code: 'GIFT25', description: 'Holiday gift guide, expired', active: false },
    bfcm: { code: 'BFCM40', description: 'Black Friday / Cyber Monday, expired', active: false },
    wholesale: null,
  };
  const promoCodes: PromoCodeSeed[] = campaigns.flatMap((c) => {
    const p = promo[c.key];
    return p ? [{ id: demoId(`promo:${p.code}`), campaign: c.key, ...p }] : [];
  });

  // Events for the last two days of each live sales campaign (the funnel for yesterday), and the leads of the
  // wholesale campaign's launch day.
  const trackingEvents: TrackingEventSeed[] = [];
  (['spring', 'bestsellers', 'new-arrivals'] as const).forEach((key, k) => {
    const code = promo[key]?.code ?? '';
    const days = snapshots.filter((s) => s.campaign === key).slice(-2);
    days.forEach((day, i) => trackingEvents.push(...dayEvents(key, code, day, i === days.length - 1, 9000 + 10 * k + i)));
  });
  const leadDay = snapshots.find((s) => s.campaign === 'wholesale');
  if (leadDay) {
    const rng = createRng(9100);
    for (let i = 0; i < Math.min(25, leadDay.conversions); i++) {
      const eventId = `demo-wholesale-${leadDay.date}-lead-${i + 1}`;
      trackingEvents.push({
        id: demoId(`event:${eventId}`),
        campaign: 'wholesale',
        event_id: eventId,
        event_type: 'Lead',
        event_time: eventTime(leadDay.date, i, 25, rng),
        value: null,
        currency: 'USD',
        source: i % 4 === 3 ? 'website' : 'pixel',
        promo_code: null,
        metadata: { form: 'wholesale-inquiry' },
      });
    }
  }

  return { today, workspace: { id: DEMO_WORKSPACE_ID, name: DEMO_WORKSPACE_NAME }, campaigns, phases, cards, snapshots, promoCodes, trackingEvents };
}

/**
 * "The next day's data": today's snapshot of each live campaign. Spring Sale is back near its baseline after the
 * revert (which resolves the alert through the database trigger); the others continue their own series.
 */
export function buildNextDay(today: string): SnapshotSeed[] {
  const f = funnels(today);
  const extend = (spec: FunnelSpec) => funnelSeries({ ...spec, to: today }).slice(-1);
  return [
    ...snapshotRows('spring', [creativeRecoveryDay(today)]),
    ...snapshotRows('bestsellers', extend(f.bestsellers)),
    ...snapshotRows('new-arrivals', extend(f['new-arrivals'])),
  ];
}
