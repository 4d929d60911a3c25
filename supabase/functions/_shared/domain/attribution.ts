/**
 * Attribution and data quality for conversion events (docs/domain-rules.md, Tracking events, attribution, data quality).
 *
 * Attribution splits one conversion's value between the campaigns a customer touched before converting, under five
 * models: first-touch, last-touch, linear, time-decay (credit halves every `halfLifeDays` before the conversion) and
 * position-based (40 % first, 40 % last, the remaining 20 % spread over the touches between). Credit is allocated in
 * cents with the largest-remainder method so the campaigns' credits always sum exactly to the conversion value.
 *
 * Data quality inspects a batch of tracking events for what would silently distort the metrics: repeated event
 * ids, timestamps in the future, purchases without a value and values far above the usual.
 */
import { DomainInputError } from './dates.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** One campaign contact in a customer's journey: which campaign, and when (ISO-8601 or Date). */
export interface Touchpoint {
  campaign_id: string;
  at: string | Date;
}

export interface AttributionOptions {
  /** When the conversion happened; touches after it are ignored. Default: the last touch. */
  conversionTime?: string | Date;
  /** Time-decay half-life in days (> 0). Default DEFAULT_THRESHOLDS.tracking.timeDecayHalfLifeDays. */
  halfLifeDays?: number;
  /** Position-based share of the first and of the last touch (0–0.5). Default 0.4. */
  endShare?: number;
}

/** A campaign's part of one conversion: `credit` in the conversion's currency units, `share` 0–1. */
export interface CampaignCredit {
  campaign_id: string;
  credit: number;
  share: number;
}

const MS_PER_DAY = 86_400_000;

function toMillis(value: string | Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw new DomainInputError(`${field} is not a valid time`, field);
  return ms;
}

/** Raw (unnormalised) weight of each touch, in journey order. */
function touchWeights(model: AttributionModel, times: number[], conversionMs: number, options: AttributionOptions): number[] {
  const n = times.length;
  switch (model) {
    case 'first_touch':
      return times.map((_, i) => (i === 0 ? 1 : 0));
    case 'last_touch':
      return times.map((_, i) => (i === n - 1 ? 1 : 0));
    case 'linear':
      return times.map(() => 1);
    case 'time_decay': {
      const halfLife = options.halfLifeDays ?? DEFAULT_THRESHOLDS.tracking.timeDecayHalfLifeDays;
      if (!(halfLife > 0) || !Number.isFinite(halfLife)) throw new DomainInputError('halfLifeDays must be a positive number', 'halfLifeDays');
      return times.map((t) => 2 ** (-(conversionMs - t) / MS_PER_DAY / halfLife));
    }
    case 'position_based': {
      const end = options.endShare ?? DEFAULT_THRESHOLDS.tracking.positionEndShare;
      if (!(end >= 0 && end <= 0.5)) throw new DomainInputError('endShare must be between 0 and 0.5', 'endShare');
      if (n === 1) return [1];
      if (n === 2) return [0.5, 0.5];
      const middle = (1 - 2 * end) / (n - 2);
      return times.map((_, i) => (i === 0 || i === n - 1 ? end : middle));
    }
  }
}

/** Splits `total` cents in proportion to `weights`, rounding with the largest remainder so the parts sum to `total`. */
function allocateCents(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k += 1, left -= 1) parts[order[k].i] += 1;
  return parts;
}

/**
 * Credit per campaign for one conversion worth `value` (currency units, ≥ 0) under `model`, over the journey's
 * touchpoints (any order; sorted by time, touches after the conversion dropped). Campaigns appear in the order of
 * their first touch; credits are rounded to cents and sum exactly to `value` (rounded to cents). No touches: [].
 */
export function attributeConversion(
  model: AttributionModel,
  touchpoints: readonly Touchpoint[],
  value: number,
  options: AttributionOptions = {},
): CampaignCredit[] {
  if (!Number.isFinite(value) || value < 0) throw new DomainInputError('The conversion value must be a non-negative number', 'value');
  if (!ATTRIBUTION_MODELS.includes(model)) throw new DomainInputError(`Unknown attribution model ${String(model)}`, 'model');
  const timed = touchpoints
    .map((t, index) => ({ campaign_id: t.campaign_id, ms: toMillis(t.at, `touchpoints[${index}].at`), index }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index);
  const conversionMs = options.conversionTime === undefined ? (timed.at(-1)?.ms ?? 0) : toMillis(options.conversionTime, 'conversionTime');
  const journey = timed.filter((t) => t.ms <= conversionMs);
  if (journey.length === 0) return [];

  const weights = touchWeights(model, journey.map((t) => t.ms), conversionMs, options);
  const byCampaign = new Map<string, number>();
  journey.forEach((t, i) => byCampaign.set(t.campaign_id, (byCampaign.get(t.campaign_id) ?? 0) + weights[i]));
  const campaigns = [...byCampaign.keys()];
  const campaignWeights = campaigns.map((c) => byCampaign.get(c) ?? 0);
  const totalCents = Math.round(value * 100);
  const cents = allocateCents(totalCents, campaignWeights);
  const weightSum = campaignWeights.reduce((a, b) => a + b, 0);
  return campaigns.map((campaign_id, i) => ({
    campaign_id,
    credit: cents[i] / 100,
    share: weightSum > 0 ? campaignWeights[i] / weightSum : 0,
  }));
}

/** The minimal shape of a tracking event the quality checks read. */
export interface QualityEvent {
  event_id: string;
  event_type: string;
  event_time: string | Date;
  value?: number | null;
  currency?: string | null;
}

export type EventQualityIssueKind = 'duplicate_event_id' | 'invalid_timestamp' | 'future_timestamp' | 'purchase_without_value' | 'value_outlier';

export interface EventQualityIssue {
  kind: EventQualityIssueKind;
  /** Position of the offending event in the input. */
  index: number;
  event_id: string;
  message: string;
}

export interface EventQualityOptions {
  /** The moment of the check (default: the clock). */
  now?: Date;
  /** Minutes an event may lie in the future (clock skew). Default DEFAULT_THRESHOLDS.tracking.maxFutureSkewMinutes. */
  maxFutureSkewMinutes?: number;
  /** A value above this multiple of its group's median is an outlier. Default 10. */
  outlierMedianMultiple?: number;
  /** A group needs this many values before its median means anything. Default 3. */
  outlierMinSample?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Data-quality issues in a batch of events, in input order: a repeated event_id (every occurrence after the first),
 * an unparseable time, a time more than `maxFutureSkewMinutes` ahead of `now`, a Purchase without a value, and a value
 * more than `outlierMedianMultiple` × the median value of events of the same type and currency (groups of ≥ 3 values).
 */
export function checkEventQuality(events: readonly QualityEvent[], options: EventQualityOptions = {}): EventQualityIssue[] {
  const now = (options.now ?? new Date()).getTime();
  const skewMs = (options.maxFutureSkewMinutes ?? DEFAULT_THRESHOLDS.tracking.maxFutureSkewMinutes) * 60_000;
  const multiple = options.outlierMedianMultiple ?? DEFAULT_THRESHOLDS.tracking.outlierMedianMultiple;
  const minSample = options.outlierMinSample ?? 3;
  const issues: EventQualityIssue[] = [];
  const seen = new Map<string, number>();
  const groups = new Map<string, number[]>();

  events.forEach((event, index) => {
    const first = seen.get(event.event_id);
    if (first !== undefined) {
      issues.push({ kind: 'duplicate_event_id', index, event_id: event.event_id, message: `event_id ${event.event_id} repeats event #${first}` });
    } else {
      seen.set(event.event_id, index);
    }
    const ms = event.event_time instanceof Date ? event.event_time.getTime() : Date.parse(event.event_time);
    if (!Number.isFinite(ms)) {
      issues.push({ kind: 'invalid_timestamp', index, event_id: event.event_id, message: 'event_time is not a valid time' });
    } else if (ms > now + skewMs) {
      const minutes = Math.round((ms - now) / 60_000);
      issues.push({ kind: 'future_timestamp', index, event_id: event.event_id, message: `event_time is ${minutes} min in the future` });
    }
    const hasValue = typeof event.value === 'number' && Number.isFinite(event.value);
    if (event.event_type === 'Purchase' && !hasValue) {
      issues.push({ kind: 'purchase_without_value', index, event_id: event.event_id, message: 'Purchase has no value' });
    }
    if (hasValue) {
      const key = `${event.event_type}|${event.currency ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), event.value as number]);
    }
  });

  const medians = new Map<string, number>();
  for (const [key, values] of groups) if (values.length >= minSample) medians.set(key, median(values));
  events.forEach((event, index) => {
    if (typeof event.value !== 'number' || !Number.isFinite(event.value)) return;
    const typical = medians.get(`${event.event_type}|${event.currency ?? ''}`);
    if (typical !== undefined && typical > 0 && event.value > multiple * typical) {
      issues.push({
        kind: 'value_outlier',
        index,
        event_id: event.event_id,
        message: `value ${event.value} is more than ${multiple}× the median ${typical} of ${event.event_type} events`,
      });
    }
  });
  return issues.sort((a, b) => a.index - b.index);
}
