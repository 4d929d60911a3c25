/**
 * A campaign's primary KPI against its target over its KPI window (the last `windowDays` days up to `today`):
 * sales and engagement are sums, ROAS is revenue ÷ spend, CPA is spend ÷ conversions (lower is better). Ratios
 * come from the window's totals, never from averaging daily ratios.
 */
import { addDays } from './dates.ts';
import type { MergedDay, ReadableMetric } from './metric-sources.ts';

export type PrimaryKpi = 'sales' | 'roas' | 'cpa' | 'engagement';

/** The figure each KPI is, for its source label (metric-sources.ts: ROAS and CPA name both parts' sources). */
export const KPI_METRIC: Record<PrimaryKpi, ReadableMetric> = { sales: 'sales', roas: 'roas', cpa: 'cpa', engagement: 'engagement' };

export interface KpiDay {
  date: string;
  sales: number;
  revenue: number;
  spend: number;
  conversions: number;
  engagement: number;
}

export interface KpiProgress {
  kpi: PrimaryKpi;
  target: number;
  /** The KPI over the window; null when it cannot be computed (no spend for ROAS, no conversions for CPA, no days). */
  actual: number | null;
  /** actual ÷ target (for CPA target ÷ actual), so ≥ 1 always means on target. */
  attainment: number | null;
  onTarget: boolean | null;
  better: 'higher' | 'lower';
  since: string;
  until: string;
  days: number;
}

/** A campaign's days with each metric from the source that counts (mergeBySource) as KPI days; a gap counts 0. */
export function kpiDays(days: readonly MergedDay[]): KpiDay[] {
  return days.map((d) => ({ date: d.date, sales: d.sales ?? 0, revenue: d.revenue ?? 0, spend: d.spend ?? 0, conversions: d.conversions ?? 0, engagement: d.engagement ?? 0 }));
}

/** The KPI over the window and whether it meets the target. */
export function kpiProgress(kpi: PrimaryKpi, target: number, rows: readonly KpiDay[], windowDays: number, today: string): KpiProgress {
  const since = addDays(today, -(Math.max(1, windowDays) - 1));
  const inWindow = rows.filter((r) => r.date >= since && r.date <= today);
  const sum = (k: keyof Omit<KpiDay, 'date'>) => inWindow.reduce((s, r) => s + (Number(r[k]) || 0), 0);
  let actual: number | null;
  if (inWindow.length === 0) actual = null;
  else if (kpi === 'sales') actual = sum('sales');
  else if (kpi === 'engagement') actual = sum('engagement');
  else if (kpi === 'roas') actual = sum('spend') > 0 ? sum('revenue') / sum('spend') : null;
  else actual = sum('conversions') > 0 ? sum('spend') / sum('conversions') : null;
  const better = kpi === 'cpa' ? 'lower' : 'higher';
  const attainment = actual === null || target <= 0 ? null : better === 'lower' ? (actual > 0 ? target / actual : null) : actual / target;
  return { kpi, target, actual, attainment, onTarget: attainment === null ? null : attainment >= 1, better, since, until: today, days: inWindow.length };
}
