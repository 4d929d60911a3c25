/**
 * Layout of the correlation timeline (docs/domain-rules.md, Correlation engine: timeline): actions on one track, daily metrics
 * as lines on the other, and a link from each correlated action to the day its metric change began. Pure: positions
 * are fractions (0–1) of the time axis and of each metric's own scale, so the component only multiplies by pixels.
 */

const DAY_MS = 86_400_000;

export interface TimelineAction {
  id: string;
  title: string;
  action_type: string;
  occurred_at: string;
  status: string;
  reverts_action_id: string | null;
}

export interface TimelineSnapshot {
  date: string;
  data_source: string;
  [metric: string]: string | number | null;
}

export interface TimelineCorrelation {
  id: string;
  action_id: string;
  metric: string;
  change_pct: number;
  confidence: number;
  strength: string;
  insight: string | null;
  method: string;
  details: unknown;
}

export interface TimelineMarker {
  id: string;
  title: string;
  actionType: string;
  at: string;
  x: number;
  isRevert: boolean;
  impact: 'negative' | 'positive' | 'neutral';
  correlations: TimelineCorrelation[];
}

export interface TimelineSeries {
  metric: string;
  max: number;
  points: { date: string; x: number; value: number | null; y: number | null }[];
}

export interface TimelineLink {
  id: string;
  actionId: string;
  metric: string;
  onsetDate: string;
  x1: number;
  x2: number;
  /** Fraction of the metric's scale (0 bottom, 1 top) at the onset day. */
  y2: number;
  changePct: number;
  confidence: number;
  impact: 'negative' | 'positive' | 'neutral';
  insight: string | null;
  method: string;
}

export interface TimelineModel {
  start: string;
  end: string;
  days: { date: string; x: number }[];
  markers: TimelineMarker[];
  series: TimelineSeries[];
  links: TimelineLink[];
}

/** Which way is good: a rising CPA hurts, spend is neither. */
const POLARITY: Record<string, number> = { cpa: -1, spend: 0 };

export function impactOf(metric: string, changePct: number): 'negative' | 'positive' | 'neutral' {
  const polarity = POLARITY[metric] ?? 1;
  if (polarity === 0 || changePct === 0) return 'neutral';
  return Math.sign(changePct) * polarity > 0 ? 'positive' : 'negative';
}

function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function num(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** One data source per campaign (the one with the most days): sources report the same sales and are never summed. */
export function oneSourcePerDay(snapshots: readonly TimelineSnapshot[]): TimelineSnapshot[] {
  const counts = new Map<string, number>();
  for (const s of snapshots) counts.set(s.data_source, (counts.get(s.data_source) ?? 0) + 1);
  const source = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return snapshots.filter((s) => s.data_source === source).sort((a, b) => a.date.localeCompare(b.date));
}

/** Order in which correlated metrics are drawn: money first, then a count, so two lines rarely sit on each other. */
const DRAW_ORDER = ['sales', 'conversions', 'roas', 'cpa', 'revenue', 'clicks', 'impressions', 'spend'];

/** The metrics worth drawing: the correlated ones in DRAW_ORDER, else sales; at most `max`. */
export function defaultMetrics(correlations: readonly TimelineCorrelation[], max = 2): string[] {
  const correlated = new Set(correlations.map((c) => c.metric));
  const ordered = DRAW_ORDER.filter((m) => correlated.has(m));
  return (ordered.length ? ordered : ['sales']).slice(0, max);
}

/** Links whose change points are within `radius` (same units as x/y after `toPx`) of each other, merged for one dot. */
export function clusterLinks<T extends { x: number; y: number }>(points: readonly T[], radius: number): T[][] {
  const clusters: { x: number; y: number; items: T[] }[] = [];
  for (const p of points) {
    const near = clusters.find((c) => Math.hypot(c.x - p.x, c.y - p.y) <= radius);
    if (near) near.items.push(p);
    else clusters.push({ x: p.x, y: p.y, items: [p] });
  }
  return clusters.map((c) => c.items);
}

function onsetOf(c: TimelineCorrelation): string | null {
  const onset = (c.details as { onset_date?: unknown } | null)?.onset_date;
  return typeof onset === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(onset) ? onset : null;
}

/**
 * Builds the timeline: the time axis spans the snapshots' days (and any action outside them); a day's value sits at
 * noon of that day; each metric is scaled 0…its maximum so a drop reads as a proportional drop.
 */
export function buildTimelineModel(input: {
  actions: readonly TimelineAction[];
  snapshots: readonly TimelineSnapshot[];
  correlations: readonly TimelineCorrelation[];
  metrics: readonly string[];
}): TimelineModel | null {
  const rows = oneSourcePerDay(input.snapshots);
  const actions = input.actions.filter((a) => a.status !== 'planned' && Number.isFinite(Date.parse(a.occurred_at)));
  const times = [...rows.map((r) => dayStart(r.date)), ...actions.map((a) => Math.floor(Date.parse(a.occurred_at) / DAY_MS) * DAY_MS)];
  if (times.length === 0) return null;
  const startMs = Math.min(...times);
  const endMs = Math.max(...times) + DAY_MS;
  const span = endMs - startMs;
  const xOf = (ms: number) => (ms - startMs) / span;
  const dayX = (date: string) => xOf(dayStart(date) + DAY_MS / 2);

  const days: { date: string; x: number }[] = [];
  for (let t = startMs; t < endMs; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    days.push({ date, x: dayX(date) });
  }

  const series: TimelineSeries[] = input.metrics.map((metric) => {
    const values = rows.map((r) => ({ date: r.date, value: num(r[metric]) }));
    const max = Math.max(0, ...values.map((v) => v.value ?? 0));
    return {
      metric,
      max,
      points: values.map((v) => ({ date: v.date, x: dayX(v.date), value: v.value, y: v.value === null || max === 0 ? null : v.value / max })),
    };
  });

  const byAction = new Map<string, TimelineCorrelation[]>();
  for (const c of input.correlations) byAction.set(c.action_id, [...(byAction.get(c.action_id) ?? []), c]);

  const markers: TimelineMarker[] = actions
    .map((a) => {
      const correlations = (byAction.get(a.id) ?? []).sort((x, y) => y.confidence - x.confidence);
      const lead = correlations[0];
      return {
        id: a.id,
        title: a.title,
        actionType: a.action_type,
        at: a.occurred_at,
        x: xOf(Date.parse(a.occurred_at)),
        isRevert: Boolean(a.reverts_action_id) || /revert/i.test(a.action_type),
        impact: lead ? impactOf(lead.metric, lead.change_pct) : ('neutral' as const),
        correlations,
      };
    })
    .sort((a, b) => a.x - b.x);

  const links: TimelineLink[] = [];
  const markerX = new Map(markers.map((m) => [m.id, m.x]));
  for (const s of series) {
    for (const c of input.correlations) {
      if (c.metric !== s.metric) continue;
      const x1 = markerX.get(c.action_id);
      const onset = onsetOf(c);
      const point = onset ? s.points.find((p) => p.date === onset) : undefined;
      if (x1 === undefined || !onset || !point || point.y === null) continue;
      links.push({
        id: c.id,
        actionId: c.action_id,
        metric: c.metric,
        onsetDate: onset,
        x1,
        x2: point.x,
        y2: point.y,
        changePct: c.change_pct,
        confidence: c.confidence,
        impact: impactOf(c.metric, c.change_pct),
        insight: c.insight,
        method: c.method,
      });
    }
  }
  return { start: new Date(startMs).toISOString().slice(0, 10), end: new Date(endMs - DAY_MS).toISOString().slice(0, 10), days, markers, series, links };
}
