/**
 * Performance arithmetic of the ops page: each metric from the source that counts (domain rule), the 7-day windows, totals and the
 * ratios derived from them. Ratios are recomputed from summed totals (ROAS = revenue ÷ spend, CPA = spend ÷
 * conversions), never averaged from daily ratios, so a big day weighs as much as it should.
 */
import { fromDayNumber, toDayNumber } from '@domain/dates.ts';
import { mergeByCampaign, metricSources, sourceLabel, type SourcedRow } from '@domain/metric-sources.ts';

/** The columns of a performance_snapshots row this page reads. */
export interface SnapshotRow {
  campaign_id: string;
  date: string;
  data_source: string;
  revenue: number | string | null;
  spend: number | string | null;
  conversions: number | string | null;
  impressions: number | string | null;
  clicks: number | string | null;
}

export interface MetricTotals {
  revenue: number;
  spend: number;
  conversions: number;
  impressions: number;
  clicks: number;
  /** Days with a snapshot. */
  days: number;
}

export interface DerivedMetrics extends MetricTotals {
  /** Revenue ÷ spend (×); null without spend. */
  roas: number | null;
  /** Spend ÷ conversions (currency); null without conversions. */
  cpa: number | null;
}

export interface DateWindow {
  /** First day, inclusive (YYYY-MM-DD, UTC). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

function toNumber(value: number | string | null | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Each campaign's days with every metric read from the source that counts for it (the domain rule in
 * metric-sources.ts: spend from Meta, sales from the website when tracked, …). Sources are never summed.
 */
export function countedRows(rows: readonly SnapshotRow[]): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  for (const [campaignId, { days }] of mergeByCampaign(rows as unknown as (SourcedRow & { campaign_id: string })[])) {
    for (const d of days) {
      out.push({ campaign_id: campaignId, date: d.date, data_source: 'counted', revenue: d.revenue, spend: d.spend, conversions: d.conversions, impressions: d.impressions, clicks: d.clicks });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.campaign_id.localeCompare(b.campaign_id));
}

export type LabelledMetric = 'revenue' | 'spend' | 'roas' | 'cpa' | 'conversions' | 'impressions' | 'clicks';

/** "from Meta", "from website and Meta", … per figure, over all campaigns in `rows`; null when no source has it. */
export function sourceLabels(rows: readonly SnapshotRow[]): Record<LabelledMetric, string | null> {
  const keys: LabelledMetric[] = ['revenue', 'spend', 'roas', 'cpa', 'conversions', 'impressions', 'clicks'];
  const sources = Object.fromEntries(keys.map((k) => [k, new Set<string>()])) as Record<LabelledMetric, Set<string>>;
  for (const { choice } of mergeByCampaign(rows as unknown as (SourcedRow & { campaign_id: string })[]).values()) {
    for (const k of keys) for (const s of metricSources(choice, k)) sources[k].add(s);
  }
  return Object.fromEntries(
    keys.map((k) => [k, sources[k].size === 0 ? null : `from ${[...sources[k]].sort().map(sourceLabel).join(' and ')}`]),
  ) as Record<LabelledMetric, string | null>;
}

/** The last 7 days including today and the 7 before them, as UTC calendar days. */
export function kpiWindows(now: Date): { current: DateWindow; previous: DateWindow } {
  const today = toDayNumber(now);
  return {
    current: { from: fromDayNumber(today - 6), to: fromDayNumber(today) },
    previous: { from: fromDayNumber(today - 13), to: fromDayNumber(today - 7) },
  };
}

/** The first day of the last `days` days including today (YYYY-MM-DD, UTC). */
export function daysAgo(now: Date, days: number): string {
  return fromDayNumber(toDayNumber(now) - (days - 1));
}

export function inWindow(date: string, window: DateWindow): boolean {
  return date >= window.from && date <= window.to;
}

/** Sums the counts of the rows and derives ROAS and CPA from the sums. */
export function totalMetrics(rows: readonly SnapshotRow[]): DerivedMetrics {
  const totals: MetricTotals = { revenue: 0, spend: 0, conversions: 0, impressions: 0, clicks: 0, days: 0 };
  const days = new Set<string>();
  for (const row of rows) {
    totals.revenue += toNumber(row.revenue);
    totals.spend += toNumber(row.spend);
    totals.conversions += toNumber(row.conversions);
    totals.impressions += toNumber(row.impressions);
    totals.clicks += toNumber(row.clicks);
    days.add(row.date);
  }
  totals.days = days.size;
  return {
    ...totals,
    roas: totals.spend > 0 ? totals.revenue / totals.spend : null,
    cpa: totals.conversions > 0 ? totals.spend / totals.conversions : null,
  };
}

/** Change from `previous` to `current` in percent; null when there is no base to compare with. */
export function changePct(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

export type KpiKey = 'revenue' | 'spend' | 'roas' | 'cpa' | 'conversions';

export interface Kpi {
  key: KpiKey;
  label: string;
  current: number | null;
  previous: number | null;
  /** Percent change against the previous 7 days; null without a base. */
  change: number | null;
  /** Where the figure comes from ("from Meta"); null when no source has it. */
  source: string | null;
  /** Whether a rise is good news (CPA falling is; spend is neither). */
  goodWhen: 'up' | 'down' | 'neutral';
  kind: 'money' | 'ratio' | 'count';
}

const KPI_META: Record<KpiKey, Pick<Kpi, 'label' | 'goodWhen' | 'kind'>> = {
  revenue: { label: 'Revenue', goodWhen: 'up', kind: 'money' },
  spend: { label: 'Spend', goodWhen: 'neutral', kind: 'money' },
  roas: { label: 'ROAS', goodWhen: 'up', kind: 'ratio' },
  cpa: { label: 'CPA', goodWhen: 'down', kind: 'money' },
  conversions: { label: 'Conversions', goodWhen: 'up', kind: 'count' },
};

/** The workspace KPI strip: last 7 days against the previous 7, each metric from the source that counts. */
export function workspaceKpis(rows: readonly SnapshotRow[], now: Date): Kpi[] {
  const { current, previous } = kpiWindows(now);
  const series = countedRows(rows);
  const labels = sourceLabels(rows);
  const cur = totalMetrics(series.filter((r) => inWindow(r.date, current)));
  const prev = totalMetrics(series.filter((r) => inWindow(r.date, previous)));
  const pick = (m: DerivedMetrics, key: KpiKey): number | null => (m.days === 0 ? null : m[key]);
  return (Object.keys(KPI_META) as KpiKey[]).map((key) => {
    const c = pick(cur, key);
    const p = pick(prev, key);
    return { key, ...KPI_META[key], source: labels[key], current: c, previous: p, change: changePct(c, p) };
  });
}

/** Whether a change reads as good, bad or neither for this KPI. */
export function changeTone(kpi: Pick<Kpi, 'change' | 'goodWhen'>): 'good' | 'bad' | 'neutral' {
  if (kpi.change === null || kpi.goodWhen === 'neutral' || Math.abs(kpi.change) < 0.5) return 'neutral';
  return (kpi.change > 0) === (kpi.goodWhen === 'up') ? 'good' : 'bad';
}
