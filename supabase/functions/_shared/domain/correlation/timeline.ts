/**
 * The campaign timeline (docs/domain-rules.md, Correlation engine): marketer actions and daily metric snapshots on one clock.
 * Days are UTC calendar days numbered from 1970-01-01. A snapshot is the total for its date; an action at 10:00
 * on day d exposes 14/24 of day d and all of the days after it.
 */
import { METRICS, type ActionInput, type Metric, type SnapshotInput } from './types.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Day number of a `YYYY-MM-DD` date (UTC). */
export function dayNumber(date: string): number {
  // Fast path for the validated `YYYY-MM-DD` shape (the engine reads thousands of dates per campaign).
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
  }
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The decimal number in date[from, to), or −1 when a character is not a digit. */
function digits(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day numbers of snapshots, remembered per snapshot object (and checked against its date, in case it changed). */
const snapshotDays = new WeakMap<object, { date: string; day: number }>();
function snapshotDay(s: SnapshotInput): number {
  const known = snapshotDays.get(s);
  if (known && known.date === s.date) return known.day;
  const day = dayNumber(s.date);
  snapshotDays.set(s, { date: s.date, day });
  return day;
}

/** Every chart point and finding names its day: remember the strings (bounded). */
const dayDates = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function dayDate(day: number): string {
  let date = dayDates.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayDates.size >= 100_000) dayDates.clear();
    dayDates.set(day, date);
  }
  return date;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Milliseconds since epoch of an ISO timestamp, or null when it cannot be read. */
export function instantOf(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** A dated action: its day, the fraction (0–1] of that day after it, and whether it undoes an earlier action. */
export interface TimedAction {
  action: ActionInput;
  at: number;
  day: number;
  exposedFraction: number;
  revertsActionId: string | null;
  isRevert: boolean;
}

/** The id of the action this one undoes, from reverts_action_id, metadata, or null. */
export function revertedActionId(action: ActionInput): string | null {
  if (action.reverts_action_id) return action.reverts_action_id;
  const meta = action.metadata as Record<string, unknown>;
  const fromMeta = meta.reverts_action_id ?? meta.revert_of ?? meta.reverted_action_id;
  return typeof fromMeta === 'string' && fromMeta ? fromMeta : null;
}

/** Actions that actually happened (not merely planned, with a readable occurred_at), sorted by time. */
export function timedActions(actions: readonly ActionInput[]): TimedAction[] {
  const out: TimedAction[] = [];
  for (const action of actions) {
    if (action.status === 'planned' || !action.occurred_at) continue;
    const at = instantOf(action.occurred_at);
    if (at === null) continue;
    const day = Math.floor(at / MS_PER_DAY);
    const exposedFraction = (day * MS_PER_DAY + MS_PER_DAY - at) / MS_PER_DAY;
    const revertsActionId = revertedActionId(action);
    const isRevert = revertsActionId !== null || /revert/i.test(action.action_type);
    out.push({ action, at, day, exposedFraction, revertsActionId, isRevert });
  }
  return out.sort((a, b) => a.at - b.at || a.action.id.localeCompare(b.action.id));
}

/** Dense daily series of one metric: index i is day `start + i`; missing or non-finite values are null. */
export interface DailySeries {
  metric: Metric;
  start: number;
  values: (number | null)[];
}

/** Series already built per snapshot list (the engine's stages each ask for the same ones); callers get a copy. */
const builtSeries = new WeakMap<readonly SnapshotInput[], { length: number; byMetric: Map<Metric, DailySeries> }>();

export function metricSeries(snapshots: readonly SnapshotInput[], metric: Metric): DailySeries {
  let built = builtSeries.get(snapshots);
  if (!built || built.length !== snapshots.length) {
    built = { length: snapshots.length, byMetric: new Map() };
    builtSeries.set(snapshots, built);
  }
  let series = built.byMetric.get(metric);
  if (!series) {
    series = buildSeries(snapshots, metric);
    built.byMetric.set(metric, series);
  }
  return { metric, start: series.start, values: series.values.slice() };
}

function buildSeries(snapshots: readonly SnapshotInput[], metric: Metric): DailySeries {
  if (snapshots.length === 0) return { metric, start: 0, values: [] };
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  const days = snapshots.map((s) => {
    const day = snapshotDay(s);
    if (day < start) start = day;
    if (day > end) end = day;
    return day;
  });
  const values: (number | null)[] = new Array(end - start + 1).fill(null);
  snapshots.forEach((s, i) => {
    const v = s[metric];
    if (v === null || !Number.isFinite(v) || v < 0) return;
    const k = days[i] - start;
    values[k] = (values[k] ?? 0) + v;
  });
  return { metric, start, values };
}

/** The value of a series on a day, or null outside it. */
export function valueOn(series: DailySeries, day: number): number | null {
  const i = day - series.start;
  return i >= 0 && i < series.values.length ? series.values[i] : null;
}

/** Metrics with at least one positive value in the snapshots. */
export function metricsPresent(snapshots: readonly SnapshotInput[]): Metric[] {
  return METRICS.filter((m) => snapshots.some((s) => s[m] !== null && (s[m] as number) > 0));
}

export type TimelineEvent =
  | { type: 'action'; timestamp: string; action_id: string; action_type: string; title: string }
  | { type: 'metric'; timestamp: string; date: string; values: Partial<Record<Metric, number>>; change_pct: Partial<Record<Metric, number>> };

/**
 * One ordered list of actions and end-of-day metric points (docs/domain-rules.md, Correlation engine); each metric point carries its
 * day-over-day change in percent, for display only (the engine judges changes against a baseline, not the day before).
 */
export function buildTimeline(actions: readonly ActionInput[], snapshots: readonly SnapshotInput[]): TimelineEvent[] {
  const events: { at: number; event: TimelineEvent }[] = [];
  for (const t of timedActions(actions)) {
    events.push({
      at: t.at,
      event: { type: 'action', timestamp: new Date(t.at).toISOString(), action_id: t.action.id, action_type: t.action.action_type, title: t.action.title },
    });
  }
  // Dates are validated YYYY-MM-DD (same length, digits): code-unit order is date order, and it needs no collator.
  const sorted = [...snapshots].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let previous: SnapshotInput | null = null;
  for (const s of sorted) {
    const values: Partial<Record<Metric, number>> = {};
    const change: Partial<Record<Metric, number>> = {};
    for (const m of METRICS) {
      const v = s[m];
      if (v === null) continue;
      values[m] = v;
      const p = previous?.[m];
      if (p !== null && p !== undefined && p > 0) change[m] = Math.round(((v - p) / p) * 1000) / 10;
    }
    const endOfDay = (dayNumber(s.date) + 1) * MS_PER_DAY - 1000;
    events.push({ at: endOfDay, event: { type: 'metric', timestamp: new Date(endOfDay).toISOString(), date: s.date, values, change_pct: change } });
    previous = s;
  }
  return events.sort((a, b) => a.at - b.at).map((e) => e.event);
}

/** Hours between two instants. */
export function hoursBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / MS_PER_HOUR;
}

export { MS_PER_DAY, MS_PER_HOUR };
