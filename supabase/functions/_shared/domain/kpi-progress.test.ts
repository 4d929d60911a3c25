import { describe, expect, it } from 'vitest';
import { kpiDays, kpiProgress } from './kpi-progress.ts';
import { chooseMetricSources, mergeBySource, metricSourceLabel } from './metric-sources.ts';

const day = (date: string, v: Partial<{ sales: number; revenue: number; spend: number; conversions: number; engagement: number }>) => ({ date, sales: 0, revenue: 0, spend: 0, conversions: 0, engagement: 0, ...v });
const rows = [day('2026-11-18', { revenue: 900, spend: 100, conversions: 9, sales: 900 }), day('2026-11-19', { revenue: 300, spend: 100, conversions: 3, sales: 300 }), day('2026-11-20', { revenue: 300, spend: 100, conversions: 3, sales: 300 })];

describe('kpiProgress', () => {
  it('computes ROAS from the window totals, not from averaged days', () => {
    const p = kpiProgress('roas', 4, rows, 2, '2026-11-20');
    expect(p).toMatchObject({ actual: 3, attainment: 0.75, onTarget: false, since: '2026-11-19', days: 2 });
  });
  it('treats CPA as lower-is-better', () => {
    expect(kpiProgress('cpa', 25, rows, 3, '2026-11-20')).toMatchObject({ actual: 20, attainment: 1.25, onTarget: true, better: 'lower' });
  });
  it('sums sales and says nothing without data', () => {
    expect(kpiProgress('sales', 1000, rows, 7, '2026-11-20')).toMatchObject({ actual: 1500, onTarget: true });
    expect(kpiProgress('roas', 4, [], 7, '2026-11-20')).toMatchObject({ actual: null, onTarget: null, days: 0 });
  });
});

describe('kpiProgress on the figures that count', () => {
  // A tracked shop: Meta reports spend and its own (inflated) purchase value; the website reports the real sales.
  const snapshots = ['2026-11-18', '2026-11-19', '2026-11-20'].flatMap((date) => [
    { date, data_source: 'meta_ads', spend: 100, revenue: 500, sales: 500, conversions: 5, engagement: 40 },
    { date, data_source: 'website', spend: null, revenue: 300, sales: 300, conversions: 3, engagement: null },
  ]);
  const choice = chooseMetricSources(snapshots);
  const days = kpiDays(mergeBySource(snapshots, choice));

  it('reads ROAS as website revenue over Meta spend, and says so', () => {
    expect(kpiProgress('roas', 4, days, 3, '2026-11-20')).toMatchObject({ actual: 3, onTarget: false, days: 3 });
    expect(metricSourceLabel(choice, 'roas')).toBe('from website and Meta');
  });
  it('reads sales from the website and engagement from Meta, never summed', () => {
    expect(kpiProgress('sales', 900, days, 3, '2026-11-20')).toMatchObject({ actual: 900, onTarget: true });
    expect(kpiProgress('engagement', 100, days, 3, '2026-11-20')).toMatchObject({ actual: 120 });
    expect(metricSourceLabel(choice, 'sales')).toBe('from website');
  });
  it('counts a day a source left blank as 0', () => {
    const gap = kpiDays(mergeBySource([{ date: '2026-11-20', data_source: 'meta_ads', spend: 50, revenue: null }]));
    expect(gap).toEqual([{ date: '2026-11-20', sales: 0, revenue: 0, spend: 50, conversions: 0, engagement: 0 }]);
  });
});
