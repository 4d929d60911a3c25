import { type DerivedMetrics, countedRows, type SnapshotRow, totalMetrics } from './metrics';

export interface FunnelStep {
  key: 'impressions' | 'clicks' | 'conversions';
  label: string;
  value: number;
  /** Share of the step before (CTR for clicks, conversion rate for conversions), 0–1; null for the first step or an empty one before. */
  rateFromPrevious: number | null;
  /** Share of impressions, 0–1; null without impressions. */
  rateFromTop: number | null;
}

/** Impressions → clicks → conversions with the rate between each step and from the top. */
export function funnelSteps(totals: Pick<DerivedMetrics, 'impressions' | 'clicks' | 'conversions'>): FunnelStep[] {
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return [
    { key: 'impressions', label: 'Impressions', value: totals.impressions, rateFromPrevious: null, rateFromTop: totals.impressions > 0 ? 1 : null },
    { key: 'clicks', label: 'Clicks', value: totals.clicks, rateFromPrevious: ratio(totals.clicks, totals.impressions), rateFromTop: ratio(totals.clicks, totals.impressions) },
    {
      key: 'conversions',
      label: 'Conversions',
      value: totals.conversions,
      rateFromPrevious: ratio(totals.conversions, totals.clicks),
      rateFromTop: ratio(totals.conversions, totals.impressions),
    },
  ];
}

export interface DailyPoint {
  date: string;
  revenue: number;
  spend: number;
  conversions: number;
  roas: number | null;
}

/** The campaign's day-by-day metrics, each from the source that counts, ROAS recomputed per day. */
export function dailySeries(rows: readonly SnapshotRow[]): { points: DailyPoint[]; totals: DerivedMetrics } {
  const series = countedRows(rows);
  const points = series.map((row) => {
    const t = totalMetrics([row]);
    return { date: row.date, revenue: t.revenue, spend: t.spend, conversions: t.conversions, roas: t.roas };
  });
  return { points, totals: totalMetrics(series) };
}
