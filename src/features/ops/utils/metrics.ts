/**
 * Performance arithmetic of the ops page: which data source to read per campaign, the 7-day windows, totals and the
 * ratios derived from them. Ratios are recomputed from summed totals (ROAS = revenue ÷ spend, CPA = spend ÷
 * conversions), never averaged from daily ratios, so a big day weighs as much as it should.
 */
import { fromDayNumber, toDayNumber } from '@domain/dates.ts';

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

/** Tie-break between sources covering as many days: the ads platform first, hand-typed numbers last. */
const SOURCE_PREFERENCE = ['meta_ads', 'meta_pixel', 'website', 'promo_code', 'manual', 'seed'];

function toNumber(value: number | string | null | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/**
 * One series per campaign: the data source covering the most days (ties by preference). Sources report the same
 * sales (pixel and ads API), so they are never summed.
 */
export function oneSourcePerCampaign<T extends SnapshotRow>(rows: readonly T[]): T[] {
  const days = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const perSource = days.get(row.campaign_id) ?? new Map<string, number>();
    perSource.set(row.data_source, (perSource.get(row.data_source) ?? 0) + 1);
    days.set(row.campaign_id, perSource);
  }
  const rank = (source: string) => {
    const i = SOURCE_PREFERENCE.indexOf(source);
    return i === -1 ? SOURCE_PREFERENCE.length : i;
  };
  const chosen = new Map<string, string>();
  for (const [campaignId, perSource] of days) {
    const [source] = [...perSource.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0];
    chosen.set(campaignId, source);
  }
  return rows.filter((row) => chosen.get(row.campaign_id) === row.data_source).sort((a, b) => a.date.localeCompare(b.date));
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

/** The workspace KPI strip: last 7 days against the previous 7, one data source per campaign. */
export function workspaceKpis(rows: readonly SnapshotRow[], now: Date): Kpi[] {
  const { current, previous } = kpiWindows(now);
  const series = oneSourcePerCampaign(rows);
  const cur = totalMetrics(series.filter((r) => inWindow(r.date, current)));
  const prev = totalMetrics(series.filter((r) => inWindow(r.date, previous)));
  const pick = (m: DerivedMetrics, key: KpiKey): number | null => (m.days === 0 ? null : m[key]);
  return (Object.keys(KPI_META) as KpiKey[]).map((key) => {
    const c = pick(cur, key);
    const p = pick(prev, key);
    return { key, ...KPI_META[key], current: c, previous: p, change: changePct(c, p) };
  });
}

/** Whether a change reads as good, bad or neither for this KPI. */
export function changeTone(kpi: Pick<Kpi, 'change' | 'goodWhen'>): 'good' | 'bad' | 'neutral' {
  if (kpi.change === null || kpi.goodWhen === 'neutral' || Math.abs(kpi.change) < 0.5) return 'neutral';
  return (kpi.change > 0) === (kpi.goodWhen === 'up') ? 'good' : 'bad';
}
