/**
 * The daily snapshot row every source writes (Meta, the website roll-up, CSV imports) and the data-quality checks it
 * must pass before it reaches performance_snapshots (seed 003 §6.2). A row that fails is quarantined with its
 * reasons, never dropped and never written.
 *
 * Units: spend, sales, revenue, cpa and cpm in the campaign's currency; roas a multiple (revenue ÷ spend); ctr in
 * percent; everything else a count. A metric left out (or null) means "this source does not report it".
 */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.ts';

/** Counts (whole numbers). */
export const COUNT_METRICS = ['impressions', 'reach', 'clicks', 'link_clicks', 'conversions', 'leads', 'add_to_carts', 'engagement'] as const;
/** Money, in the campaign's currency (cents). */
export const MONEY_METRICS = ['spend', 'sales', 'revenue'] as const;
/** Ratios a source reports as it computes them (roas ×, cpa and cpm money, ctr %). */
export const RATIO_METRICS = ['roas', 'cpa', 'ctr', 'cpm'] as const;
export const SNAPSHOT_METRICS = [...MONEY_METRICS, ...COUNT_METRICS, ...RATIO_METRICS] as const;
export type SnapshotMetric = (typeof SNAPSHOT_METRICS)[number];

/** Decimal places the database keeps per metric (numeric(14,2) money, numeric(10|14|8,4) ratios). */
export const METRIC_DECIMALS: Record<SnapshotMetric, number> = {
  spend: 2,
  sales: 2,
  revenue: 2,
  impressions: 0,
  reach: 0,
  clicks: 0,
  link_clicks: 0,
  conversions: 0,
  leads: 0,
  add_to_carts: 0,
  engagement: 0,
  roas: 4,
  cpa: 4,
  ctr: 4,
  cpm: 4,
};

export type SnapshotMetrics = Partial<Record<SnapshotMetric, number | null>>;

export interface SnapshotRow extends SnapshotMetrics {
  campaign_id: string;
  /** Calendar day, YYYY-MM-DD, in the time zone of the source (the ad account's, or the workspace's). */
  date: string;
  /** Who reported it: meta_ads, website, csv, google_ads, … (lowercase, a–z 0–9 _). */
  data_source: string;
}

export const DATA_SOURCE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const ISO_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const metricValue = z.number({ error: 'must be a number' }).finite('must be a finite number').nullish();

/** The shape of a row (types, date, source name). Values are judged by `checkSnapshotQuality`, not here. */
export const snapshotRowSchema = z
  .object({
    campaign_id: z.uuid({ error: 'campaign_id must be a UUID' }),
    date: z
      .string()
      .regex(ISO_DAY_PATTERN, 'date must be YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'date is not a calendar day'),
    data_source: z.string().regex(DATA_SOURCE_PATTERN, 'data_source must be lowercase letters, digits and _'),
    ...Object.fromEntries(SNAPSHOT_METRICS.map((m) => [m, metricValue])),
  })
  .strict()
  .superRefine((row, ctx) => {
    for (const m of COUNT_METRICS) {
      const v = (row as SnapshotMetrics)[m];
      if (typeof v === 'number' && !Number.isInteger(v)) ctx.addIssue({ code: 'custom', path: [m], message: `${m} must be a whole number` });
    }
  });

/** Rounds every reported metric to what the database keeps, and turns undefined into null (not reported). */
export function normaliseMetrics(row: SnapshotMetrics): Record<SnapshotMetric, number | null> {
  const out = {} as Record<SnapshotMetric, number | null>;
  for (const m of SNAPSHOT_METRICS) {
    const v = row[m];
    if (typeof v !== 'number' || !Number.isFinite(v)) out[m] = null;
    else {
      const f = 10 ** METRIC_DECIMALS[m];
      out[m] = Math.round(v * f) / f;
    }
  }
  return out;
}

/** Whether two rows report the same values (after rounding to what is stored). */
export function sameMetrics(a: SnapshotMetrics, b: SnapshotMetrics): boolean {
  const x = normaliseMetrics(a);
  const y = normaliseMetrics(b);
  return SNAPSHOT_METRICS.every((m) => x[m] === y[m]);
}

export const QUALITY_CHECKS = ['negative_value', 'clicks_above_impressions', 'conversions_above_clicks', 'future_date', 'outlier'] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

export interface QualityReason {
  check: QualityCheck;
  metric?: SnapshotMetric;
  message: string;
}

export const qualityReasonSchema = z.object({
  check: z.enum(QUALITY_CHECKS),
  metric: z.enum(SNAPSHOT_METRICS).optional(),
  message: z.string(),
});

/** Metrics the outlier rule watches: volumes and money. Ratios swing legitimately on small days. */
const OUTLIER_METRICS = [...MONEY_METRICS, ...COUNT_METRICS] as const;

export interface QualityContext {
  /** Today in the row's time zone (YYYY-MM-DD): a later date is in the future. */
  today: string;
  /** Earlier values of the same campaign and source, per metric (any order; nulls ignored). */
  history?: Partial<Record<SnapshotMetric, readonly (number | null)[]>>;
  thresholds?: Thresholds['dataQuality'];
}

/** The q-quantile (0–1) of values, linear between order statistics. */
function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Why a row may not be written, in check order (empty: it is good):
 * - negative_value: any metric below 0;
 * - clicks_above_impressions / conversions_above_clicks: when both are reported;
 * - future_date: the day starts after `today` (+ maxFutureDays) in the row's time zone;
 * - outlier: a volume or money value above `outlierMultiple` (10) × the 90th percentile of the campaign's previous
 *   `outlierHistoryDays` (28) days from the same source, given ≥ `outlierMinHistoryDays` (7) such days, a usual level
 *   above 0, and a value of at least `outlierMinValue` (50 units). Only upward: a fall to zero is real news (a broken
 *   pixel, paused ads) the correlation engine must see.
 */
export function checkSnapshotQuality(row: SnapshotRow, context: QualityContext): QualityReason[] {
  const t = context.thresholds ?? DEFAULT_THRESHOLDS.dataQuality;
  const reasons: QualityReason[] = [];
  const v = (m: SnapshotMetric): number | null => (typeof row[m] === 'number' && Number.isFinite(row[m]) ? (row[m] as number) : null);

  for (const m of SNAPSHOT_METRICS) {
    const value = v(m);
    if (value !== null && value < 0) reasons.push({ check: 'negative_value', metric: m, message: `${m} is negative (${value})` });
  }
  const clicks = v('clicks');
  const impressions = v('impressions');
  const conversions = v('conversions');
  if (clicks !== null && impressions !== null && clicks > impressions) {
    reasons.push({ check: 'clicks_above_impressions', metric: 'clicks', message: `${clicks} clicks exceed ${impressions} impressions` });
  }
  if (conversions !== null && clicks !== null && conversions > clicks) {
    reasons.push({ check: 'conversions_above_clicks', metric: 'conversions', message: `${conversions} conversions exceed ${clicks} clicks` });
  }
  const latest = addDays(context.today, t.maxFutureDays);
  if (row.date > latest) reasons.push({ check: 'future_date', message: `${row.date} is after today (${context.today})` });

  for (const m of OUTLIER_METRICS) {
    const value = v(m);
    if (value === null || value < t.outlierMinValue) continue;
    const past = (context.history?.[m] ?? []).filter((x): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0);
    if (past.length < t.outlierMinHistoryDays) continue;
    const usual = quantile(past, 0.9);
    if (usual > 0 && value > t.outlierMultiple * usual) {
      reasons.push({
        check: 'outlier',
        metric: m,
        message: `${m} ${value} is more than ${t.outlierMultiple}× its usual level (${Math.round(usual * 100) / 100}, 90th percentile of ${past.length} earlier days)`,
      });
    }
  }
  return reasons;
}

/** Building an Intl formatter costs far more than using one: one per zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Every zone's offset is a multiple of 15 minutes, so the day is the same within a 15-minute slot: cache by slot. */
const SLOT_MS = 15 * 60_000;
const daySlots = new Map<string, string>();

/** "Today" as a calendar day in an IANA time zone (YYYY-MM-DD). */
export function dayInTimeZone(at: Date, timeZone: string): string {
  const key = `${timeZone}|${Math.floor(at.getTime() / SLOT_MS)}`;
  const cached = daySlots.get(key);
  if (cached) return cached;
  if (daySlots.size > 50_000) daySlots.clear();
  const day = formatDay(at, timeZone);
  daySlots.set(key, day);
  return day;
}

function formatDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whether `name` is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
